import { decode as base64urlDecode } from 'jose/base64url';
import { MAX_TOKEN_CHARS } from '../jws/limits';
import { decodeUtf8 } from '../jws/utf8';
import { withoutTrailing } from '../text/trailing';
import type { RecognizedInput } from './inputKinds';
import { looksLikeTokenText, normalizeTokenText } from './normalizeToken';

export interface RecognizeOptions {
  /** The YAML parser, once loaded (it is loaded lazily, only when YAML is pasted). */
  parseYaml?: (text: string) => unknown;
  /** Which kubeconfig user to take the token from (defaults to the current context's user). */
  choice?: string;
}

/** The readers for Kubernetes objects: a separate module, so the first screen need not load them. */
export interface DocumentRecognizers {
  recognizeKubernetesDocument: (value: unknown, options: RecognizeOptions) => RecognizedInput | null;
  recognizeDescribeSecret: (text: string) => RecognizedInput | null;
  recognizeTokenLines: (text: string) => RecognizedInput | null;
}

export interface RecognizeTextOptions extends RecognizeOptions {
  /** Without them, documents come back `pending: 'parsers'` so the caller can load them and ask again. */
  documents?: DocumentRecognizers;
  /** JSON and YAML documents longer than this come back `pending: 'worker'`, to be read off the main thread. */
  parseLimit?: number;
}

/**
 * JSON and YAML documents longer than this are parsed in a worker, not on the page's main thread:
 * the `yaml` package reads a few hundred KB a second on a slow machine.
 */
export const MAIN_THREAD_DOCUMENT_CHARS = 256 * 1024;

