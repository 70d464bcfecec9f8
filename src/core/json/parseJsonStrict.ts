/**
 * A strict JSON reader for untrusted token segments. JSON.parse alone cannot say where a document
 * is wrong in the same words on every browser, cannot see duplicate member names (parsers disagree
 * on which value wins) and cannot bound nesting. This scanner is iterative, so even 10,000 levels
 * of nesting cannot overflow the stack; the value itself still comes from JSON.parse, which creates
 * `__proto__` as an ordinary own property and so cannot pollute prototypes.
 */

import { MAX_NESTING_DEPTH, nestedTooDeeply } from './nesting';

export interface JsonSyntaxError {
  code: 'json-syntax' | 'json-too-deep';
  message: string;
  /** 0-based character offset in the text. */
  offset: number;
  line: number;
  column: number;
}

export interface DuplicateMember {
  /** Dotted path of the object that holds the member twice ('' for the top level). */
  path: string;
  name: string;
  /** Every value the member was given, in document order, as JSON text. */
  values: string[];
}

export interface JsonFacts {
  duplicates: DuplicateMember[];
  /** Paths of integers beyond ±(2^53 − 1): JavaScript rounds them, so they are shown as written. */
  unsafeIntegers: { path: string; literal: string }[];
  maxDepth: number;
}

export type StrictJsonResult =
  | { ok: true; value: unknown; facts: JsonFacts }
  | { ok: false; error: JsonSyntaxError };

/** Deeper documents are refused with a message saying so; no real token nests past a handful. */
export const MAX_JSON_DEPTH = MAX_NESTING_DEPTH;

interface Frame {
  kind: 'object' | 'array';
  path: string;
  /** Object members seen so far: name → value texts (for duplicate reporting). */
  members: Map<string, string[]> | null;
  currentKey: string;
  index: number;
  valueStart: number;
}

const WS = new Set([' ', '\t', '\n', '\r']);

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

function show(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (ch === '\n') return 'a line break';
  if (ch === '\t') return 'a tab';
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${ch}"`;
}

