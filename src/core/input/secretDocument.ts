import { kubectlHint } from '../kubernetes/kubectlCommand';
import type { RecognizedInput, SourceFact } from './inputKinds';
import { field, isRecord, nonEmptyText, quoted, recordAt, shortText, stringMap, textOf, type JsonRecord } from './documentFields';
import { decodeSecretData, decodeSecretText } from './secretData';

/** Secret type, annotations and labels used by service account token Secrets (kubernetes/kubernetes pkg/controller/serviceaccount/tokens_controller.go, v1.36; kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go, KEP-2799, v1.36). */
export const SERVICE_ACCOUNT_TOKEN_TYPE = 'kubernetes.io/service-account-token';
export const SERVICE_ACCOUNT_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
export const SERVICE_ACCOUNT_UID_ANNOTATION = 'kubernetes.io/service-account.uid';
export const LEGACY_TOKEN_LAST_USED_LABEL = 'kubernetes.io/legacy-token-last-used';
export const LEGACY_TOKEN_INVALID_SINCE_LABEL = 'kubernetes.io/legacy-token-invalid-since';

export interface CaCertSummary {
  /** Size of the decoded ca.crt in bytes. */
  bytes: number;
  /** Null when only the size is known (kubectl describe). */
  isPem: boolean | null;
  /** Complete `BEGIN CERTIFICATE … END CERTIFICATE` blocks. */
  certificates: number | null;
}

export interface SecretSummary {
  name: string | null;
  namespace: string | null;
  /** Where the namespace came from: metadata, or the token controller's `data.namespace`. */
  namespaceSource: 'metadata' | 'data' | null;
  type: string | null;
  uid: string | null;
  creationTimestamp: string | null;
  serviceAccountName: string | null;
  serviceAccountUid: string | null;
  isServiceAccountToken: boolean;
  /** The token, decoded from base64 (data) or as written (stringData). */
  token: string | null;
  tokenSource: 'data' | 'stringData' | null;
  /** Why a token value present in the Secret could not be used. */
  tokenProblem: string | null;
  tokenNotes: string[];
  caCrt: CaCertSummary | null;
  lastUsed: string | null;
  invalidSince: string | null;
  /** Names of the keys under data and stringData (never their values). */
  dataKeys: string[];
}

/** True for a Secret document; `inList` accepts the kind-less items of a raw SecretList (kubernetes/api core/v1 types.go SecretList, v0.36). */
export function isSecretDocument(value: unknown, inList = false): value is JsonRecord {
  if (!isRecord(value)) return false;
  const kind = field(value, 'kind');
  if (kind === 'Secret') return true;
  if (kind !== undefined || !inList) return false;
  return typeof field(value, 'type') === 'string' && (isRecord(field(value, 'data')) || isRecord(field(value, 'stringData')) || isRecord(field(value, 'metadata')));
}

