/**
 * What can be learned from CEL source text without the CEL library: how deeply brackets nest (a
 * guard run before parsing, because the parser slows down sharply on deep unclosed nesting and
 * overflows the stack past a few hundred levels) and where an expression splits at its top-level
 * `||` and `&&` (to show which part of a condition failed). One linear scan each; string literals
 * are skipped so brackets and operators inside quotes do not count.
 */

/** Index just past the string literal that starts at `start` (a quote), or the text's end. */
function skipString(text: string, start: number): number {
  const quote = text[start];
  // Triple-quoted strings ('''…''' and """…""") may hold single quotes.
  const triple = text.startsWith(quote!.repeat(3), start);
  const close = triple ? quote!.repeat(3) : quote!;
  let i = start + close.length;
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text.startsWith(close, i)) return i + close.length;
    if (!triple && text[i] === '\n') return i; // an unterminated literal ends at the line; the parser reports it
    i += 1;
  }
  return text.length;
}

/** The deepest nesting of (), [] and {} outside string literals. */
export function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = skipString(text, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      depth += 1;
      if (depth > max) max = depth;
    } else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth -= 1;
    i += 1;
  }
  return max;
}

/**
 * Splits `text` at every `op` (`||` or `&&`) that is outside brackets and string literals. Returns
 * the trimmed parts; one part when there is no such operator. Returns null when the expression has
 * a top-level `?` (a conditional binds more loosely than `||`, so splitting would change meaning).
 */
export function splitTopLevel(text: string, op: '||' | '&&'): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = skipString(text, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth += 1;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth -= 1;
    else if (depth === 0 && c === '?') return null;
    else if (depth === 0 && text.startsWith(op, i)) {
      parts.push(text.slice(from, i).trim());
      i += op.length;
      from = i;
      continue;
    }
    i += 1;
  }
  parts.push(text.slice(from).trim());
  return parts;
}

/** The text inside one pair of brackets that encloses all of `text`, or null. */
export function stripEnclosingParens(text: string): string | null {
  const t = text.trim();
  if (!t.startsWith('(') || !t.endsWith(')')) return null;
  let depth = 0;
  for (let i = 0; i < t.length; ) {
    const c = t[i]!;
    if (c === '"' || c === "'") {
      i = skipString(t, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') {
      depth -= 1;
      // The opening bracket closes before the end: "(a) && (b)" is not enclosed.
      if (depth === 0 && i !== t.length - 1) return null;
    }
    i += 1;
  }
  return t.slice(1, -1).trim();
}
