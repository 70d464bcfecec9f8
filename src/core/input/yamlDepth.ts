/**
 * How deeply a YAML text nests, estimated in one linear pass before any parser sees it. The `yaml`
 * package recurses once per level: about 900 levels overflow the stack, and 1 MB of "[" or "- "
 * keeps it busy for seconds before they do. Counted: flow brackets outside quoted scalars and
 * comments, block indentation, and compact entries on one line ("- - x", "- key: v"); block scalar
 * bodies (`|`, `>`) are skipped. Exact for ordinary layouts; unusual ones (a sequence at its key's
 * indentation, continuation lines of a plain scalar) are off by a level, never more.
 */

const isBreakOrEnd = (text: string, i: number) => i >= text.length || text[i] === '\n' || text[i] === '\r';
const isSpaceOrBreak = (text: string, i: number) => isBreakOrEnd(text, i) || text[i] === ' ' || text[i] === '\t';

function endOfLine(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}

/** The index after a quoted scalar opening at `i` (which may span lines), or the end of the text. */
function endOfQuoted(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    const ch = text[j];
    if (quote === '"' && ch === '\\') j++;
    else if (ch === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return text.length;
}

/** The index after an anchor, tag or alias (`&a`, `!!str`, `*a`) opening at `i`. */
function endOfProperty(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && !isSpaceOrBreak(text, j) && text[j] !== ',' && text[j] !== ']' && text[j] !== '}') j++;
  return j;
}

/** True when the YAML text nests deeper than `limit` levels. Stops as soon as it does. */
export function yamlNestingExceeds(text: string, limit: number): boolean {
  const n = text.length;
  /** Columns of the open block collections. */
  const block: number[] = [];
  let flow = 0;
  /** The indentation of the line that opened a block scalar, while its body lasts; else -1. */
  let scalarParent = -1;
  let i = 0;
  while (i < n) {
    const lineStart = i;
    while (i < n && text[i] === ' ') i++;
    const indent = i - lineStart;
    if (isBreakOrEnd(text, i)) {
      i++;
      continue;
    }
    if (scalarParent >= 0) {
      if (indent > scalarParent) {
        i = endOfLine(text, i) + 1;
        continue;
      }
      scalarParent = -1;
    }
    if (flow === 0) {
      if (text[i] === '#') {
        i = endOfLine(text, i) + 1;
        continue;
      }
      if (indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i)) && isSpaceOrBreak(text, i + 3)) {
        block.length = 0;
        i += 3;
      } else {
        while (block.length > 0 && (block[block.length - 1] as number) >= indent) block.pop();
        block.push(indent);
        // Compact entries: "- - x" opens a sequence in a sequence; "- key: v" a mapping in one.
        while ((text[i] === '-' || text[i] === '?' || text[i] === ':') && isSpaceOrBreak(text, i + 1)) {
          i++;
          while (text[i] === ' ') i++;
          block.push(i - lineStart);
        }
        if (block.length > limit) return true;
      }
    }
    // The rest of the line (or of a quoted scalar or flow collection that spans lines), token by token.
    let tokenStart = true;
    // After a quoted scalar or a flow collection, ":" is an indicator even without a space ({"a":1}).
    let afterJsonLike = false;
    while (i < n && text[i] !== '\n') {
      const ch = text[i] as string;
      const jsonLike: boolean = afterJsonLike;
      afterJsonLike = false;
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        afterJsonLike = jsonLike;
        i++;
      } else if (ch === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) i = endOfLine(text, i);
      else if (tokenStart && (ch === '"' || ch === "'")) {
        i = endOfQuoted(text, i);
        tokenStart = false;
        afterJsonLike = true;
      } else if ((ch === '[' || ch === '{') && (tokenStart || flow > 0)) {
        flow++;
        if (flow + block.length > limit) return true;
        tokenStart = true;
        i++;
      } else if ((ch === ']' || ch === '}') && flow > 0) {
        flow--;
        tokenStart = false;
        afterJsonLike = true;
        i++;
      } else if ((ch === ',' && flow > 0) || (ch === ':' && (isSpaceOrBreak(text, i + 1) || (flow > 0 && (jsonLike || ',[]{}'.includes(text[i + 1] as string)))))) {
        tokenStart = true;
        i++;
      } else if ((ch === '-' || ch === '?') && tokenStart && isSpaceOrBreak(text, i + 1)) i++;
      else if ((ch === '|' || ch === '>') && tokenStart && flow === 0) {
        scalarParent = indent;
        i = endOfLine(text, i);
      } else if ((ch === '&' || ch === '!' || ch === '*') && tokenStart) i = endOfProperty(text, i);
      else {
        // Part of a plain scalar: brackets inside one ("a[1]") open nothing.
        tokenStart = false;
        i++;
      }
    }
    i++;
  }
  return false;
}
