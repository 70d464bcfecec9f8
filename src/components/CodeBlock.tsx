import { useId } from 'react';
import { revealInvisible } from '../core/text/revealInvisible';
import { CopyButton } from './CopyButton';

interface CodeBlockProps {
  /** The exact text; this is what is copied. */
  text: string;
  /** What it is, for the copy button and screen readers: "the kubectl auth can-i command". */
  label: string;
  /** A heading in the block's bar, and a line under it saying what the text is like. */
  title?: string;
  hint?: string;
  /** The copy button's visible text ("Copy (POSIX shell)"); "Copy" unless said otherwise. */
  copyCaption?: string;
  /** `testId` on the text, `${testId}-copy` on its copy button. */
  testId?: string;
  /** Long lines break (keys, JSON) instead of scrolling sideways (commands, where a break would mislead). */
  wrap?: boolean;
  /** Long blocks scroll inside a bounded box. */
  bounded?: boolean;
}

/**
 * Read-only text to copy: a bar with the copy button (and a title), and the text. Invisible and
 * direction-changing characters are shown as ⟦U+202E⟧ markers, so the text cannot look like
 * something else; the copy is the exact text.
 */
export function CodeBlock({ text, label, title, hint, copyCaption = 'Copy', testId, wrap = false, bounded = false }: CodeBlockProps) {
  const titleId = useId();
  const shown = revealInvisible(text);
  const layout = wrap ? 'break-all whitespace-pre-wrap' : 'overflow-x-auto whitespace-pre';
  const size = bounded ? 'max-h-64 overflow-y-auto text-[12px]' : 'text-[13px]';
  return (
    <div className="rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950">
      <div className={`flex items-center gap-2 border-b border-slate-200 px-1 py-1 dark:border-slate-700 ${title ? 'justify-between pl-2' : 'justify-end'}`}>
        {title && (
          <div className="min-w-0">
            <h3 id={titleId} className="text-sm font-semibold">
              {title}
            </h3>
            {hint && <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
          </div>
        )}
        <CopyButton text={text} caption={copyCaption} label={`${copyCaption}: ${label}`} testId={testId ? `${testId}-copy` : undefined} />
      </div>
      <pre
        data-testid={testId}
        tabIndex={0}
        aria-label={title ? undefined : label}
        aria-labelledby={title ? titleId : undefined}
        className={`p-2 font-mono ${layout} ${size}`}
      >
        {shown.text}
      </pre>
      {shown.hidden > 0 && (
        <p className="border-t border-slate-200 px-2 py-1 text-xs text-amber-900 dark:border-slate-700 dark:text-amber-200">
          {shown.hidden === 1 ? 'One hidden character is' : `${shown.hidden} hidden characters are`} shown as ⟦U+…⟧; the copy keeps the text exactly as it is.
        </p>
      )}
    </div>
  );
}
