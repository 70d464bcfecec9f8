import type { RecognizedInput } from './inputKinds';
import {
  LEGACY_TOKEN_INVALID_SINCE_LABEL,
  LEGACY_TOKEN_LAST_USED_LABEL,
  SERVICE_ACCOUNT_NAME_ANNOTATION,
  SERVICE_ACCOUNT_TOKEN_TYPE,
  SERVICE_ACCOUNT_UID_ANNOTATION,
  secretFacts,
  secretWithoutTokenHint,
  type SecretSummary,
} from './secretDocument';
import { normalizeTokenText } from './normalizeToken';

const FIELD_NAME = /^[A-Z][A-Za-z ]*$/;
const SIZE = /^(\d+) bytes?$/;

/**
 * A `key: value` line split at its first colon. Index-based: a regex such as `:\s+(.*)$` backtracks
 * through every split of a long run of spaces when the line holds a character `.` refuses (U+2028),
 * which is quadratic in the line's length.
 */
function splitAtColon(line: string): [string, string] | null {
  const colon = line.indexOf(':');
  return colon <= 0 ? null : [line.slice(0, colon), line.slice(colon + 1)];
}

/** `Name:         value` (a field) → ['Name', 'value']; the value must be set off by whitespace. */
function fieldOf(line: string): [string, string] | null {
  const pair = splitAtColon(line);
  if (!pair || !FIELD_NAME.test(pair[0]) || (pair[1] !== '' && !/^\s/.test(pair[1]))) return null;
  return [pair[0], pair[1].trimStart()];
}

/** `token:      eyJ…` (a line under Data) → ['token', 'eyJ…']. */
function dataLineOf(line: string): [string, string] | null {
  const pair = splitAtColon(line);
  if (!pair || /^\s/.test(pair[0])) return null;
  return [pair[0].trim(), pair[1].trim()];
}

/** Splits `key=value` (labels) or `key: value` (annotations) lines into a map; `<none>` is empty. */
function readPairs(lines: string[], separator: '=' | ':'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line === '<none>') continue;
    const at = line.indexOf(separator);
    if (at <= 0) continue;
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

/**
 * `kubectl describe secret` output. kubectl prints a service-account-token Secret’s token already
 * decoded under `Data` (`token:      eyJ…`) and every other value as a size (`ca.crt:  1066 bytes`)
 * (kubernetes/kubectl pkg/describe/describe.go, v0.36).
 */
export function recognizeDescribeSecret(text: string): RecognizedInput | null {
  const lines = text.split(/\r?\n/);
  const fields = new Map<string, string[]>();
  const data = new Map<string, string>();
  let current: string[] | null = null;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === 'Data' && /^=+\s*$/.test(lines[i + 1] ?? '')) {
      i += 2;
      break;
    }
    const field = fieldOf(line);
    if (field) {
      current = [field[1]];
      fields.set(field[0], current);
    } else if (current && /^\s/.test(line)) current.push(line);
  }
  for (; i < lines.length; i++) {
    const pair = dataLineOf(lines[i] as string);
    if (pair) data.set(pair[0], pair[1]);
  }
  const name = fields.get('Name')?.[0]?.trim();
  const type = fields.get('Type')?.[0]?.trim();
  if (!name || !type) return null;

  const labels = readPairs(fields.get('Labels') ?? [], '=');
  const annotations = readPairs(fields.get('Annotations') ?? [], ':');
  const namespace = fields.get('Namespace')?.[0]?.trim() || null;
  const caSize = SIZE.exec(data.get('ca.crt') ?? '');
  const tokenValue = data.get('token');
  const summary: SecretSummary = {
    name,
    namespace,
    namespaceSource: namespace ? 'metadata' : null,
    type,
    uid: null,
    creationTimestamp: null,
    serviceAccountName: annotations[SERVICE_ACCOUNT_NAME_ANNOTATION] ?? null,
    serviceAccountUid: annotations[SERVICE_ACCOUNT_UID_ANNOTATION] ?? null,
    isServiceAccountToken: type === SERVICE_ACCOUNT_TOKEN_TYPE,
    token: null,
    tokenSource: null,
    tokenProblem: null,
    tokenNotes: [],
    caCrt: caSize ? { bytes: Number(caSize[1]), isPem: null, certificates: null } : null,
    lastUsed: labels[LEGACY_TOKEN_LAST_USED_LABEL] ?? null,
    invalidSince: labels[LEGACY_TOKEN_INVALID_SINCE_LABEL] ?? null,
    dataKeys: [...data.keys()],
  };
  const facts = secretFacts(summary);
  if (tokenValue && !SIZE.test(tokenValue)) {
    const { token, notes } = normalizeTokenText(tokenValue);
    return { kind: 'secret', token, notes: ['Took the token from the Data section of `kubectl describe secret` (kubectl prints it already decoded).', ...notes], facts };
  }
  if (tokenValue) summary.tokenProblem = `kubectl printed only its size (${tokenValue}), which it does for Secrets that are not of type ${SERVICE_ACCOUNT_TOKEN_TYPE}`;
  return { kind: 'secret', token: null, notes: [], facts, hint: secretWithoutTokenHint(summary) };
}
