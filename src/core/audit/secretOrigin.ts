import { field, nonEmptyText, recordAt, type JsonRecord } from '../input/documentFields';
import type { OriginReason, SecretOrigin } from './auditRow';

interface ServiceAccountFacts {
  uid: string | null;
  /** Names in `.secrets[]`: the Secrets the token controller generated for it. */
  secrets: Set<string>;
}

/** The ServiceAccounts of a paste, by `namespace/name`, for telling auto-generated Secrets from manual ones. */
export interface ServiceAccountIndex {
  size: number;
  get(namespace: string, name: string): ServiceAccountFacts | undefined;
}

const key = (namespace: string, name: string) => `${namespace}/${name}`;

export function indexServiceAccounts(serviceAccounts: JsonRecord[]): ServiceAccountIndex {
  const byKey = new Map<string, ServiceAccountFacts>();
  for (const sa of serviceAccounts) {
    const metadata = recordAt(sa, 'metadata');
    const name = nonEmptyText(field(metadata, 'name'));
    if (!name) continue;
    const namespace = nonEmptyText(field(metadata, 'namespace')) ?? '';
    const listed = field(sa, 'secrets');
    const secrets = new Set<string>();
    if (Array.isArray(listed)) {
      for (const ref of listed) {
        const secretName = nonEmptyText(field(ref, 'name'));
        if (secretName) secrets.add(secretName);
      }
    }
    byKey.set(key(namespace, name), { uid: nonEmptyText(field(metadata, 'uid')), secrets });
  }
  return { size: byKey.size, get: (namespace, name) => byKey.get(key(namespace, name)) };
}

export interface SecretRef {
  namespace: string | null;
  name: string | null;
  /** The kubernetes.io/service-account.name and .uid annotations. */
  serviceAccount: string | null;
  serviceAccountUid: string | null;
}

/**
 * Decides as the legacy token cleaner does (kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go): the
 * Secret is auto-generated when the ServiceAccount its annotation names, in its namespace, lists
 * it in `.secrets[]`, and the uid annotation, if set, is that ServiceAccount's uid. Without the
 * ServiceAccount in the paste this cannot be known offline.
 */
export function secretOrigin(secret: SecretRef, index: ServiceAccountIndex): { origin: SecretOrigin; reason: OriginReason } {
  if (!secret.serviceAccount) return { origin: 'manual', reason: 'no-annotation' };
  if (index.size === 0) return { origin: 'unknown', reason: 'no-service-accounts' };
  const sa = index.get(secret.namespace ?? '', secret.serviceAccount);
  if (!sa) return { origin: 'unknown', reason: 'service-account-not-in-paste' };
  if (secret.serviceAccountUid && sa.uid && secret.serviceAccountUid !== sa.uid) return { origin: 'manual', reason: 'uid-mismatch' };
  if (secret.name && sa.secrets.has(secret.name)) return { origin: 'auto', reason: 'listed' };
  return { origin: 'manual', reason: 'not-listed' };
}

/** Why the origin is what it is, in a sentence. */
export const ORIGIN_REASONS: Record<OriginReason, string> = {
  listed: 'Auto-generated: its ServiceAccount lists it in .secrets[]. The API server warns on every use, and the legacy token cleaner may label and later delete it.',
  'not-listed': 'Manual: its ServiceAccount does not list it in .secrets[]. The legacy token cleaner never labels or deletes it.',
  'uid-mismatch':
    'Manual as far as the cleaner is concerned: its kubernetes.io/service-account.uid annotation names another ServiceAccount than the one of that name in the paste (recreated since?), so the cleaner leaves it alone — and the API server refuses its token, since the service account uid no longer matches.',
  'no-annotation': 'No kubernetes.io/service-account.name annotation: the cleaner cannot find its ServiceAccount and leaves it alone.',
  'no-service-accounts':
    'Unknown: the paste holds no ServiceAccounts. Paste kubectl get secrets,serviceaccounts -A -o json to tell auto-generated Secrets (listed in a ServiceAccount’s .secrets[]) from manual ones.',
  'service-account-not-in-paste': 'Unknown: its ServiceAccount is not in the paste (or no longer exists, in which case its token no longer works either).',
  'token-line': 'Unknown: a bare token, without its Secret.',
};
