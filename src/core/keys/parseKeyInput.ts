/**
 * Key text → what it is and the candidate keys it holds. Never throws and never rejects: every
 * problem comes back as `error` (nothing usable) or as a `skipped` entry (one block or JWKS
 * member unusable, the rest fine).
 */
import { parseJsonStrict } from '../json/parseJsonStrict';
import type { Problem } from '../result';
import { describeKeyShape, publicCandidate, secretCandidate, type CandidateKey, type CandidateMeta } from './candidateKey';
import { DER_FORM_NAMES, PEM_LABEL_OF_FORM, identifyDerKey, isPrivateForm, publicKeyFromDer, type DerKeyForm } from './derKey';
import { readJwk } from './jwk';
import { describeKeyError } from './keyFormatError';
import { describeKeyMaterial, describeKeyMaterialSecret, findKeyMaterial, findKeyMaterialInBytes } from './keyMaterialInText';
import { scanPem, type PemBlock } from './pem';
import { recognizeKeyText } from './recognizeKeyText';
import { HMAC_MARK_LABEL, SECRET_ENCODING_NAMES, decodeSecretText, type SecretEncoding } from './secret';

export type KeyInputKind =
  | 'empty'
  | 'pem'
  | 'jwk'
  | 'jwks'
  | 'oidc-discovery'
  | 'hmac-secret'
  /** Text that is no key format, not marked as an HMAC secret: it holds no key. */
  | 'unmarked-text'
  | 'unknown';

export interface SkippedKey {
  label: string;
  reason: string;
}

export interface KeyInput {
  kind: KeyInputKind;
  /** One line: "3 PEM blocks: 2 keys used, 1 skipped". */
  description: string;
  candidates: CandidateKey[];
  skipped: SkippedKey[];
  /** Sentences for the user: private key reduced, newline trimmed, duplicate keys… */
  notices: string[];
  /** Set when nothing usable came out of the text. */
  error: Problem | null;
  /** For an OpenID discovery document: where its keys are. */
  discovery: { issuer: string | null; jwksUri: string | null } | null;
}

export interface KeyInputOptions {
  secretEncoding: SecretEncoding;
  /**
   * The user marked the text as an HMAC secret. Unmarked, text that is no key format holds no key:
   * HMAC is never a fallback. (An `oct` JWK or JWKS is a secret by its own declaration.)
   */
  textIsHmacSecret?: boolean;
}


/** 1 MiB of text: a kube-apiserver key file with dozens of keys is a few tens of kB. */
export const MAX_KEY_INPUT_BYTES = 1024 * 1024;
/** A JWKS (or a PEM file) with more keys than this is not a cluster's key set. */
export const MAX_JWKS_KEYS = 100;
export const MAX_PEM_BLOCKS = 100;

export const PRIVATE_KEY_NOTICE = 'A private key was pasted; only its public part is used, and nothing leaves the browser.';

const NON_KEY_LABELS: Record<string, string> = {
  'EC PARAMETERS': 'it holds curve parameters, not a key (openssl ecparam -genkey writes them before the key)',
  'DH PARAMETERS': 'it holds Diffie-Hellman parameters, not a signing key',
  'CERTIFICATE REQUEST': 'it is a certificate signing request, not a key kube-apiserver would load',
  'NEW CERTIFICATE REQUEST': 'it is a certificate signing request, not a key kube-apiserver would load',
  'X509 CRL': 'it is a certificate revocation list, not a key',
  PKCS7: 'it is a PKCS#7 bundle; take the certificates out with openssl pkcs7 -print_certs',
  CMS: 'it is a CMS bundle, not a key',
  'ENCRYPTED PRIVATE KEY': 'it is encrypted with a passphrase; decrypt it first (openssl pkey -in key.pem -out plain.pem)',
  'OPENSSH PRIVATE KEY': 'it is in OpenSSH format; convert it first (ssh-keygen -p -m PKCS8 -f <copy of the key>)',
  'SSH2 PUBLIC KEY': 'it is an RFC 4716 SSH key; convert it first (ssh-keygen -i -m PKCS8 -f key.pub)',
  'DSA PRIVATE KEY': 'it is a DSA key; JWS has no DSA algorithm',
};

