/**
 * The header and payload the user edits are JSON text. This module reads that text strictly (with
 * the position of the first error) and writes JSON back in the two layouts the builder uses:
 * pretty for editing, and compact for signing — compacting only removes whitespace between
 * tokens, so every byte the user can see inside strings and numbers is what gets signed.
 */
import { parseJsonStrict, type JsonFacts } from '../json/parseJsonStrict';
import type { Problem, Segment } from '../result';

export type JsonObject = Record<string, unknown>;

export interface JsonTextProblem extends Problem {
  /** 1-based, for "line 3, column 14" next to the editor. */
  line?: number;
  column?: number;
}

export type JsonTextResult = { ok: true; value: JsonObject; facts: JsonFacts } | { ok: false; error: JsonTextProblem };

const SEGMENT_NAMES: Record<Segment, string> = { header: 'header', payload: 'payload', signature: 'signature', token: 'token' };

const isPlainObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads an edited header or payload: valid JSON, and a JSON object (JWS headers and JWT claim sets are objects). */
export function readJsonObjectText(text: string, segment: 'header' | 'payload'): JsonTextResult {
  const name = SEGMENT_NAMES[segment];
  if (text.trim() === '') return { ok: false, error: { code: 'empty-json', message: `The ${name} is empty; it must be a JSON object such as {}.`, segment } };
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) {
    const { code, message, offset, line, column } = parsed.error;
    return { ok: false, error: { code, message: `The ${name} is not valid JSON: ${message}.`, segment, offset, line, column } };
  }
  if (!isPlainObject(parsed.value)) {
    const what = Array.isArray(parsed.value) ? 'an array' : parsed.value === null ? 'null' : `a ${typeof parsed.value}`;
    return { ok: false, error: { code: 'not-an-object', message: `The ${name} is ${what}; it must be a JSON object ({…}).`, segment } };
  }
  return { ok: true, value: parsed.value, facts: parsed.facts };
}

const JSON_WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Removes the whitespace between JSON tokens and nothing else (valid JSON in, same document out).
 * Unlike JSON.stringify(JSON.parse(text)) it keeps duplicate members, member order, number
 * spelling and string escapes exactly as typed.
 */
export function compactJsonText(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (!JSON_WHITESPACE.has(ch)) out += ch;
  }
  return out;
}

/**
 * JSON with object members sorted by name at every level — the layout of tokens kube-apiserver
 * mints (go-jose marshals a Go map, kubernetes/kubernetes pkg/serviceaccount/jwt.go, signed by go-jose, v1.36). Written by hand because a JS object puts
 * integer-like names first whatever order they were added in.
 */
export function stringifySorted(value: unknown, indent = 0, depth = 0): string {
  const pad = (d: number) => (indent > 0 ? `\n${' '.repeat(indent * d)}` : '');
  const colon = indent > 0 ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => `${pad(depth + 1)}${stringifySorted(item, indent, depth + 1)}`).join(',')}${pad(depth)}]`;
  }
  if (isPlainObject(value)) {
    const names = Object.keys(value).sort();
    if (names.length === 0) return '{}';
    const members = names.map((name) => `${pad(depth + 1)}${JSON.stringify(name)}${colon}${stringifySorted(value[name], indent, depth + 1)}`);
    return `{${members.join(',')}${pad(depth)}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** True when every object in the document lists its members in sorted order. */
export function isSortedDeep(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isSortedDeep);
  if (!isPlainObject(value)) return true;
  const names = Object.keys(value);
  return names.every((name, i) => i === 0 || (names[i - 1] as string) < name) && names.every((name) => isSortedDeep(value[name]));
}

/** Pretty text for the editor; sorted when the document was sorted before a change. */
export function formatForEditing(value: JsonObject, sorted: boolean): string {
  return sorted ? stringifySorted(value, 2) : JSON.stringify(value, null, 2);
}

/**
 * Why rewriting this document (parse, change, print) would change more than the change itself, or
 * null when it is safe. Used before helpers edit the text for the user.
 */
export function rewriteHazard(facts: JsonFacts, segment: 'header' | 'payload'): Problem | null {
  const first = facts.duplicates[0];
  if (first) {
    return {
      code: 'duplicate-member',
      message: `The ${segment} has "${first.name}" more than once${first.path ? ` in ${first.path}` : ''}; rewriting it would keep only one. Edit the text by hand instead.`,
      segment,
    };
  }
  const unsafe = facts.unsafeIntegers[0];
  if (unsafe) {
    return {
      code: 'unsafe-integer',
      message: `The ${segment} has the integer ${unsafe.literal} at ${unsafe.path || 'the top level'}, which JavaScript would round; rewriting it would change it. Edit the text by hand instead.`,
      segment,
    };
  }
  return null;
}
