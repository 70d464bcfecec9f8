import { decode as joseBase64urlDecode } from 'jose/base64url';
import type { Problem, Segment } from '../result';

export interface Base64urlDecoded {
  bytes: Uint8Array;
  /** Non-fatal deviations from strict base64url (RFC 7515 §2): padding, `+` or `/`. */
  warnings: string[];
}

const URL_ALPHABET = /^[A-Za-z0-9_-]*$/;

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
  const padMatch = /=+$/.exec(body);
  if (padMatch) {
    body = body.slice(0, padMatch.index);
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
  return { ok: true, value: { bytes: joseBase64urlDecode(body), warnings } };
}
