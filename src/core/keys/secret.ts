/**
 * HMAC secret text → bytes, as UTF-8 text, base64 or base64url. Decoding errors name the
 * character and its position, because a secret is hard to eyeball.
 */
import { base64url } from 'jose';
import { fail, ok, type Result } from '../result';
import { trailingRunLength } from '../text/trailing';

export type SecretEncoding = 'utf8' | 'base64' | 'base64url';

export interface DecodedSecret {
  bytes: Uint8Array;
  /** What was done to the text on the way (trimmed newline, stripped padding). */
  notes: string[];
}

/** The label of the user's mark that makes raw text an HMAC secret, quoted in messages that ask for it. */
export const HMAC_MARK_LABEL = 'Use this text as an HMAC secret';

/**
 * Real HMAC secrets are 32 to 64 random bytes; past this length a "secret" is more likely the text
 * of a public key or certificate, which anyone can read.
 */
export const LONG_HMAC_SECRET_BYTES = 100;

export const SECRET_ENCODING_NAMES: Record<SecretEncoding, string> = {
  utf8: 'UTF-8 text',
  base64: 'base64',
  base64url: 'base64url',
};

function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${ch}"`;
}

function decodeUtf8Secret(text: string): DecodedSecret {
  const notes: string[] = [];
  // Files end with a newline that is not part of the secret (`echo "s3cret" > secret.txt`); a
  // single one is dropped, and saying so lets a user who really meant it notice.
  const trailing = /\r?\n$/.exec(text);
  let secret = text;
  if (trailing) {
    secret = text.slice(0, trailing.index);
    notes.push('One trailing line break was removed (files usually end with one); it is not part of the secret.');
  }
  if (secret !== secret.trim()) notes.push('The secret starts or ends with spaces or line breaks, which are kept as part of it.');
  return { bytes: new TextEncoder().encode(secret), notes };
}

function decodeBase64Secret(text: string, encoding: 'base64' | 'base64url'): Result<DecodedSecret> {
  const notes: string[] = [];
  const compact = text.replace(/\s+/g, '');
  const padding = trailingRunLength(compact, '=');
  const body = compact.slice(0, compact.length - padding);
  const allowed = encoding === 'base64' ? /[A-Za-z0-9+/]/ : /[A-Za-z0-9_-]/;
  // Positions are counted in the text as typed, so the message points at what the user sees.
  const paddingStart = text.trimEnd().length - padding;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (allowed.test(ch) || /\s/.test(ch) || (ch === '=' && i >= paddingStart)) continue;
    let hint = ' Or choose UTF-8 text if the secret is meant literally.';
    if (encoding === 'base64' && (ch === '-' || ch === '_')) hint = ' It looks like base64url: choose base64url.';
    else if (encoding === 'base64url' && (ch === '+' || ch === '/')) hint = ' It looks like standard base64: choose base64.';
    return fail({
      code: 'bad-secret-encoding',
      message: `The secret is not ${SECRET_ENCODING_NAMES[encoding]}: character ${i + 1} is ${describeChar(ch)}.${hint}`,
      offset: i,
    });
  }
  if (padding > 2 || body.length % 4 === 1) {
    return fail({
      code: 'bad-secret-length',
      message: `The secret has ${body.length} ${SECRET_ENCODING_NAMES[encoding]} characters, which cannot be decoded (a character is missing or extra).`,
    });
  }
  if (padding > 0 && encoding === 'base64url') notes.push('The "=" padding was ignored (base64url is normally unpadded).');
  if (compact.length !== text.trim().length) notes.push('Spaces and line breaks inside the encoded secret were ignored.');
  const bytes = base64url.decode(encoding === 'base64' ? body.replace(/\+/g, '-').replace(/\//g, '_') : body);
  return ok({ bytes, notes });
}

export function decodeSecretText(text: string, encoding: SecretEncoding): Result<DecodedSecret> {
  const decoded = encoding === 'utf8' ? ok(decodeUtf8Secret(text)) : decodeBase64Secret(text, encoding);
  if (decoded.ok && decoded.value.bytes.length === 0) {
    return fail({ code: 'empty-secret', message: 'The secret is empty; an HMAC key needs at least one byte.' });
  }
  return decoded;
}
