import { decodeUtf8 } from '../jws/utf8';
import { withoutTrailing } from '../text/trailing';

/**
 * Secret `data` values are standard base64 with padding (Go's base64.StdEncoding, kubernetes/kubectl pkg/describe/describe.go, v0.36).
 * Pasted YAML may fold them across lines, so whitespace is ignored.
 */
export type DecodedData = { ok: true; bytes: Uint8Array; notes: string[] } | { ok: false; message: string };

const STD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const URL_BASE64 = /^[A-Za-z0-9_-]*={0,2}$/;

export function decodeSecretData(value: string): DecodedData {
  const compact = value.replace(/\s+/g, '');
  const notes: string[] = [];
  let std = compact;
  if (!STD_BASE64.test(compact)) {
    if (!URL_BASE64.test(compact)) {
      const bad = [...compact].find((c) => !/[A-Za-z0-9+/=_-]/.test(c)) ?? '=';
      return { ok: false, message: `it is not base64 (it contains ${JSON.stringify(bad)})` };
    }
    notes.push('The value uses the base64url alphabet ("-", "_"); Secret data is standard base64.');
    std = compact.replace(/-/g, '+').replace(/_/g, '/');
  }
  const body = withoutTrailing(std, '=');
  if (body.length % 4 === 1) return { ok: false, message: `its ${body.length} base64 characters cannot be decoded (one is missing or extra)` };
  if (std.length % 4 !== 0) notes.push('The value has no "=" padding; Secret data is padded base64.');
  let binary: string;
  try {
    binary = atob(body);
  } catch {
    return { ok: false, message: 'it is not valid base64' };
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { ok: true, bytes, notes };
}

/** Decodes a Secret data value to UTF-8 text, or says why it cannot. */
export function decodeSecretText(value: string): { ok: true; text: string; notes: string[] } | { ok: false; message: string } {
  const data = decodeSecretData(value);
  if (!data.ok) return data;
  const text = decodeUtf8(data.bytes);
  if (!text.ok) return { ok: false, message: `its decoded bytes are not UTF-8 text (byte ${text.byteOffset + 1})` };
  return { ok: true, text: text.text, notes: data.notes };
}
