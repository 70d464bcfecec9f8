import { decode as joseBase64urlDecode } from 'jose/base64url';
import type { Problem, Segment } from '../result';
import { trailingRunStart } from '../text/trailing';

export interface Base64urlDecoded {
  bytes: Uint8Array;
  /** Non-fatal deviations from strict base64url (RFC 7515 §2): padding, `+` or `/`, unused bits set. */
  warnings: string[];
}

const URL_ALPHABET = /^[A-Za-z0-9_-]*$/;
const URL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The 6-bit value of a base64 or base64url character, or -1. */
function sextet(ch: string): number {
  if (ch === '+') return 62;
  if (ch === '/') return 63;
  return URL_CHARS.indexOf(ch);
}

/**
 * When a segment's length leaves a partial last group, its last character carries unused low bits
 * (4 of them after 2 characters, 2 after 3). Encoders write them as zero (RFC 4648 §3.5); decoders,
 * jose's and Go's among them, ignore them. So "…Q" and "…R" can decode to the same bytes: the same
 * signature spelled two ways. Returns the last character and its canonical spelling when the
 * unused bits are set, else null. `body` is the segment without `=` padding.
 */
export function nonCanonicalTail(body: string): { char: string; canonical: string } | null {
  const unusedMask = body.length % 4 === 2 ? 0x0f : body.length % 4 === 3 ? 0x03 : 0;
  if (unusedMask === 0) return null;
  const char = body[body.length - 1] as string;
  const value = sextet(char);
  if (value < 0 || (value & unusedMask) === 0) return null;
  return { char, canonical: URL_CHARS[value & ~unusedMask] as string };
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === ' ') return 'a space';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\t') return 'a tab';
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code > 0x7e) return `"${ch}" (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `"${ch}"`;
}

/**
 * Decodes one base64url segment. Strict about the alphabet so that errors can name the offending
 * character and its position; tolerant of `=` padding and the standard `+/` alphabet, which are
 * reported as warnings because kube-apiserver (RawURLEncoding) would not accept them.
 */
export function decodeBase64urlSegment(
  text: string,
  segment: Segment,
): { ok: true; value: Base64urlDecoded } | { ok: false; error: Problem } {
  const warnings: string[] = [];
  let body = text;
  const padStart = trailingRunStart(body, '=');
  if (padStart < body.length) {
    body = body.slice(0, padStart);
    warnings.push(`The ${segment} has "=" padding; JWS uses unpadded base64url, and kube-apiserver would reject it.`);
  }
  if (!URL_ALPHABET.test(body)) {
    let hasStandard = false;
    for (let i = 0; i < body.length; i++) {
      const ch = body[i] as string;
      if (/[A-Za-z0-9_-]/.test(ch)) continue;
      if (ch === '+' || ch === '/') {
        hasStandard = true;
        continue;
      }
      const full = String.fromCodePoint(body.codePointAt(i) ?? 0);
      return {
        ok: false,
        error: {
          code: 'bad-base64url',
          segment,
          offset: i,
          message:
            ch === '='
              ? `The ${segment} has "=" at position ${i + 1}, before its end; padding may only come last.`
              : `The ${segment} is not base64url: ${describeChar(full)} at position ${i + 1} (of ${text.length}). Only A–Z, a–z, 0–9, "-" and "_" are allowed.`,
        },
      };
    }
    if (hasStandard) {
      warnings.push(`The ${segment} uses standard base64 ("+" or "/") instead of base64url ("-" and "_").`);
      body = body.replace(/\+/g, '-').replace(/\//g, '_');
    }
  }
  if (body.length % 4 === 1) {
    return {
      ok: false,
      error: {
        code: 'bad-base64url-length',
        segment,
        offset: body.length - 1,
        message: `The ${segment} has ${body.length} base64url characters; a length of 4n+1 cannot be decoded. A character is probably missing or extra (was the token cut off?).`,
      },
    };
  }
  const tail = nonCanonicalTail(body);
  if (tail) {
    warnings.push(
      `The ${segment} ends in "${tail.char}", whose unused low bits are not zero; the same bytes are normally written ending in "${tail.canonical}". Decoders ignore those bits, so this is another spelling of the same ${segment}: the token was re-encoded or altered on the way.`,
    );
  }
  return { ok: true, value: { bytes: joseBase64urlDecode(body), warnings } };
}