function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export function parseJsonStrict(text: string): StrictJsonResult {
  const n = text.length;
  let i = 0;
  const stack: Frame[] = [];
  const facts: JsonFacts = { duplicates: [], unsafeIntegers: [], maxDepth: 0 };

  const error = (message: string, at: number, code: JsonSyntaxError['code'] = 'json-syntax'): StrictJsonResult => {
    const { line, column } = lineColumn(text, at);
    return { ok: false, error: { code, message: `${message} (position ${at + 1}, line ${line}, column ${column})`, offset: at, line, column } };
  };
  const skipWs = () => {
    while (i < n && WS.has(text[i] as string)) i++;
  };

  /** Scans a string starting at the opening quote; returns the index after the closing quote or an error. */
  const scanString = (): number | StrictJsonResult => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return ++i;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return error('Expected four hex digits after "\\u" in a string', i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          return error(`Invalid escape "\\${e ?? ''}" in a string`, i);
        }
        continue;
      }
      if (c < 0x20) return error(`Unescaped ${show(text[i])} inside a string`, i);
      i++;
    }
    return error('Unterminated string: expected a closing \'"\'', start);
  };

  const currentPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return top.kind === 'object' ? childPath(top.path, top.currentKey) : childPath(top.path, String(top.index));
  };

  // mode: what the grammar expects next
  let mode: 'value' | 'after-value' | 'key-or-end' | 'key' | 'value-or-end' = 'value';

  const finishValue = (end: number) => {
    const top = stack[stack.length - 1];
    if (top && top.kind === 'object' && top.members) {
      const values = top.members.get(top.currentKey);
      const textValue = text.slice(top.valueStart, end);
      const shown = textValue.length > 200 ? `${textValue.slice(0, 200)}…` : textValue;
      if (values) values.push(shown);
      else top.members.set(top.currentKey, [shown]);
    }
    mode = 'after-value';
  };

  skipWs();
  if (i >= n) return error('The text is empty; expected a JSON value', 0);

  while (true) {
    skipWs();
    const ch = text[i];
    if (mode === 'value' || mode === 'value-or-end') {
      if (mode === 'value-or-end' && ch === ']') {
        stack.pop();
        i++;
        finishValue(i);
        continue;
      }
      const top = stack[stack.length - 1];
      if (top) top.valueStart = i;
      if (ch === '{' || ch === '[') {
        const path = currentPath();
        stack.push({ kind: ch === '{' ? 'object' : 'array', path, members: ch === '{' ? new Map() : null, currentKey: '', index: 0, valueStart: i });
        if (stack.length > facts.maxDepth) facts.maxDepth = stack.length;
        if (stack.length > MAX_JSON_DEPTH) {
          return error(`It is ${nestedTooDeeply(MAX_JSON_DEPTH)}; deeper documents are refused so the page cannot freeze`, i, 'json-too-deep');
        }
        i++;
        mode = ch === '{' ? 'key-or-end' : 'value-or-end';
        continue;
      }
      if (ch === '"') {
        const r = scanString();
        if (typeof r !== 'number') return r;
        finishValue(i);
        continue;
      }
      if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
        const m = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
        m.lastIndex = i;
        const match = m.exec(text);
        if (!match || match[0] === '-' || match[0].length === 0) return error(`Invalid number: expected a digit after ${show(ch)}`, i);
        const literal = match[0];
        const next = text[i + literal.length];
        if (next !== undefined && /[0-9.eE+-]/.test(next)) return error(`Invalid number "${literal}${next}…": leading zeros, a lone "." or a bad exponent are not JSON`, i + literal.length);
        if (!match[1] && !match[2] && !Number.isSafeInteger(Number(literal))) facts.unsafeIntegers.push({ path: currentPath(), literal });
        i += literal.length;
        finishValue(i);
        continue;
      }
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (word) {
        i += word.length;
        finishValue(i);
        continue;
      }
      if (ch === undefined) return error('Unexpected end of the text: expected a value', i);
      if (ch === "'") return error('Strings must use double quotes, found "\'"', i);
      return error(`Unexpected ${show(ch)}: expected a value (object, array, string, number, true, false or null)`, i);
    }
    if (mode === 'key-or-end' || mode === 'key') {
      if (mode === 'key-or-end' && ch === '}') {
        const done = stack.pop() as Frame;
        collectDuplicates(done, facts);
        i++;
        finishValue(i);
        continue;
      }
      if (ch !== '"') {
        if (ch === '}' && mode === 'key') return error('Trailing comma before "}": expected another member', i);
        return error(`Expected a member name in double quotes, found ${show(ch)}`, i);
      }
      const start = i;
      const r = scanString();
      if (typeof r !== 'number') return r;
      const top = stack[stack.length - 1] as Frame;
      top.currentKey = JSON.parse(text.slice(start, i)) as string;
      skipWs();
      if (text[i] !== ':') return error(`Expected ":" after member name "${top.currentKey}", found ${show(text[i])}`, i);
      i++;
      mode = 'value';
      continue;
    }
    // after-value
    const top = stack[stack.length - 1];
    if (!top) {
      if (ch === undefined) break;
      return error(`Unexpected ${show(ch)} after the end of the JSON value`, i);
    }
    if (ch === ',') {
      i++;
      if (top.kind === 'object') mode = 'key';
      else {
        top.index++;
        mode = 'value';
        skipWs();
        if (text[i] === ']') return error('Trailing comma before "]": expected another element', i);
      }
      continue;
    }
    if (top.kind === 'object' && ch === '}') {
      stack.pop();
      collectDuplicates(top, facts);
      i++;
      finishValue(i);
      continue;
    }
    if (top.kind === 'array' && ch === ']') {
      stack.pop();
      i++;
      finishValue(i);
      continue;
    }
    if (ch === undefined) return error(`Unexpected end of the text: expected "," or "${top.kind === 'object' ? '}' : ']'}"`, i);
    return error(`Expected "," or "${top.kind === 'object' ? '}' : ']'}", found ${show(ch)}`, i);
  }

  return { ok: true, value: JSON.parse(text) as unknown, facts };
}

function collectDuplicates(frame: Frame, facts: JsonFacts): void {
  if (!frame.members) return;
  for (const [name, values] of frame.members) {
    if (values.length > 1) facts.duplicates.push({ path: frame.path, name, values });
  }
}
