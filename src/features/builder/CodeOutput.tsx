import { useId } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { codeClass } from './styles';

interface CodeOutputProps {
  title: string;
  /** Says what the text is like, in normal case under the title. */
  hint?: string;
  text: string;
  testId: string;
  copyLabel: string;
}

/** Read-only text the user copies: a heading, a copy button and the text (wrapped, never scrolled sideways). */
export function CodeOutput({ title, hint, text, testId, copyLabel }: CodeOutputProps) {
  const id = useId();
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <div className="min-w-0">
          <h3 id={id} className="text-sm font-semibold">
            {title}
          </h3>
          {hint && <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
        </div>
        <CopyButton text={text} label={copyLabel} />
      </div>
      <pre aria-labelledby={id} data-testid={testId} className={codeClass}>
        {text}
      </pre>
    </div>
  );
}
