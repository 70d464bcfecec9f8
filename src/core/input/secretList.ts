import type { RecognizedInput, SourceFact } from './inputKinds';
import { field, isRecord, recordAt, type JsonRecord } from './documentFields';
import { isSecretDocument, LEGACY_TOKEN_INVALID_SINCE_LABEL, SERVICE_ACCOUNT_TOKEN_TYPE } from './secretDocument';
import { decodeSecretText } from './secretData';

/** The `list` of a `secret-list` made from many tokens pasted one per line. */
export interface TokenLineList {
  source: 'token-lines';
  tokens: string[];
}

export function isTokenLineList(list: unknown): list is TokenLineList {
  return isRecord(list) && list.source === 'token-lines' && Array.isArray(list.tokens);
}

/**
 * The items of a Secret list: `kubectl get secrets -o json|yaml` prints `kind: List` with
 * `kind: Secret` items; the raw API prints `kind: SecretList` with kind-less items (kubernetes/api core/v1 types.go SecretList, v0.36). A plain
 * JSON array of Secrets (jq output) counts too.
 */
export function secretListItems(value: unknown): unknown[] | null {
  const items = Array.isArray(value) ? value : field(value, 'items');
  if (!Array.isArray(items)) return null;
  const kind = Array.isArray(value) ? undefined : field(value, 'kind');
  if (kind === 'SecretList') return items;
  if (kind !== undefined && kind !== 'List') return null;
  if (items.length === 0) return kind === 'List' ? items : null;
  return items.some((item) => isSecretDocument(item, true)) ? items : null;
}

interface ListCounts {
  items: number;
  secrets: number;
  serviceAccountTokens: number;
  withToken: number;
  invalidSince: number;
  serviceAccounts: number;
}

function countItems(items: unknown[], kindless: boolean): ListCounts {
  const c: ListCounts = { items: items.length, secrets: 0, serviceAccountTokens: 0, withToken: 0, invalidSince: 0, serviceAccounts: 0 };
  for (const item of items) {
    if (field(item, 'kind') === 'ServiceAccount') c.serviceAccounts++;
    if (!isSecretDocument(item, kindless || field(item, 'kind') === undefined)) continue;
    c.secrets++;
    if (field(item, 'type') !== SERVICE_ACCOUNT_TOKEN_TYPE) continue;
    c.serviceAccountTokens++;
    // Only key presence is checked: no Secret value is decoded here (issue 7).
    if (typeof field(recordAt(item, 'data'), 'token') === 'string' || typeof field(recordAt(item, 'stringData'), 'token') === 'string') c.withToken++;
    if (Object.hasOwn(recordAt(recordAt(item, 'metadata'), 'labels') ?? {}, LEGACY_TOKEN_INVALID_SINCE_LABEL)) c.invalidSince++;
  }
  return c;
}

/** A list of Secrets: handed to the audit view as `list`, with counts as facts. */
export function recognizeSecretList(value: JsonRecord | unknown[], items: unknown[]): RecognizedInput {
  const c = countItems(items, !Array.isArray(value) && field(value, 'kind') === 'SecretList');
  const facts: SourceFact[] = [
    { label: 'Items', value: String(c.items) },
    { label: 'Secrets', value: String(c.secrets) },
    { label: 'Service account token Secrets', value: String(c.serviceAccountTokens) },
    { label: 'With a token', value: String(c.withToken) },
  ];
  if (c.invalidSince) facts.push({ label: `Labelled ${LEGACY_TOKEN_INVALID_SINCE_LABEL}`, value: String(c.invalidSince) });
  if (c.serviceAccounts) facts.push({ label: 'ServiceAccounts', value: String(c.serviceAccounts) });
  if (c.items > c.secrets) facts.push({ label: 'Other items', value: String(c.items - c.secrets) });
  return {
    kind: 'secret-list',
    token: null,
    notes: ['A list of Secrets: the audit view analyses every service account token in it. Other Secrets are counted, never decoded.'],
    facts,
    list: value,
  };
}

const JWT_LINE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const BASE64_JWT_LINE = /^ZXlK[A-Za-z0-9+/]*={0,2}$/;

/**
 * Many tokens, one per line (for example `kubectl get secrets -o jsonpath='{range .items[*]}{.data.token}{"\n"}{end}'`,
 * which prints them base64-encoded). At least two lines, every one a JWT or the base64 of one.
 */
export function recognizeTokenLines(text: string): RecognizedInput | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length < 2) return null;
  const tokens: string[] = [];
  let decoded = 0;
  for (const line of lines) {
    if (JWT_LINE.test(line)) {
      tokens.push(line);
      continue;
    }
    if (!BASE64_JWT_LINE.test(line)) return null;
    const inner = decodeSecretText(line);
    if (!inner.ok || !JWT_LINE.test(inner.text.trim())) return null;
    tokens.push(inner.text.trim());
    decoded++;
  }
  const list: TokenLineList = { source: 'token-lines', tokens };
  return {
    kind: 'secret-list',
    token: null,
    notes: [`${tokens.length} tokens, one per line${decoded ? ` (${decoded === tokens.length ? 'all' : decoded} base64-encoded, decoded)` : ''}: the audit view analyses them all.`],
    facts: [{ label: 'Tokens', value: String(tokens.length) }],
    list,
  };
}
