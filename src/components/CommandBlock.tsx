import { COMMAND_TEXTS } from '../core/kubernetes/kubectlCommand';
import { revealInvisible } from '../core/text/revealInvisible';
import { CopyButton } from './CopyButton';

interface CommandBlockProps {
  /** The exact text; this is what is copied. */
  text: string;
  /** What it is, for the copy button and screen readers: "the kubectl auth can-i command". */
  label: string;
  /** Shell commands are quoted for a POSIX shell, and their copy button says so. */
  language: 'shell' | 'yaml';
  /** `testId` on the text, `${testId}-copy` on its copy button. */
  testId?: string;
  /** Long blocks scroll inside a bounded box. */
  bounded?: boolean;
}

/**
 * A copyable command or manifest. Invisible and direction-changing characters are shown as
 * ⟦U+202E⟧ markers, so the text cannot look like something else; the copy is the exact text.
 */
export function CommandBlock({ text, label, language, testId, bounded = false }: CommandBlockProps) {
  const shown = revealInvisible(text);
  const caption = language === 'shell' ? COMMAND_TEXTS.copyCaption : 'Copy';
  return (
    <div className="rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950">
      <div className="flex justify-end border-b border-slate-200 px-1 py-1 dark:border-slate-700">
        <CopyButton text={text} caption={caption} label={`${caption}: ${label}`} testId={testId ? `${testId}-copy` : undefined} />
      </div>
      <pre data-testid={testId} tabIndex={0} aria-label={label} className={`overflow-x-auto p-2 font-mono whitespace-pre ${bounded ? 'max-h-64 overflow-y-auto text-[12px]' : 'text-[13px]'}`}>
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

/** Said instead of a command or manifest that cannot be generated (a name the API server would refuse). */
export function CommandRefused({ message, testId }: { message: string; testId?: string }) {
  return (
    <p data-testid={testId} role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      {revealInvisible(message).text}
    </p>
  );
}