const KNOWN_KEY_LABELS = new Set([...Object.values(PEM_LABEL_OF_FORM), 'TRUSTED CERTIFICATE', 'X509 CERTIFICATE']);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function result(partial: Partial<KeyInput> & Pick<KeyInput, 'kind' | 'description'>): KeyInput {
  return { candidates: [], skipped: [], notices: [], error: null, discovery: null, ...partial };
}

function failure(kind: KeyInputKind, code: string, message: string, extra: Partial<KeyInput> = {}): KeyInput {
  return result({ kind, description: message, error: { code, message }, ...extra });
}

/** Adds notices that depend on the whole set of candidates. */
function finish(input: KeyInput): KeyInput {
  if (input.candidates.some((c) => c.fromPrivateKey)) input.notices.unshift(PRIVATE_KEY_NOTICE);
  const byKid = new Map<string, string[]>();
  for (const c of input.candidates) {
    if (c.kubernetesKid) byKid.set(c.kubernetesKid, [...(byKid.get(c.kubernetesKid) ?? []), c.label]);
  }
  for (const [kid, labels] of byKid) {
    if (labels.length > 1) input.notices.push(`${labels.join(' and ')} hold the same public key (Kubernetes kid ${kid}).`);
  }
  return input;
}

function nextId(counter: { n: number }): string {
  counter.n += 1;
  return `key-${counter.n}`;
}

// ---- PEM ----------------------------------------------------------------------------------

async function candidateFromBlock(block: PemBlock, der: Uint8Array, counter: { n: number }): Promise<CandidateKey | SkippedKey> {
  const label = `PEM block ${block.index} (${block.label})`;
  const nonKey = Object.hasOwn(NON_KEY_LABELS, block.label) ? NON_KEY_LABELS[block.label] : undefined;
  if (nonKey) return { label, reason: nonKey };
  if (/ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '')) {
    return { label, reason: 'it is encrypted with a passphrase (legacy OpenSSL encryption); decrypt it first (openssl pkey -in key.pem -out plain.pem)' };
  }
  const trusted = block.label === 'TRUSTED CERTIFICATE';
  const form = identifyDerKey(der, trusted);
  if (!form) return { label, reason: `its content is not a key, certificate or private key structure${KNOWN_KEY_LABELS.has(block.label) ? '' : ` (and "${block.label}" is not a key label)`}` };
  const notes: string[] = [];
  const expected = PEM_LABEL_OF_FORM[form];
  if (block.label !== expected && !(form === 'certificate' && KNOWN_KEY_LABELS.has(block.label) && block.label.includes('CERTIFICATE'))) {
    notes.push(`Labelled "${block.label}" but holds ${DER_FORM_NAMES[form]}; it is read as what it holds (kube-apiserver ignores PEM labels too).`);
  }
  if (form === 'pkcs1-public') {
    notes.push('kube-apiserver does not load RSA PUBLIC KEY (PKCS#1) blocks from --service-account-key-file; convert it with: openssl rsa -RSAPublicKey_in -in key.pem -pubout');
  }
  try {
    const key = await publicKeyFromDer(der, form, trusted);
    const meta: CandidateMeta = {
      id: '',
      label: key.subjectCommonName ? `${label.slice(0, -1)}, CN=${key.subjectCommonName})` : label,
      fromPrivateKey: isPrivateForm(form),
      notes,
    };
    const candidate = await publicCandidate(key.facts, meta);
    candidate.id = nextId(counter);
    return candidate;
  } catch (error) {
    return { label, reason: describeKeyError(error) };
  }
}

