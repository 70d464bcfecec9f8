/**
 * PEM (RFC 7468) text → labelled DER blocks. Lenient where pasting mangles text (indentation from
 * YAML, CRLF, `\n` escapes from a JSON string), precise where the content is wrong (it names the
 * line and character), and never drops a block silently: every block comes back, decoded or with
 * the reason it could not be.
 */
import { base64url } from 'jose';
import { trailingRunLength } from '../text/trailing';

export interface PemBlock {
  /** 1-based position among the blocks in the text. */
  index: number;
  label: string;
  /** 1-based line of the BEGIN line in the (normalised) text. */
  line: number;
  der: Uint8Array | null;
  /** Why the block could not be decoded (then `der` is null). */
  problem: string | null;
  /** RFC 1421 headers, e.g. `Proc-Type: 4,ENCRYPTED` on a legacy OpenSSL-encrypted key. */
  headers: Record<string, string>;
}

export interface PemScan {
  blocks: PemBlock[];
  notes: string[];
  /** Set when the text looks like PEM but holds no block at all. */
  problem: string | null;
}

const BEGIN = /-----BEGIN ([^\n]*?)-----/g;
const BASE64_CHAR = /[A-Za-z0-9+/]/;

const SPACE = /\s/;
const WORD_CHAR = /\w/;
const UPPER = /[A-Z]/;

/**
 * Does `word` stand after an armour dash run, as in `-----BEGIN` or `--- BEGIN X`? An index loop,
 * not `/-{3,}\s*BEGIN [A-Z]/`: that pattern backtracks over every dash at every start, and 40,000
 * dashes took seconds. Each occurrence looks back over at most its own run of spaces and 5 dashes,
 * and those runs do not overlap, so the whole scan is linear.
 */
function hasArmourWord(text: string, word: 'BEGIN' | 'END'): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    let i = at;
    while (i > 0 && SPACE.test(text[i - 1] as string)) i--;
    let dashes = 0;
    while (i > 0 && dashes < 5 && text[i - 1] === '-') {
      i--;
      dashes++;
    }
    const after = text[at + word.length] ?? '';
    if (dashes === 5 && !WORD_CHAR.test(after)) return true;
    // A mangled BEGIN line with fewer dashes still declares a label: "--- BEGIN PUBLIC KEY".
    if (word === 'BEGIN' && dashes >= 3 && after === ' ' && UPPER.test(text[at + word.length + 1] ?? '')) return true;
  }
  return false;
}

/** Any armour line, even a broken one, means the text is meant as PEM and must never be a secret. */
export function looksLikePem(text: string): boolean {
  return hasArmourWord(text, 'BEGIN') || hasArmourWord(text, 'END');
}

/** Line numbers for offsets visited in increasing order, counted once over the text. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (; at < offset && at < text.length; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (ch === '\t') return 'a tab';
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${ch}"`;
}

function decodeBody(text: string, bodyStart: number, bodyEnd: number, lineAt: (offset: number) => number): { der: Uint8Array; headers: Record<string, string> } | { problem: string } {
  // No prototype: header names come from the pasted text.
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  let base64 = '';
  let offset = bodyStart;
  let inHeaders = true;
  for (const [i, rawLine] of text.slice(bodyStart, bodyEnd).split('\n').entries()) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = rawLine.trim();
    if (i === 0 && line === '') continue; // the rest of the BEGIN line
    if (line === '') {
      inHeaders = false;
      continue;
    }
    const header = inHeaders ? /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line) : null;
    if (header) {
      headers[header[1] as string] = header[2] as string;
      continue;
    }
    inHeaders = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] as string;
      if (BASE64_CHAR.test(ch) || ch === '=') continue;
      const column = rawLine.indexOf(line) + i + 1;
      return { problem: `line ${lineAt(lineStart)}, column ${column} has ${describeChar(ch)}, which is not base64` };
    }
    base64 += line;
  }
  const padding = trailingRunLength(base64, '=');
  const body = base64.slice(0, base64.length - padding);
  if (body.includes('=')) return { problem: 'it has "=" padding in the middle of its base64 (two blocks run together?)' };
  if (padding > 2 || body.length % 4 === 1) return { problem: `its base64 has ${base64.length} characters, which cannot be a whole number of bytes (cut off?)` };
  if (body.length === 0) return { problem: 'it is empty' };
  return { der: base64url.decode(body.replace(/\+/g, '-').replace(/\//g, '_')), headers };
}

/**
 * Is there a BEGIN line followed, on the same line, by `-----\n` written as an escape? Line by
 * line: the pattern `/-----BEGIN [^\n]*?-----\\n/` rescans the rest of the line from every BEGIN.
 */