const BEARER = /(?:^|[\s"'])(?:(?:proxy-)?authorization\s*:\s*)?bearer\s+["']?([^\s"']+)/i;
// Every pattern below is line-local: `[ \t]`, never `\s` (which crosses line breaks, so a `^\s*`
// under the m flag restarts at every line and scans all the rest: quadratic), and never `[\s\S]*`.
/** A line that starts like a top-level key of a Kubernetes object or kubeconfig. */
const YAML_HINT = /^[ \t]*(?:apiVersion|kind|data|stringData|users|items|status|spec|metadata)[ \t]*:/m;
/** A line that starts like a token or its base64. */
const TOKEN_LINE_START = /^[ \t]*["']?(?:eyJ|ZXlK)/;
const NEEDS_PARSERS: RecognizedInput = { kind: 'pending', token: null, notes: [], pending: 'parsers' };
const NEEDS_WORKER: RecognizedInput = { kind: 'pending', token: null, notes: [], pending: 'worker' };
const UNKNOWN_HINT =
  'Paste a JWT (three base64url parts separated by dots, usually starting with "eyJ"), an "Authorization: Bearer …" line, a base64-encoded token, or a Secret, TokenRequest or kubeconfig.';

/**
 * Recognition looks at no more than this much of a text, half from its start and half from its
 * end: enough for every shape it tells apart, and a bound on the work whatever is pasted.
 */
export const SNIFF_CHARS = 64 * 1024;

/** The start and end of a text that recognition looks at (for a short text, all of it twice). */
export function sniffParts(text: string): { head: string; tail: string } {
  if (text.length <= SNIFF_CHARS) return { head: text, tail: text };
  return { head: text.slice(0, SNIFF_CHARS / 2), tail: text.slice(-SNIFF_CHARS / 2) };
}

/** All of a short text; the head and tail of a long one, on separate lines. */
function sniffOf(text: string): string {
  const { head, tail } = sniffParts(text);
  return head === tail ? head : `${head}\n${tail}`;
}

/** `kubectl describe secret` output: a "Name:" line, later a "Type:" line, later a "Data" line. */
function looksLikeDescribeSecret(sniff: string): boolean {
  const wanted = [/^Name:[ \t]+\S/, /^Type:[ \t]+\S/];
  for (const line of sniff.split('\n')) {
    const next = wanted[0];
    if (next) {
      if (next.test(line)) wanted.shift();
    } else if (line.trimEnd() === 'Data') return true;
  }
  return false;
}

/** Two or more lines that start like a token or its base64: maybe a list of tokens. */
function looksLikeTokenLines(sniff: string): boolean {
  let count = 0;
  for (const line of sniff.split('\n')) if (TOKEN_LINE_START.test(line) && ++count === 2) return true;
  return false;
}

/**
 * A large paste is recognised as a Secret list from its first and last few KB, without parsing it
 * on the main thread (JSON.parse of 40 MB blocks a page for about half a second, YAML far longer):
 * the audit view reads the whole text in a worker (issue 7). Smaller texts are parsed as usual.
 */
const LARGE_JSON_CHARS = 1 << 20;
const LARGE_YAML_CHARS = 1 << 18;
// `kubectl get serviceaccounts,secrets` lists ServiceAccounts first, so they count as evidence too.
const JSON_LIST = { items: /"items"\s*:\s*\[/, secret: /"kind"\s*:\s*"(?:Secret|ServiceAccount)"|"type"\s*:\s*"kubernetes\.io\/service-account-token"/, list: /"kind"\s*:\s*"SecretList"/ };
const YAML_LIST = {
  items: /^items:[ \t]*$/m,
  secret: /^[ \t]*(?:-[ \t]+)?(?:kind:[ \t]*["']?(?:Secret|ServiceAccount)["']?|type:[ \t]*["']?kubernetes\.io\/service-account-token["']?)[ \t]*$/m,
  list: /^kind:[ \t]*["']?SecretList["']?[ \t]*$/m,
};
const YAML_DOCUMENT_START = /^---[ \t]*$/m;

function recognizeLargeSecretList(trimmed: string): RecognizedInput | null {
  const json = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (trimmed.length < (json ? LARGE_JSON_CHARS : LARGE_YAML_CHARS)) return null;
  const { head, tail } = sniffParts(trimmed);
  const sniff = json ? JSON_LIST : YAML_LIST;
  const listOpens = json && trimmed.startsWith('[') ? true : sniff.items.test(head) || YAML_DOCUMENT_START.test(head);
  if (!listOpens || !(sniff.secret.test(head) || sniff.list.test(head) || sniff.list.test(tail))) return null;
  const megabytes = (trimmed.length / 1e6).toFixed(1);
  return {
    kind: 'secret-list',
    token: null,
    notes: [`A large list of Secrets (${megabytes} MB): the audit view reads and counts it in the background. Only service account token Secrets are decoded; other Secrets are counted, never shown.`],
    facts: [{ label: 'Size', value: `${megabytes} MB` }],
  };
}

function unknown(message: string, notes: string[] = []): RecognizedInput {
  return { kind: 'unknown', token: null, notes, hint: { code: 'unrecognised-input', segment: 'token', message } };
}

/** A base64 string (standard or url alphabet) whose decoded text is itself a token. */
function unwrapBase64Token(candidate: string): string | null {
  if (candidate.length < 16 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(candidate) || !candidate.startsWith('ZXl')) return null;
  try {
    const bytes = base64urlDecode(withoutTrailing(candidate, '=').replace(/\+/g, '-').replace(/\//g, '_'));
    const text = decodeUtf8(bytes);
    if (!text.ok) return null;
    const inner = text.text.trim();
    return inner.startsWith('eyJ') && inner.includes('.') && looksLikeTokenText(inner) ? inner : null;
  } catch {
    return null;
  }
}

function recognizeBareToken(text: string, extraNotes: string[]): RecognizedInput {
  const { token, notes } = normalizeTokenText(text);
  const allNotes = [...extraNotes, ...notes];
  if (token.length === 0) return unknown(UNKNOWN_HINT, allNotes);
  const inner = token.includes('.') ? null : unwrapBase64Token(token);
  if (inner) {
    return {
      kind: 'token-base64',
      token: inner,
      notes: [...allNotes, 'Decoded one layer of base64: this is what `kubectl get secret … -o jsonpath={.data.token}` prints before `| base64 -d`.'],
    };
  }
  if (token.includes('.')) {
    const parts = token.split('.').length;
    // A token with stray characters still goes to the decoder, which names the offending character.
    return { kind: parts === 5 ? 'jwe' : 'jwt', token, notes: allNotes };
  }
  if (token.startsWith('eyJ') && looksLikeTokenText(token)) return { kind: 'jwt', token, notes: allNotes };
  return unknown(UNKNOWN_HINT, allNotes);
}

/**
 * Recognises what was pasted and pulls out the token to decode. Never throws. Tokens are read
 * here; documents need `options.documents` (and YAML `options.parseYaml`), and documents over
 * `options.parseLimit` are left to a worker.
 */
export function recognizeText(text: string, options: RecognizeTextOptions = {}): RecognizedInput {
  const { documents } = options;
  const trimmed = text.trim();
  if (trimmed.length === 0) return { kind: 'empty', token: null, notes: [] };

  const large = recognizeLargeSecretList(trimmed);
  if (large) return large;

  if (trimmed.startsWith('-----BEGIN')) {
    return unknown('This is a PEM key or certificate, not a token. Paste it into "Verification key" to check a token’s signature.');
  }

  const parseElsewhere = trimmed.length > (options.parseLimit ?? Infinity);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (parseElsewhere) return NEEDS_WORKER;
    if (!documents) return NEEDS_PARSERS;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      return unknown(`This looks like JSON but does not parse: ${(e as Error).message}.`);
    }
    return documents.recognizeKubernetesDocument(value, options) ?? recognizeOtherJson(value);
  }

  const sniff = sniffOf(trimmed);
  if (looksLikeDescribeSecret(sniff)) {
    if (!documents) return NEEDS_PARSERS;
    const described = documents.recognizeDescribeSecret(trimmed);
    if (described) return described;
  }

  if (YAML_HINT.test(sniff) && !/^[A-Za-z0-9_\-.]+$/.test(trimmed)) {
    if (parseElsewhere) return NEEDS_WORKER;
    if (!options.parseYaml || !documents) return NEEDS_PARSERS;
    let value: unknown;
    try {
      value = options.parseYaml(trimmed);
    } catch (e) {
      return unknown(`This looks like YAML but does not parse: ${(e as Error).message.split('\n')[0]}`);
    }
    const k8s = documents.recognizeKubernetesDocument(value, options);
    if (k8s) return k8s;
    return unknown('This YAML is not a Secret, TokenRequest, TokenReview, kubeconfig or list of Secrets, so there is no token to take from it.');
  }

  // Many tokens, one per line → the audit view (issue 7).
  if (looksLikeTokenLines(sniff)) {
    if (!documents) return NEEDS_PARSERS;
    const lines = documents.recognizeTokenLines(trimmed);
    if (lines) return lines;
  }

  if (trimmed.length > MAX_TOKEN_CHARS) {
    // Not a document and far too big for a token: say so without scanning megabytes for one.
    return unknown(
      `This is ${(trimmed.length / 1048576).toFixed(1)} MB of text that is not a Secret, kubeconfig or list of Secrets. A token is about 1 kB; inputs over ${MAX_TOKEN_CHARS / 1048576} MB are only read as JSON or YAML documents.`,
    );
  }

  const bearer = BEARER.exec(trimmed);
  if (bearer?.[1]) {
    if (/^<masked>|^\*+$/i.test(bearer[1])) {
      return unknown('The token here is masked: kubectl -v=8 and similar logs print "Bearer <masked>". Copy the token itself instead.');
    }
    const inner = recognizeBareToken(bearer[1], ['Took the token after "Bearer".']);
    return inner.kind === 'jwt' || inner.kind === 'token-base64' ? { ...inner, kind: 'bearer' } : inner;
  }

  return recognizeBareToken(trimmed, []);
}

function recognizeOtherJson(value: unknown): RecognizedInput {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if ('payload' in o && ('signatures' in o || 'signature' in o)) {
      return unknown('This is a JWS in JSON serialization. kube-apiserver only accepts the compact form (header.payload.signature) as a bearer token.');
    }
    if ('kty' in o || 'keys' in o || 'jwks_uri' in o) {
      return unknown('This is a key (JWK, JWKS or OIDC discovery document), not a token. Paste it into "Verification key".');
    }
    if (typeof o.token === 'string') return recognizeBareToken(o.token, ['Took the "token" member of the JSON.']);
    if (typeof o.access_token === 'string') return recognizeBareToken(o.access_token, ['Took the "access_token" member of the JSON.']);
    if (typeof o.id_token === 'string') return recognizeBareToken(o.id_token, ['Took the "id_token" member of the JSON.']);
  }
  return unknown(`This JSON holds no token this app knows where to find. ${UNKNOWN_HINT}`);
}
