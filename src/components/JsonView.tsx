import { useMemo, useState, type ReactNode } from 'react';
import { escapeInvisibleInJson } from '../core/text/revealInvisible';

/** Strings longer than this are collapsed; more tokens than this are left unhighlighted and hidden. */
const LONG_STRING = 400;
const TOKEN_BUDGET = 4000;

const TOKEN_SOURCE = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/.source;

const STYLES = {
  key: 'text-sky-800 dark:text-sky-300',
  string: 'text-emerald-800 dark:text-emerald-300',
  number: 'text-amber-800 dark:text-amber-300',
  literal: 'text-fuchsia-800 dark:text-fuchsia-300',
};

interface JsonViewProps {
  value: unknown;
  testId?: string;
  label: string;
}

/**
 * Pretty, highlighted JSON rendered as text nodes (never HTML). Its textContent is always the whole
 * JSON document: the parts not laid out (the tail of very long strings, the rest of a huge
 * document) sit in hidden spans until the user expands them, so a 200 KB payload stays fast.
 */
export function JsonView({ value, testId, label }: JsonViewProps) {
  // Hidden characters (zero-width, right-to-left overrides) are shown as \u escapes: the text is
  // still the same JSON document, but nothing in it can disguise itself.
  const { text, hidden } = useMemo(() => escapeInvisibleInJson(JSON.stringify(value, null, 2) ?? String(value)), [value]);
  const [expandedAll, setExpandedAll] = useState(false);
  const [openStrings, setOpenStrings] = useState<ReadonlySet<number>>(new Set());

  const nodes = useMemo(() => {
    const out: ReactNode[] = [];
    let last = 0;
    let count = 0;
    const token = new RegExp(TOKEN_SOURCE, 'g');
    for (let m = token.exec(text); m; m = token.exec(text)) {
      if (!expandedAll && count >= TOKEN_BUDGET) break;
      if (m.index > last) out.push(text.slice(last, m.index));
      const at = m.index;
      if (m[1] !== undefined) {
        const isKey = m[2] !== undefined;
        const str = m[1];
        const style = isKey ? STYLES.key : STYLES.string;
        if (!isKey && str.length > LONG_STRING && !openStrings.has(at)) {
          out.push(
            <span key={at} className={style}>
              {str.slice(0, LONG_STRING)}
              <span hidden>{str.slice(LONG_STRING)}</span>
              <button
                type="button"
                className="mx-1 rounded bg-slate-200 px-1 font-sans text-xs text-slate-800 after:content-['…_show_all'] dark:bg-slate-700 dark:text-slate-100"
                aria-label={`Show all ${str.length.toLocaleString('en')} characters of this value`}
                onClick={() => setOpenStrings((prev) => new Set(prev).add(at))}
              />
            </span>,
          );
        } else out.push(<span key={at} className={style}>{str}</span>);
        if (isKey) out.push(m[2]);
      } else if (m[3] !== undefined) out.push(<span key={at} className={STYLES.number}>{m[3]}</span>);
      else out.push(<span key={at} className={STYLES.literal}>{m[4]}</span>);
      last = token.lastIndex;
      count++;
    }
    const rest = text.slice(last);
    if (rest) {
      if (expandedAll || count < TOKEN_BUDGET) out.push(rest);
      else
        out.push(
          <span key="rest">
            <span hidden>{rest}</span>
            <button
              type="button"
              className="mt-1 block rounded bg-slate-200 px-2 py-0.5 font-sans text-xs text-slate-800 after:content-['Show_the_rest'] dark:bg-slate-700 dark:text-slate-100"
              aria-label={`Show the rest (${rest.length.toLocaleString('en')} more characters)`}
              onClick={() => setExpandedAll(true)}
            />
          </span>,
        );
    }
    return out;
  }, [text, expandedAll, openStrings]);

  return (
    <>
      {hidden > 0 && (
        <p data-testid="json-hidden-characters" className="mb-1 text-xs text-rose-800 dark:text-rose-200">
          {hidden} invisible or direction-changing character{hidden === 1 ? ' is' : 's are'} shown as \u escapes.
        </p>
      )}
      <pre
      data-testid={testId}
      aria-label={label}
      tabIndex={0}
      className="max-h-[32rem] overflow-auto font-mono text-[13px] leading-relaxed break-all whitespace-pre-wrap"
    >
      {nodes}
      </pre>
    </>
  );
}