function hasEscapedBeginLine(text: string): boolean {
  const begin = '-----BEGIN ';
  for (let at = text.indexOf(begin); at !== -1; ) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 ? text.length : newline;
    if (text.slice(at + begin.length, lineEnd).includes('-----\\n')) return true;
    at = newline === -1 ? -1 : text.indexOf(begin, lineEnd);
  }
  return false;
}

/** Turns `\n` escapes into line breaks when a PEM was copied out of a JSON or YAML string. */
function unescapeNewlines(text: string): { text: string; changed: boolean } {
  if (!hasEscapedBeginLine(text)) return { text, changed: false };
  return { text: text.replace(/\\r\\n|\\n/g, '\n'), changed: true };
}

export function scanPem(input: string): PemScan {
  const notes: string[] = [];
  const unescaped = unescapeNewlines(input);
  if (unescaped.changed) notes.push('The text had "\\n" escapes (copied from a JSON or YAML string); they were read as line breaks.');
  const text = unescaped.text.replace(/\r\n?/g, '\n');
  const lineAt = lineCounter(text);
  const blocks: PemBlock[] = [];
  let consumedUpTo = 0;
  let stray = false;
  const matches = [...text.matchAll(BEGIN)];

  matches.forEach((match, i) => {
    const label = (match[1] as string).trim();
    const beginAt = match.index;
    const bodyStart = beginAt + match[0].length;
    const nextBegin = matches[i + 1]?.index ?? text.length;
    if (text.slice(consumedUpTo, beginAt).trim() !== '') stray = true;
    const block: PemBlock = { index: i + 1, label, line: lineAt(beginAt), der: null, problem: null, headers: {} };
    blocks.push(block);

    const endMatch = /-----END ([^\n]*?)-----/.exec(text.slice(bodyStart, nextBegin));
    if (!endMatch) {
      block.problem = `it has no "-----END ${label}-----" line${i + 1 < matches.length ? ' before the next BEGIN line' : ' (was it cut off?)'}`;
      consumedUpTo = nextBegin;
      return;
    }
    const endLabel = (endMatch[1] as string).trim();
    const bodyEnd = bodyStart + endMatch.index;
    consumedUpTo = bodyEnd + endMatch[0].length;
    if (endLabel !== label) {
      block.problem = `it begins with "${label}" but ends with "${endLabel}"`;
      return;
    }
    const decoded = decodeBody(text, bodyStart, bodyEnd, lineAt);
    if ('problem' in decoded) block.problem = decoded.problem;
    else {
      block.der = decoded.der;
      block.headers = decoded.headers;
    }
  });
  if (text.slice(consumedUpTo).trim() !== '') stray = true;
  if (stray && blocks.length > 0) notes.push('Text outside the PEM blocks was ignored.');

  let problem: string | null = null;
  if (blocks.length === 0) {
    problem = /-----END /.test(text)
      ? 'This looks like PEM, but it has an -----END line and no matching -----BEGIN line (was the start cut off?).'
      : 'This looks like PEM, but it has no complete "-----BEGIN …-----" line.';
  }
  return { blocks, notes, problem };
}
