import { useId, type ReactNode } from 'react';
import type { JsonTextResult } from '../../core/builder/jsonText';
import { Panel } from '../../components/Panel';
import { textareaClass } from '../../components/styles';

interface JsonEditorProps {
  title: string;
  value: string;
  onChange: (text: string) => void;
  read: JsonTextResult;
  accentClass: string;
  testId: string;
  /** Fewest rows shown; the box grows with the text up to MAX_ROWS. */
  minRows: number;
  /** A problem with valid JSON that signing would refuse (an alg the key cannot sign). */
  warning?: string | null;
  /** Buttons and options under the editor. */
  children?: ReactNode;
}

const MAX_ROWS = 40;

/** The line with the error and a caret under the column, so the position is visible, not just named. */
function errorExcerpt(text: string, line: number, column: number): string {
  const source = text.split('\n')[line - 1] ?? '';
  const start = Math.max(0, column - 40);
  const shown = source.slice(start, start + 80);
  return `${shown}\n${' '.repeat(Math.max(0, column - 1 - start))}^`;
}

/** A header or payload textarea with live JSON validation. */
export function JsonEditor({ title, value, onChange, read, accentClass, testId, minRows, warning, children }: JsonEditorProps) {
  const id = useId();
  const statusId = `${id}-status`;
  const lines = value.split('\n').length;
  return (
    <Panel id={`${id}-panel`} title={<label htmlFor={`${id}-text`}>{title}</label>} accentClass={accentClass}>
      <div className="space-y-2">
        <textarea
          id={`${id}-text`}
          data-testid={testId}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={Math.min(MAX_ROWS, Math.max(minRows, lines + 1))}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          aria-invalid={!read.ok}
          aria-describedby={statusId}
          className={textareaClass}
        />
        <div id={statusId} aria-live="polite" data-testid={`${testId}-status`} data-valid={read.ok}>
          {read.ok ? (
            <>
              <p className="text-xs text-emerald-800 dark:text-emerald-300">
                Valid JSON object
                {read.facts.duplicates.map((d) => ` · "${d.name}" appears ${d.values.length} times${d.path ? ` in ${d.path}` : ''}`).join('')}
              </p>
              {warning && (
                <p data-testid={`${testId}-warning`} className="mt-1 text-xs text-amber-800 dark:text-amber-300">
                  {warning}
                </p>
              )}
            </>
          ) : (
            <div className="space-y-1 text-xs text-rose-800 dark:text-rose-300">
              <p>{read.error.message}</p>
              {read.error.line !== undefined && read.error.column !== undefined && (
                <pre aria-hidden="true" className="overflow-hidden font-mono text-[12px] whitespace-pre">
                  {errorExcerpt(value, read.error.line, read.error.column)}
                </pre>
              )}
            </div>
          )}
        </div>
        {children}
      </div>
    </Panel>
  );
}
