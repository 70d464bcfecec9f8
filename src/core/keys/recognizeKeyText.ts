/**
 * What kind of text was pasted into the key field. The order matters for safety: anything that
 * looks like a key (PEM armour, JSON, an OpenSSH line, base64 DER of a key) is claimed here and
 * can never fall through to being an HMAC secret — the classic algorithm-confusion attack signs an
 * HS256 token with the text of a public key.
 */
import { base64url } from 'jose';
import { identifyDerKey, type DerKeyForm } from './derKey';
import { withoutTrailing } from '../text/trailing';
import { looksLikePem } from './pem';

export type KeyTextShape =
  | { shape: 'empty' }
  | { shape: 'pem' }
  | { shape: 'json' }
  | { shape: 'der-base64'; der: Uint8Array; form: DerKeyForm }
  | { shape: 'openssh' }
  | { shape: 'jwt' }
  | { shape: 'text' };

const OPENSSH_PUBLIC = /^(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d+|sk-[a-z0-9@.-]+)\s+AAAA/;
const COMPACT_JWS = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const BASE64_BLOB = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** A DER key is at least ~44 bytes (an Ed25519 SPKI); shorter base64 is left to be a secret. */
const MIN_DER_BASE64_CHARS = 56;

function derFromBase64(compact: string): Uint8Array | null {
  if (compact.length < MIN_DER_BASE64_CHARS || !BASE64_BLOB.test(compact)) return null;
  const body = withoutTrailing(compact, '=').replace(/\+/g, '-').replace(/\//g, '_');
  if (body.length % 4 === 1) return null;
  const bytes = base64url.decode(body);
  return bytes[0] === 0x30 ? bytes : null;
}

export function recognizeKeyText(text: string): KeyTextShape {
  const trimmed = text.trim();
  if (trimmed === '') return { shape: 'empty' };
  if (looksLikePem(text)) return { shape: 'pem' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { shape: 'json' };
  if (OPENSSH_PUBLIC.test(trimmed) || trimmed.startsWith('-----BEGIN OPENSSH')) return { shape: 'openssh' };
  if (COMPACT_JWS.test(trimmed)) return { shape: 'jwt' };
  const der = derFromBase64(trimmed.replace(/\s+/g, ''));
  const form = der ? identifyDerKey(der) : null;
  if (der && form) return { shape: 'der-base64', der, form };
  return { shape: 'text' };
}