function looksLikeJwt(text: string): boolean {
  return /^eyJ[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*$/.test(text);
}

const BEGIN_CERTIFICATE = '-----BEGIN CERTIFICATE-----';
const END_CERTIFICATE = '-----END CERTIFICATE-----';

/**
 * Complete BEGIN … END CERTIFICATE blocks, counted with indexOf. The regex `BEGIN…[\s\S]*?END`
 * scans to the end of the text from every BEGIN that has no END: 721 KB took 2.9 s.
 */
function countCertificates(text: string): number {
  let count = 0;
  for (let at = text.indexOf(BEGIN_CERTIFICATE); at >= 0; ) {
    const end = text.indexOf(END_CERTIFICATE, at + BEGIN_CERTIFICATE.length);
    if (end < 0) break;
    count++;
    at = text.indexOf(BEGIN_CERTIFICATE, end + END_CERTIFICATE.length);
  }
  return count;
}

/** Summarises a ca.crt: its size and whether it holds PEM certificates (looking at its first MB). */
export function summarizeCaCert(bytes: Uint8Array): CaCertSummary {
  let text = '';
  for (let i = 0; i < Math.min(bytes.length, 1 << 20); i++) text += String.fromCharCode(bytes[i] as number);
  const certificates = countCertificates(text);
  return { bytes: bytes.length, isPem: certificates > 0, certificates };
}

export function describeCaCert(ca: CaCertSummary): string {
  const size = `${ca.bytes} byte${ca.bytes === 1 ? '' : 's'}`;
  if (ca.isPem === null) return size;
  if (!ca.isPem) return `${size}, not a PEM certificate`;
  return `${size}, PEM, ${ca.certificates} certificate${ca.certificates === 1 ? '' : 's'}`;
}

export interface ReadSecretOptions {
  /** Decode `token` from Secrets of any type (a single pasted Secret); by default only SA-token Secrets. */
  anyType?: boolean;
}

/**
 * Reads what matters about a Secret without decoding any value but `token`, `namespace` and
 * `ca.crt`: other Secret data is sensitive and stays untouched (issue 7).
 */
export function readSecret(secret: JsonRecord, options: ReadSecretOptions = {}): SecretSummary {
  const metadata = recordAt(secret, 'metadata');
  const data = recordAt(secret, 'data');
  const stringData = recordAt(secret, 'stringData');
  const annotations = stringMap(field(metadata, 'annotations'));
  const labels = stringMap(field(metadata, 'labels'));
  const type = textOf(field(secret, 'type'));
  const isServiceAccountToken = type === SERVICE_ACCOUNT_TOKEN_TYPE;
  const summary: SecretSummary = {
    name: nonEmptyText(field(metadata, 'name')),
    namespace: nonEmptyText(field(metadata, 'namespace')),
    namespaceSource: null,
    type,
    uid: nonEmptyText(field(metadata, 'uid')),
    creationTimestamp: nonEmptyText(field(metadata, 'creationTimestamp')),
    serviceAccountName: annotations[SERVICE_ACCOUNT_NAME_ANNOTATION] ?? null,
    serviceAccountUid: annotations[SERVICE_ACCOUNT_UID_ANNOTATION] ?? null,
    isServiceAccountToken,
    token: null,
    tokenSource: null,
    tokenProblem: null,
    tokenNotes: [],
    caCrt: null,
    lastUsed: labels[LEGACY_TOKEN_LAST_USED_LABEL] ?? null,
    invalidSince: labels[LEGACY_TOKEN_INVALID_SINCE_LABEL] ?? null,
    dataKeys: [...new Set([...Object.keys(data ?? {}), ...Object.keys(stringData ?? {})])],
  };
  if (summary.namespace) summary.namespaceSource = 'metadata';
  else {
    // The token controller also writes the namespace into data.namespace (kubernetes/kubernetes pkg/controller/serviceaccount/tokens_controller.go, v1.36).
    const ns = field(data, 'namespace');
    const decoded = typeof ns === 'string' ? decodeSecretText(ns) : null;
    const plain = nonEmptyText(field(stringData, 'namespace'));
    if (decoded?.ok && decoded.text.trim()) {
      summary.namespace = decoded.text.trim();
      summary.namespaceSource = 'data';
    } else if (plain) {
      summary.namespace = plain;
      summary.namespaceSource = 'data';
    }
  }

  const ca = field(data, 'ca.crt');
  const caPlain = field(stringData, 'ca.crt');
  if (typeof ca === 'string') {
    const bytes = decodeSecretData(ca);
    if (bytes.ok) summary.caCrt = summarizeCaCert(bytes.bytes);
  } else if (typeof caPlain === 'string') {
    summary.caCrt = summarizeCaCert(new TextEncoder().encode(caPlain));
  }

  const mayDecode = isServiceAccountToken || options.anyType === true;
  const plainToken = field(stringData, 'token');
  const dataToken = field(data, 'token');
  if (typeof plainToken === 'string' && plainToken.trim() && mayDecode) {
    // stringData is write-only convenience: the API server stores it as data.token.
    const token = plainToken.trim();
    if (isServiceAccountToken || looksLikeJwt(token)) {
      summary.token = token;
      summary.tokenSource = 'stringData';
      summary.tokenNotes.push('Took stringData.token (plain text; the API server stores it base64-encoded as data.token).');
    } else summary.tokenProblem = 'stringData.token is not a JWT';
  } else if (typeof dataToken === 'string' && dataToken.trim() && mayDecode) {
    const decoded = decodeSecretText(dataToken);
    const raw = dataToken.trim();
    if (decoded.ok && (isServiceAccountToken || looksLikeJwt(decoded.text.trim()))) {
      summary.token = decoded.text.trim();
      summary.tokenSource = 'data';
      summary.tokenNotes.push('Took data.token and decoded its base64 (Secret data is always base64-encoded).', ...decoded.notes);
    } else if (looksLikeJwt(raw)) {
      summary.token = raw;
      summary.tokenSource = 'data';
      summary.tokenNotes.push('data.token holds the JWT itself, not its base64: the API server would read it as base64 and get a different value. Took it as it is.');
    } else if (!decoded.ok) summary.tokenProblem = `data.token cannot be decoded: ${decoded.message}`;
    else summary.tokenProblem = 'data.token does not decode to a JWT';
  }
  return summary;
}

/** The facts a Secret contributes beside the token (name, namespace, ca.crt, labels). */
export function secretFacts(s: SecretSummary): SourceFact[] {
  const facts: SourceFact[] = [];
  const add = (label: string, value: string) => facts.push({ label, value: shortText(value) });
  if (s.name) add('Secret', s.name);
  if (s.namespace) facts.push({ label: 'Namespace', value: `${shortText(s.namespace)}${s.namespaceSource === 'data' ? ' (from data.namespace)' : ''}` });
  if (s.type) add('Type', s.type);
  if (s.serviceAccountName) add('Service account', s.serviceAccountName);
  if (s.serviceAccountUid) add('Service account UID', s.serviceAccountUid);
  if (s.caCrt) add('ca.crt', describeCaCert(s.caCrt));
  if (s.creationTimestamp) add('Created', s.creationTimestamp);
  // kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go, KEP-2799, v1.36: written by the API server (last used) and by the legacy token cleaner (invalid since).
  if (s.lastUsed) add(LEGACY_TOKEN_LAST_USED_LABEL, s.lastUsed);
  if (s.invalidSince) add(LEGACY_TOKEN_INVALID_SINCE_LABEL, s.invalidSince);
  return facts;
}

/** The hint for a Secret that carries no usable token. */
export function secretWithoutTokenHint(s: SecretSummary): NonNullable<RecognizedInput['hint']> {
  const where = `${s.name ? quoted(s.name) : 'this Secret'}${s.namespace ? ` in namespace ${quoted(s.namespace)}` : ''}`;
  if (s.tokenProblem) {
    return { code: 'secret-token-unreadable', segment: 'token', message: `The Secret has a token, but ${s.tokenProblem}.` };
  }
  if (s.isServiceAccountToken) {
    const sa = s.serviceAccountName
      ? `service account ${quoted(s.serviceAccountName)}`
      : `the service account named in the annotation ${SERVICE_ACCOUNT_NAME_ANNOTATION} (missing here: without it the controller does not know whom to mint a token for)`;
    return {
      code: 'secret-token-pending',
      segment: 'token',
      message: `This Secret of type ${SERVICE_ACCOUNT_TOKEN_TYPE} has no token yet. A manually created one starts with only the annotation and the type; the token controller in kube-controller-manager then fills in data.token, data.ca.crt and data.namespace for ${sa}. Fetch it again with ${kubectlHint({ words: ['get', 'secret'], namespace: s.namespace, options: ['--output=yaml'], name: { kind: 'secret', value: s.name } })}. If it stays empty, check that the service account exists.`,
    };
  }
  return {
    code: 'secret-without-token',
    segment: 'token',
    message: `${where.charAt(0).toUpperCase()}${where.slice(1)} is of type ${s.type ? quoted(s.type) : '(none)'} and has no token. Only Secrets of type ${SERVICE_ACCOUNT_TOKEN_TYPE} carry a service account token; the other values of this Secret are not shown.`,
  };
}

/** A pasted Secret (YAML or JSON): its token and facts (kubernetes/kubectl pkg/describe/describe.go, v0.36; kubernetes/api core/v1 types.go Secret, v0.36). */
export function recognizeSecret(secret: JsonRecord): RecognizedInput {
  const s = readSecret(secret, { anyType: true });
  const facts = secretFacts(s);
  if (s.token) return { kind: 'secret', token: s.token, notes: s.tokenNotes, facts };
  return { kind: 'secret', token: null, notes: s.tokenNotes, facts, hint: secretWithoutTokenHint(s) };
}
