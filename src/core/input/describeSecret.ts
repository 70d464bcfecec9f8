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

const FIELD = /^([A-Z][A-Za-z ]*):(?:\s+(.*))?$/;
const DATA_LINE = /^([^\s:][^:]*):\s*(.*)$/;
const SIZE = /^(\d+) bytes?$/;

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
 * (reference §9c).
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
    const m = FIELD.exec(line);
    if (m && !/^\s/.test(line)) {
      current = [m[2] ?? ''];
      fields.set(m[1] as string, current);
    } else if (current && /^\s/.test(line)) current.push(line);
  }
  for (; i < lines.length; i++) {
    const m = DATA_LINE.exec((lines[i] as string).trimEnd());
    if (m) data.set((m[1] as string).trim(), (m[2] as string).trim());
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
