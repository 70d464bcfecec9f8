import type { Problem, Segment } from '../result';
import { nestedTooDeeply } from '../json/nesting';
import { MAX_JSON_DEPTH, parseJsonStrict, type JsonFacts } from '../json/parseJsonStrict';
import { decodeBase64urlSegment } from './base64url';
import { MAX_TOKEN_CHARS } from './limits';
import { decodeUtf8 } from './utf8';

export type JsonObject = Record<string, unknown>;

export interface DecodedPart {
  /** The segment exactly as it appears in the token. */
  raw: string;
  bytes: Uint8Array | null;
  /** UTF-8 text, when the bytes are valid UTF-8. */
  text: string | null;
  /** Parsed JSON value, when the text is JSON. */
  json: unknown;
  /** True when `json` holds a parsed value (JSON `null` included). */
  isJson: boolean;
  facts: JsonFacts | null;
}

export interface DecodedToken {
  /** The compact token that was decoded (after input normalisation). */
  token: string;
  header: DecodedPart;
  payload: DecodedPart;
  signature: { raw: string; bytes: Uint8Array | null };
  /** The header as an object, or null if it is not a JSON object. */
  headerObject: JsonObject | null;
  /** The payload as an object (the claims set), or null. */
  claims: JsonObject | null;
  /** Every problem found, each naming its segment; decoding carries on past them where it can. */
  errors: Problem[];
  warnings: string[];
}

export { MAX_TOKEN_CHARS };

function emptyPart(raw: string): DecodedPart {
  return { raw, bytes: null, text: null, json: undefined, isJson: false, facts: null };
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeJsonPart(raw: string, segment: 'header' | 'payload', errors: Problem[], warnings: string[]): DecodedPart {
  const part = emptyPart(raw);
  if (raw.length === 0) {
    errors.push({ code: 'empty-segment', segment, message: `The ${segment} is empty; a JWS ${segment} is base64url-encoded JSON.` });
    return part;
  }
  const b64 = decodeBase64urlSegment(raw, segment);
  if (!b64.ok) {
    errors.push(b64.error);
    return part;
  }
  warnings.push(...b64.value.warnings);
  part.bytes = b64.value.bytes;
  const utf8 = decodeUtf8(part.bytes);
  if (!utf8.ok) {
    errors.push({
      code: 'bad-utf8',
      segment,
      offset: utf8.byteOffset,
      message: `The ${segment} is not valid UTF-8: byte ${utf8.byteOffset + 1} (0x${(part.bytes[utf8.byteOffset] ?? 0).toString(16).padStart(2, '0')}) does not start a valid character.`,
    });
    return part;
  }
  part.text = utf8.text;
  const parsed = parseJsonStrict(utf8.text);
  if (!parsed.ok) {
    const tooDeep = parsed.error.code === 'json-too-deep';
    const notJsonAtAll = parsed.error.offset === 0 && parsed.error.code === 'json-syntax';
    errors.push({
      code: tooDeep ? 'json-too-deep' : notJsonAtAll ? 'not-json' : 'bad-json',
      segment,
      offset: parsed.error.offset,
      message: tooDeep
        ? `The ${segment} is JSON ${nestedTooDeeply(MAX_JSON_DEPTH)}; deeper documents are refused so the page cannot freeze.`
        : notJsonAtAll
          ? `The ${segment} is not JSON${segment === 'payload' ? ' (it is shown as text; its signature can still be checked)' : ''}: ${parsed.error.message}.`
          : `The ${segment} is not valid JSON: ${parsed.error.message}.`,
    });
    return part;
  }
  part.json = parsed.value;
  part.isJson = true;
  part.facts = parsed.facts;
  for (const n of parsed.facts.unsafeIntegers) {
    warnings.push(
      `The ${segment} has ${n.path || 'a number'} = ${n.literal}, beyond 2^53: JavaScript (and so this app) rounds it to ${Number(n.literal)}. Other parsers may read another value.`,
    );
  }
  if (!isPlainObject(parsed.value)) {
    errors.push({
      code: 'not-an-object',
      segment,
      message: `The ${segment} is JSON but not a JSON object (it is ${Array.isArray(parsed.value) ? 'an array' : parsed.value === null ? 'null' : `a ${typeof parsed.value}`}); ${segment === 'payload' ? 'a JWT claims set' : 'a JOSE header'} must be an object.`,
    });
  }
  return part;
}

/**
 * Decodes a compact JWS (RFC 7515 §7.1) without verifying it. Every segment is decoded as far as
 * it goes, so one bad segment never hides the others.
 */
export function decodeToken(token: string): DecodedToken {
  const errors: Problem[] = [];
  const warnings: string[] = [];
  if (token.length > MAX_TOKEN_CHARS) {
    const mb = (token.length / 1048576).toFixed(1);
    errors.push({ code: 'token-too-large', segment: 'token', message: `This is ${mb} MB; tokens over ${MAX_TOKEN_CHARS / 1048576} MB are not decoded. A real service account token is about 1 kB.` });
    const empty = emptyPart('');
    return { token, header: empty, payload: empty, signature: { raw: '', bytes: null }, headerObject: null, claims: null, errors, warnings };
  }
  const parts = token.split('.');
  const tokenProblem = (message: string, code: string): Problem => ({ code, segment: 'token' as Segment, message });

  if (parts.length !== 3) {
    errors.push(
      parts.length === 5
        ? tokenProblem('This has 5 parts: it is an encrypted token (JWE), not a signed one (JWS).', 'jwe')
        : tokenProblem(
            `A signed token (JWS) has 3 parts separated by ".", this has ${parts.length}${parts.length < 3 ? ' — it may have been cut off when copied' : ''}.`,
            'wrong-part-count',
          ),
    );
  }
  const [h = '', p = '', s = ''] = parts;
  const header = decodeJsonPart(h, 'header', errors, warnings);
  const payload = parts.length >= 2 ? decodeJsonPart(p, 'payload', errors, warnings) : emptyPart(p);
  let signatureBytes: Uint8Array | null = null;
  if (parts.length >= 3) {
    if (s.length === 0) signatureBytes = new Uint8Array(0);
    else {
      const sig = decodeBase64urlSegment(s, 'signature');
      if (sig.ok) {
        signatureBytes = sig.value.bytes;
        warnings.push(...sig.value.warnings);
      } else errors.push(sig.error);
    }
  }
  return {
    token,
    header,
    payload,
    signature: { raw: s, bytes: signatureBytes },
    headerObject: isPlainObject(header.json) ? header.json : null,
    claims: isPlainObject(payload.json) ? payload.json : null,
    errors,
    warnings,
  };
}
