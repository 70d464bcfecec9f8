/**
 * Cuts YAML text into pieces that parse on their own: documents (at `---`), and inside a document
 * that is a `List`, each entry of its top-level `items:` block sequence. `kubectl get … -o yaml`
 * writes one huge List document; parsing it item by item gives progress, and one broken item does
 * not lose the others. The cut is purely by lines and indentation and is conservative: anything
 * unusual (tabs, directives, content after `---`, flow or tagged `items`) leaves the document whole,
 * and the caller re-parses a document whole whenever one of its items does not parse on its own
 * (an alias to an anchor in another item, say). One pass over the text, linear in its length.
 */

export interface YamlItem {
  /** The entry with its `-` replaced by a space, so every line keeps its column. */
  text: string;
  /** 1-based line of the entry in the whole text. */
  line: number;
  /** Offset just past the entry in the whole text (for progress). */
  end: number;
}

export interface YamlDocumentUnit {
  /** The document as written, without its `---` line. */
  text: string;
  line: number;
  end: number;
  /**
   * When the document has a top-level `items:` block sequence: the document without it (with
   * `items: []` in its place, to tell whether it is a List) and its entries. Null otherwise.
   */
  list: { header: string; items: YamlItem[] } | null;
}

interface Line {
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  number: number;
}

function* linesOf(text: string): Generator<Line> {
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield { start, end, number };
    if (end === text.length) return;
    start = end + 1;
    number++;
  }
}

const isDocumentStart = (s: string) => s === '---' || s.startsWith('--- ') || s.startsWith('---\t');
const isDocumentEnd = (s: string) => s === '...' || s.startsWith('... ');

/** Spaces before the first other character; -1 for a blank line. */
function indentOf(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  return i === s.length || s.charCodeAt(i) === 13 ? -1 : i;
}

function leadingTab(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9) return true;
    if (c !== 32) return false;
  }
  return false;
}

const isComment = (s: string, indent: number) => s.charCodeAt(indent) === 35; // '#'

function isItemsKey(s: string): boolean {
  if (!s.startsWith('items:')) return false;
  const rest = s.slice(6).trim();
  return rest === '' || rest.startsWith('#');
}

/** Entry start at `column`: `-` followed by a space or the end of the line. */
function isEntryAt(s: string, column: number): boolean {
  if (s.charCodeAt(column) !== 45) return false; // '-'
  const next = s.charCodeAt(column + 1);
  return Number.isNaN(next) || next === 32 || next === 13;
}

/** Splits one document into header and items, or returns null to keep it whole. */
function splitList(text: string, lines: Line[], base: number): YamlDocumentUnit['list'] {
  // Lines are joined again with "\n", so a CRLF's "\r" goes.
  const lineText = (l: Line) => (text.charCodeAt(l.end - 1) === 13 ? text.slice(l.start, l.end - 1) : text.slice(l.start, l.end));
  const keyAt = lines.findIndex((l) => isItemsKey(lineText(l)));
  if (keyAt === -1) return null;
  let column = -1;
  const items: YamlItem[] = [];
  let current: string[] | null = null;
  let currentLine = 0;
  let currentEnd = 0;
  let stop = lines.length;
  const close = () => {
    if (current) items.push({ text: current.join('\n'), line: currentLine, end: currentEnd });
    current = null;
  };
  for (let i = keyAt + 1; i < lines.length; i++) {
    const l = lines[i] as Line;
    const s = lineText(l);
    if (leadingTab(s)) return null; // YAML forbids tabs in indentation; let the parser say so
    const indent = indentOf(s);
    if (indent === -1 || isComment(s, indent)) {
      if (current) {
        current.push(s);
        currentEnd = base + l.end;
      }
      continue;
    }
    if (column === -1) {
      if (!isEntryAt(s, indent)) return null; // `items:` holds a mapping or a scalar: keep whole
      column = indent;
    }
    if (indent === column && isEntryAt(s, column)) {
      close();
      current = [`${' '.repeat(column)} ${s.slice(column + 1)}`];
      currentLine = l.number;
      currentEnd = base + l.end;
    } else if (indent > column && current) {
      current.push(s);
      currentEnd = base + l.end;
    } else {
      stop = i;
      break;
    }
  }
  close();
  if (column === -1) return null;
  const header = [...lines.slice(0, keyAt).map(lineText), 'items: []', ...lines.slice(stop).map(lineText)].join('\n');
  return { header, items };
}

/**
 * The documents of a YAML text, each with its List items when it is cut that way. Returns null
 * when the text uses something this cut does not handle (directives, content on the `---` line):
 * parse it whole then.
 */
export function yamlUnits(text: string): YamlDocumentUnit[] | null {
  const units: YamlDocumentUnit[] = [];
  let lines: Line[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const first = lines[0] as Line;
    const last = lines[lines.length - 1] as Line;
    const docText = text.slice(first.start, last.end);
    if (docText.trim() !== '') {
      const relative = lines.map((l) => ({ start: l.start - first.start, end: l.end - first.start, number: l.number }));
      units.push({ text: docText, line: first.number, end: last.end, list: splitList(docText, relative, first.start) });
    }
    lines = [];
  };
  for (const l of linesOf(text)) {
    const s = text.slice(l.start, Math.min(l.end, l.start + 4096)).replace(/\r$/, '');
    if (s.startsWith('%')) return null; // a directive
    if (isDocumentStart(s)) {
      if (s.slice(3).trim() !== '' && !s.slice(3).trim().startsWith('#')) return null;
      flush();
      continue;
    }
    if (isDocumentEnd(s)) {
      flush();
      continue;
    }
    lines.push(l);
  }
  flush();
  return units;
}
