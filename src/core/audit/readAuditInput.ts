import { field, isRecord, nonEmptyText, recordAt, type JsonRecord } from '../input/documentFields';
import { isSecretDocument } from '../input/secretDocument';
import { isTokenLineList, recognizeTokenLines } from '../input/secretList';
import type { Problem, Result } from '../result';

/**
 * The ConfigMap the API server writes when it starts tracking legacy tokens
 * (kubernetes/kubernetes pkg/controlplane/controller/legacytokentracking).
 */
export const TRACKING_CONFIGMAP = { namespace: 'kube-system', name: 'kube-apiserver-legacy-service-account-token-tracking', key: 'since' } as const;

/** A pasted list: its Secrets, plus the ServiceAccounts, Pods and tracking ConfigMap that tell more about them. */
export interface SecretListInput {
  source: 'secrets';
  /** Every Secret, in paste order and untouched: only service account token Secrets are read further. */
  secrets: JsonRecord[];
  serviceAccounts: JsonRecord[];
  pods: JsonRecord[];
  /** `data.since` of the tracking ConfigMap, when the paste has it. */
  trackingSince: string | null;
  /** Items that are none of the above. */
  otherItems: number;
}

export interface TokenLinesInput {
  source: 'token-lines';
  tokens: string[];
}

export type AuditInput = SecretListInput | TokenLinesInput;

export type ParseYaml = (text: string) => unknown;

/** Kind-less items of a raw API list take their kind from the list (`SecretList` → `Secret`). */
const ITEM_KIND_OF_LIST: Record<string, string> = { SecretList: 'Secret', ServiceAccountList: 'ServiceAccount', PodList: 'Pod', ConfigMapList: 'ConfigMap' };
/** Lists inside lists (YAML documents that are Lists) are opened this deep, no deeper. */
const MAX_LIST_DEPTH = 3;

function isList(value: unknown): value is JsonRecord {
  if (!isRecord(value) || !Array.isArray(field(value, 'items'))) return false;
  const kind = field(value, 'kind');
  return kind === undefined || (typeof kind === 'string' && kind.endsWith('List'));
}

function addItem(out: SecretListInput, item: unknown, impliedKind: string | undefined): void {
  const kind = field(item, 'kind') ?? impliedKind;
  if (kind === 'Secret' || (kind === undefined && isSecretDocument(item, true))) out.secrets.push(item as JsonRecord);
  else if (kind === 'ServiceAccount' && isRecord(item)) out.serviceAccounts.push(item);
  else if (kind === 'Pod' && isRecord(item)) out.pods.push(item);
  else if (kind === 'ConfigMap' && isTrackingConfigMap(item)) out.trackingSince = nonEmptyText(field(recordAt(item, 'data'), TRACKING_CONFIGMAP.key));
  else out.otherItems++;
}

function isTrackingConfigMap(item: unknown): boolean {
  const metadata = recordAt(item, 'metadata');
  return field(metadata, 'name') === TRACKING_CONFIGMAP.name && field(metadata, 'namespace') === TRACKING_CONFIGMAP.namespace;
}

function collect(out: SecretListInput, value: unknown, depth: number): void {
  if (Array.isArray(value) && depth < MAX_LIST_DEPTH) {
    for (const item of value) collect(out, item, depth + 1);
  } else if (isList(value) && depth < MAX_LIST_DEPTH) {
    const implied = ITEM_KIND_OF_LIST[String(field(value, 'kind'))];
    for (const item of field(value, 'items') as unknown[]) {
      if (isList(item) || Array.isArray(item)) collect(out, item, depth + 1);
      else addItem(out, item, implied);
    }
  } else addItem(out, value, undefined);
}

/**
 * Sorts a parsed document into Secrets, ServiceAccounts, Pods and the tracking ConfigMap:
 * `kubectl get secrets,serviceaccounts,pods -A -o json|yaml` (`List`), a raw `SecretList`, a jq
 * array, or several YAML documents. Null when nothing in it is one of them.
 */
export function collectAuditItems(value: unknown): SecretListInput | null {
  const out: SecretListInput = { source: 'secrets', secrets: [], serviceAccounts: [], pods: [], trackingSince: null, otherItems: 0 };
  collect(out, value, 0);
  const emptyList = isList(value) && (field(value, 'items') as unknown[]).length === 0;
  if (!emptyList && out.secrets.length === 0 && out.serviceAccounts.length === 0) return null;
  return out;
}

const YAML_START = /^(?:---|(?:apiVersion|kind|items|metadata|data|type)\s*:)/m;

function problem(code: string, message: string): Result<never> {
  const error: Problem = { code, message };
  return { ok: false, error };
}

/**
 * Reads the text the user pasted into the audit: a JSON or YAML list (YAML needs `parseYaml`), or
 * many tokens one per line. Never throws.
 */
export function readAuditInput(text: string, parseYaml?: ParseYaml): Result<AuditInput> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return problem('empty', 'Paste the output of kubectl get secrets -A -o json (or -o yaml), or several tokens one per line.');
  let value: unknown;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      return problem('bad-json', `This looks like JSON but does not parse: ${(e as Error).message}.`);
    }
  } else if (YAML_START.test(trimmed.slice(0, 4096))) {
    if (!parseYaml) return problem('needs-yaml', 'This is YAML, and the YAML reader is not loaded.');
    try {
      value = parseYaml(trimmed);
    } catch (e) {
      return problem('bad-yaml', `This looks like YAML but does not parse: ${String((e as Error).message).split('\n')[0]}`);
    }
  } else {
    const lines = recognizeTokenLines(trimmed);
    if (lines && isTokenLineList(lines.list)) return { ok: true, value: { source: 'token-lines', tokens: lines.list.tokens } };
    return problem('not-a-list', 'This is not a list of Secrets or of tokens (one per line). A single token or Secret is explained in the decoder.');
  }
  const items = collectAuditItems(value);
  if (!items) return problem('not-a-list', 'This document holds no Secrets or ServiceAccounts. Paste the output of kubectl get secrets -A -o json (add serviceaccounts,pods to the list to learn more).');
  return { ok: true, value: items };
}
