/**
 * Is this "secret" really a key in disguise? Text that decodes (as base64, base64url or hex, up to
 * two layers deep) to PEM, to the DER of a key or certificate, or to a JWK/JWKS, is key material,
 * which is public by nature: HMAC-signing a token with it is the classic algorithm-confusion
 * forgery. Such text is never used as an HMAC secret, even when the user marked it as one.
 *
 * Every step is linear in the text: anchored single-class patterns, line-local checks, and
 * decodings that shrink the text.
 */
import { base64url } from 'jose';
import { trailingRunLength } from '../text/trailing';
import { DER_FORM_NAMES, identifyDerKey, type DerKeyForm } from './derKey';
import { looksLikePem } from './pem';

export type KeyMaterialContent = { kind: 'pem' } | { kind: 'jwk-json' } | { kind: 'jwk-yaml' } | { kind: 'der'; form: DerKeyForm };

export interface KeyMaterial {
  /** The decodings that led to it, outermost first: `['base64']`, `['hex']`, `[]` for the text itself. */
  encodings: ('base64' | 'hex')[];
  content: KeyMaterialContent;
}

/** Decoding layers tried: base64 of a PEM (a Secret's data field) and base64 of that again. */
const MAX_LAYERS = 2;
/** Shorter than this, decoded bytes cannot hold a key (an Ed25519 SPKI is 44 bytes). */
const MIN_ENCODED_CHARS = 16;

const BASE64_BODY = /^[A-Za-z0-9+/_-]*$/;
const HEX_BODY = /^[0-9A-Fa-f]*$/;
/** One YAML line that starts a JWK member: `kty: RSA`, `- kty: EC`, `"kty": oct`. */
const YAML_KTY_LINE = /^[ \t]*(?:-[ \t]+)?["']?kty["']?[ \t]*:/;
const WHITESPACE = /\s+/g;

function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(WHITESPACE, '');
  const padding = trailingRunLength(compact, '=');
  const body = compact.slice(0, compact.length - padding);
  if (body.length < MIN_ENCODED_CHARS || padding > 2 || body.length % 4 === 1 || !BASE64_BODY.test(body)) return null;
  return base64url.decode(body.replace(/\+/g, '-').replace(/\//g, '_'));
}

function decodeHex(text: string): Uint8Array | null {
  // `xxd -p` wraps lines; `openssl … -hex` and many tools separate bytes with colons.
  const compact = text.replace(WHITESPACE, '').replace(/:/g, '');
  if (compact.length < MIN_ENCODED_CHARS || compact.length % 2 === 1 || !HEX_BODY.test(compact)) return null;
  const bytes = new Uint8Array(compact.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(compact.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function hasYamlKtyLine(text: string): boolean {
  for (const line of text.split('\n')) if (YAML_KTY_LINE.test(line)) return true;
  return false;
}

/** What the text itself is, without decoding it. */
function plainContent(text: string): KeyMaterialContent | null {
  if (looksLikePem(text)) return { kind: 'pem' };
  const trimmed = text.trim();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && (trimmed.includes('"kty"') || trimmed.includes('"keys"'))) return { kind: 'jwk-json' };
  if (hasYamlKtyLine(text)) return { kind: 'jwk-yaml' };
  return null;
}

function search(text: string, layers: number): KeyMaterial | null {
  const plain = plainContent(text);
  if (plain) return { encodings: [], content: plain };
  if (layers === 0) return null;
  for (const [encoding, decode] of [['base64', decodeBase64], ['hex', decodeHex]] as const) {
    const bytes = decode(text);
    if (!bytes) continue;
    const form = identifyDerKey(bytes);
    if (form) return { encodings: [encoding], content: { kind: 'der', form } };
    const inner = search(new TextDecoder().decode(bytes), layers - 1);
    if (inner) return { encodings: [encoding, ...inner.encodings], content: inner.content };
  }
  return null;
}

/** The key material this text is or encodes, or null for text that may be a secret. */
export function findKeyMaterial(text: string): KeyMaterial | null {
  return search(text, MAX_LAYERS);
}

/** The same question for secret bytes (an `oct` JWK's `k`): DER itself, or text that is key material. */
export function findKeyMaterialInBytes(bytes: Uint8Array): KeyMaterial | null {
  const form = identifyDerKey(bytes);
  if (form) return { encodings: [], content: { kind: 'der', form } };
  return search(new TextDecoder().decode(bytes), MAX_LAYERS);
}

function contentName(content: KeyMaterialContent): string {
  switch (content.kind) {
    case 'pem':
      return 'PEM text';
    case 'jwk-json':
      return 'a JWK or JWKS';
    case 'jwk-yaml':
      return 'a JWK or JWKS written as YAML';
    case 'der':
      return `the DER bytes of ${DER_FORM_NAMES[content.form]}`;
  }
}

const NEVER_A_SECRET = "Key material is never used as an HMAC secret, even when marked as one: a token HMAC-signed with a public key's text is a forgery anyone can make.";

const nameOf = (material: KeyMaterial): string => `${material.encodings.map((e) => `${e} of `).join('')}${contentName(material.content)}`;

/** Why an oct JWK is refused: the reason for one key, in the key list's "it …" form. */
export function describeKeyMaterialSecret(material: KeyMaterial): string {
  return `its secret ("k") is ${nameOf(material)}; paste the key itself instead. ${NEVER_A_SECRET.replace(/\.$/, '')}`;
}

/** Why the text is refused as an HMAC secret, and what to paste instead. */
export function describeKeyMaterial(material: KeyMaterial): string {
  const what = nameOf(material);
  const asSecretData = material.encodings[0] === 'base64' && material.content.kind === 'pem' ? ', as a Secret\'s data field holds it' : '';
  let instead = 'Paste it as it is, without marking it as a secret: it is read as a key.';
  if (material.encodings.length > 0) instead = 'Decode it first and paste the key itself (PEM, JWK or JWKS).';
  else if (material.content.kind === 'jwk-yaml') instead = 'Convert it to JSON (for example with yq -o json) and paste that.';
  return `This is ${what}${asSecretData}. ${instead} ${NEVER_A_SECRET}`;
}