async function parsePemText(text: string): Promise<KeyInput> {
  const scan = scanPem(text);
  if (scan.problem) return failure('pem', 'bad-pem', `${scan.problem} It is not used as an HMAC secret.`, { notices: scan.notes });
  if (scan.blocks.length > MAX_PEM_BLOCKS) {
    return failure('pem', 'too-many-keys', `The text has ${scan.blocks.length} PEM blocks; at most ${MAX_PEM_BLOCKS} are read.`);
  }
  const input = result({ kind: 'pem', description: '', notices: [...scan.notes] });
  const counter = { n: 0 };
  for (const block of scan.blocks) {
    if (!block.der) {
      input.skipped.push({ label: `PEM block ${block.index} (${block.label})`, reason: block.problem ?? 'it could not be decoded' });
      continue;
    }
    const outcome = await candidateFromBlock(block, block.der, counter);
    if ('reason' in outcome) input.skipped.push(outcome);
    else input.candidates.push(outcome);
  }
  input.description = describePem(scan.blocks, input);
  if (input.candidates.length === 0) {
    const reasons = input.skipped.map((s) => `${s.label}: ${s.reason}`).join('; ');
    input.error = { code: 'no-usable-key', message: `No usable key in the PEM text. ${reasons}.` };
  }
  return finish(input);
}

function describePem(blocks: PemBlock[], input: KeyInput): string {
  const only = input.candidates[0];
  if (blocks.length === 1 && only) {
    return `PEM ${blocks[0]?.label}: ${describeKeyShape(only)}${only.fromPrivateKey ? ', reduced to its public key' : ''}`;
  }
  if (blocks.length === 1) return `PEM ${blocks[0]?.label}: not usable`;
  return `${plural(blocks.length, 'PEM block')}: ${plural(input.candidates.length, 'key')} used, ${input.skipped.length} skipped`;
}

// ---- base64 DER without armour -----------------------------------------------------------

async function parseBareDer(der: Uint8Array, form: DerKeyForm): Promise<KeyInput> {
  const formLabel = PEM_LABEL_OF_FORM[form];
  const block: PemBlock = { index: 1, label: formLabel, line: 1, der, problem: null, headers: {} };
  const outcome = await candidateFromBlock(block, der, { n: 0 });
  if ('reason' in outcome) {
    return failure('pem', 'no-usable-key', `The base64 text is ${DER_FORM_NAMES[form]} that cannot be used: ${outcome.reason}. It is not used as an HMAC secret.`);
  }
  outcome.label = `base64 DER (${formLabel})`;
  return finish(
    result({
      kind: 'pem',
      description: `base64 DER ${formLabel}: ${describeKeyShape(outcome)}${outcome.fromPrivateKey ? ', reduced to its public key' : ''}`,
      candidates: [outcome],
      notices: ['This is base64-encoded DER without PEM armour; it is read as a key (never as an HMAC secret).'],
    }),
  );
}

// ---- JSON: JWK, JWKS, discovery ------------------------------------------------------------

