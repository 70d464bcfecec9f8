import { field, isRecord, nonEmptyText, recordAt, type JsonRecord } from '../input/documentFields';

/**
 * Secret names a Pod uses, per namespace: the cleaner skips any Secret a Pod in its namespace uses
 * (legacy_serviceaccount_token_cleaner.go).
 */
export interface PodSecretIndex {
  /** Pods in the paste; 0 means "not known", not "unused". */
  pods: number;
  /** Names of the Pods in `namespace` that use the Secret `name`. */
  podsUsing(namespace: string, name: string): string[];
}

function arrayAt(value: unknown, key: string): unknown[] {
  const inner = field(value, key);
  return Array.isArray(inner) ? inner : [];
}

/** Any `secretRef.name`, `secretName` or `nodePublishSecretRef.name` inside a volume source. */
function volumeSecretNames(volume: unknown, add: (name: unknown) => void): void {
  if (!isRecord(volume)) return;
  for (const source of Object.values(volume)) {
    if (!isRecord(source)) continue;
    add(field(source, 'secretName'));
    add(field(recordAt(source, 'secretRef'), 'name'));
    add(field(recordAt(source, 'nodePublishSecretRef'), 'name'));
    for (const projected of arrayAt(source, 'sources')) add(field(recordAt(projected, 'secret'), 'name'));
  }
}

function containerSecretNames(container: unknown, add: (name: unknown) => void): void {
  for (const env of arrayAt(container, 'env')) add(field(recordAt(recordAt(env, 'valueFrom'), 'secretKeyRef'), 'name'));
  for (const from of arrayAt(container, 'envFrom')) add(field(recordAt(from, 'secretRef'), 'name'));
}

/**
 * Which Secrets each Pod references, as podutil.VisitPodSecretNames walks them: image pull
 * Secrets, Secret and projected volumes, volume sources with a secretRef, env and envFrom.
 */
export function indexPodSecrets(pods: JsonRecord[]): PodSecretIndex {
  const users = new Map<string, string[]>();
  for (const pod of pods) {
    const metadata = recordAt(pod, 'metadata');
    const namespace = nonEmptyText(field(metadata, 'namespace')) ?? '';
    const podName = nonEmptyText(field(metadata, 'name')) ?? '(unnamed pod)';
    const spec = recordAt(pod, 'spec');
    const names = new Set<string>();
    const add = (name: unknown) => {
      const text = nonEmptyText(name);
      if (text) names.add(text);
    };
    for (const ref of arrayAt(spec, 'imagePullSecrets')) add(field(ref, 'name'));
    for (const volume of arrayAt(spec, 'volumes')) volumeSecretNames(volume, add);
    for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
      for (const container of arrayAt(spec, list)) containerSecretNames(container, add);
    }
    for (const name of names) {
      const k = `${namespace}/${name}`;
      const list = users.get(k) ?? [];
      list.push(podName);
      users.set(k, list);
    }
  }
  return { pods: pods.length, podsUsing: (namespace, name) => users.get(`${namespace}/${name}`) ?? [] };
}
