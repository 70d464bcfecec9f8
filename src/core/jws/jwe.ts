import { decodeBase64urlSegment } from './base64url';
import { decodeUtf8 } from './utf8';

export interface JweSummary {
  /** The protected header, when it decodes to a JSON object. */
  header: Record<string, unknown> | null;
  alg: string | null;
  enc: string | null;
  /** Sizes of the five parts, in bytes (null where a part is not base64url). */
  sizes: { encryptedKey: number | null; iv: number | null; ciphertext: number | null; tag: number | null };
}

/**
 * Describes a compact JWE (RFC 7516 §7.1: header.encryptedKey.iv.ciphertext.tag). Only the header is
 * readable; the claims need the recipient's private key, which this app never asks for.
 */
export function describeJwe(token: string): JweSummary {
  const [h = '', k = '', iv = '', c = '', t = ''] = token.split('.');
  const size = (s: string) => {
    const r = decodeBase64urlSegment(s, 'token');
    return r.ok ? r.value.bytes.length : null;
  };
  let header: Record<string, unknown> | null = null;
  const hb = decodeBase64urlSegment(h, 'header');
  if (hb.ok) {
    const text = decodeUtf8(hb.value.bytes);
    if (text.ok) {
      try {
        const v: unknown = JSON.parse(text.text);
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) header = v as Record<string, unknown>;
      } catch {
        header = null;
      }
    }
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    header,
    alg: str(header?.alg),
    enc: str(header?.enc),
    sizes: { encryptedKey: size(k), iv: size(iv), ciphertext: size(c), tag: size(t) },
  };
}