async function candidateFromJwk(value: unknown, label: string, counter: { n: number }): Promise<CandidateKey | SkippedKey> {
  try {
    const reading = readJwk(value);
    const meta: CandidateMeta = {
      id: '',
      label,
      fromPrivateKey: reading.kind === 'public' && reading.fromPrivateKey,
      notes: reading.meta.notes,
      ...(reading.meta.givenKid !== undefined && { givenKid: reading.meta.givenKid }),
      ...(reading.meta.alg !== undefined && { jwkAlg: reading.meta.alg }),
      ...(reading.meta.use !== undefined && { use: reading.meta.use }),
      ...(reading.meta.keyOps !== undefined && { keyOps: reading.meta.keyOps }),
    };
    const material = reading.kind === 'secret' ? findKeyMaterialInBytes(reading.bytes) : null;
    if (material) return { label, reason: describeKeyMaterialSecret(material) };
    const candidate = reading.kind === 'public' ? await publicCandidate(reading.facts, meta) : secretCandidate(reading.bytes, meta);
    candidate.id = nextId(counter);
    return candidate;
  } catch (error) {
    return { label, reason: describeKeyError(error) };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function parseJsonText(text: string): Promise<KeyInput> {
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) {
    return failure('unknown', 'bad-json', `This looks like JSON but is not valid JSON (line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message}). It is not used as an HMAC secret.`);
  }
  const notices = parsed.facts.duplicates.map((d) => `"${d.name}" appears ${d.values.length} times${d.path ? ` in ${d.path}` : ''}; the last value is used.`);
  const value = parsed.value;
  if (!isObject(value)) {
    return failure('unknown', 'not-a-key', `This is JSON ${Array.isArray(value) ? 'array' : 'value'}, not a JWK or a JWKS (a key set is an object: {"keys": [...]}).`);
  }
  const counter = { n: 0 };
  if ('keys' in value) {
    const jwks = await parseJwks(value.keys, counter);
    return finish({ ...jwks, notices: [...notices, ...jwks.notices] });
  }
  if ('kty' in value) {
    const outcome = await candidateFromJwk(value, 'JWK', counter);
    if ('reason' in outcome) return failure('jwk', 'bad-jwk', `The JWK cannot be used: ${outcome.reason}.`, { notices });
    const kind = outcome.kty === 'oct' ? 'an HMAC secret (oct JWK)' : describeKeyShape(outcome);
    const description = `JWK: ${kind}${outcome.givenKid !== undefined ? `, kid "${outcome.givenKid}"` : ''}${outcome.fromPrivateKey ? ', reduced to its public key' : ''}`;
    return finish(result({ kind: 'jwk', description, candidates: [outcome], notices }));
  }
  if ('jwks_uri' in value || 'issuer' in value) return parseDiscovery(value, notices);
  return failure('unknown', 'not-a-key', 'This is JSON, but not a JWK (no "kty"), a JWKS (no "keys") or an OpenID discovery document (no "jwks_uri").', { notices });
}

async function parseJwks(keys: unknown, counter: { n: number }): Promise<KeyInput> {
  if (!Array.isArray(keys)) return failure('jwks', 'bad-jwks', 'The JWKS "keys" member must be an array of JWKs.');
  if (keys.length === 0) return failure('jwks', 'no-usable-key', 'The JWKS has no keys.');
  if (keys.length > MAX_JWKS_KEYS) return failure('jwks', 'too-many-keys', `The JWKS has ${keys.length} keys; at most ${MAX_JWKS_KEYS} are read.`);
  const input = result({ kind: 'jwks', description: '' });
  for (const [i, key] of keys.entries()) {
    const outcome = await candidateFromJwk(key, `JWKS key ${i + 1}`, counter);
    if ('reason' in outcome) input.skipped.push(outcome);
    else input.candidates.push(outcome);
  }
  input.description = input.skipped.length
    ? `JWKS with ${plural(keys.length, 'key')}: ${input.candidates.length} used, ${input.skipped.length} skipped`
    : `JWKS with ${plural(keys.length, 'key')}`;
  if (input.candidates.length === 0) {
    input.error = { code: 'no-usable-key', message: `No usable key in the JWKS. ${input.skipped.map((s) => `${s.label}: ${s.reason}`).join('; ')}.` };
  }
  return input;
}

function parseDiscovery(doc: Record<string, unknown>, notices: string[]): KeyInput {
  const issuer = typeof doc.issuer === 'string' ? doc.issuer : null;
  const jwksUri = typeof doc.jwks_uri === 'string' ? doc.jwks_uri : null;
  const where = jwksUri ? `they are at its jwks_uri, ${jwksUri}` : 'and it names no jwks_uri';
  return result({
    kind: 'oidc-discovery',
    description: `OpenID discovery document${issuer ? ` for ${issuer}` : ''}: it holds no keys; ${where}.`,
    discovery: { issuer, jwksUri },
    notices: [
      ...notices,
      'Fetch the key set from the jwks_uri, or run `kubectl get --raw /openid/v1/jwks` against the cluster and paste the output here.',
    ],
  });
}

// ---- HMAC secret ---------------------------------------------------------------------------

function parseSecret(text: string, encoding: SecretEncoding): KeyInput {
  const decoded = decodeSecretText(text, encoding);
  if (!decoded.ok) return failure('hmac-secret', decoded.error.code, decoded.error.message);
  const { bytes, notes } = decoded.value;
  const name = SECRET_ENCODING_NAMES[encoding];
  const candidate = secretCandidate(bytes, { id: 'key-1', label: `HMAC secret (${name})`, fromPrivateKey: false });
  const notices = [...notes, 'An HMAC secret verifies only HS256/HS384/HS512 tokens; Kubernetes never signs with HMAC.'];
  if (bytes.length < 32) notices.push(`The secret is ${plural(bytes.length, 'byte')}; RFC 7518 §3.2 asks for at least as many bytes as the hash (32 for HS256).`);
  return result({ kind: 'hmac-secret', description: `HMAC secret: ${plural(bytes.length, 'byte')} (${name})`, candidates: [candidate], notices });
}

function unmarkedText(): KeyInput {
  return result({
    kind: 'unmarked-text',
    description: `Text that is not a key (no PEM, JWK or JWKS). It is used as an HMAC secret only if you tick “${HMAC_MARK_LABEL}”.`,
  });
}

// ---- entry point ---------------------------------------------------------------------------

/**
 * The size cap, checked before anything else reads the text (a parser, a query key, a hash), so a
 * 10 MB paste costs one length check. Null when the text is small enough to read.
 */
export function refuseOversizedKeyText(text: string): KeyInput | null {
  // Cheap bound first: a string of n UTF-16 units has at most 3n UTF-8 bytes and at least n.
  if (text.length * 3 <= MAX_KEY_INPUT_BYTES) return null;
  const size = text.length > MAX_KEY_INPUT_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (size <= MAX_KEY_INPUT_BYTES) return null;
  return failure('unknown', 'key-input-too-large', `The key text is ${text.length > MAX_KEY_INPUT_BYTES ? 'over ' : ''}${Math.ceil(size / 1024)} KiB; at most ${MAX_KEY_INPUT_BYTES / 1024} KiB is read. Real key files are a few kB.`);
}

async function parseUnguarded(text: string, options: KeyInputOptions): Promise<KeyInput> {
  const tooLarge = refuseOversizedKeyText(text);
  if (tooLarge) return tooLarge;
  const shape = recognizeKeyText(text);
  switch (shape.shape) {
    case 'empty':
      return result({ kind: 'empty', description: 'No key entered.' });
    case 'pem':
      return parsePemText(text);
    case 'json':
      return parseJsonText(text);
    case 'der-base64':
      return parseBareDer(shape.der, shape.form);
    case 'openssh':
      return failure('unknown', 'openssh-key', 'This is an OpenSSH key, which JWS does not use. Convert a public key with: ssh-keygen -e -m PKCS8 -f key.pub. It is not used as an HMAC secret.');
    case 'jwt':
      return failure('unknown', 'token-not-key', 'This is a token (JWT), not a key. Paste the token in the token field, and the public key, JWKS or secret here.');
    case 'text': {
      const material = findKeyMaterial(text);
      if (material) return failure('unknown', 'key-material-as-secret', describeKeyMaterial(material));
      return options.textIsHmacSecret === true ? parseSecret(text, options.secretEncoding) : unmarkedText();
    }
  }
}

export async function parseKeyInput(text: string, options: KeyInputOptions): Promise<KeyInput> {
  try {
    return await parseUnguarded(text, options);
  } catch (error) {
    // Parsers report bad input as values; reaching here is a bug, still shown, never thrown.
    return failure('unknown', 'internal-error', `The key could not be read because of an unexpected error (${error instanceof Error ? error.message : String(error)}).`);
  }
}
