import { COMMAND_TEXTS } from '../core/kubernetes/kubectlCommand';
import { revealInvisible } from '../core/text/revealInvisible';
import { CodeBlock } from './CodeBlock';

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

/** A copyable command or manifest: a CodeBlock whose lines never wrap, and whose copy button names the shell. */
export function CommandBlock({ text, label, language, testId, bounded = false }: CommandBlockProps) {
  return <CodeBlock text={text} label={label} copyCaption={language === 'shell' ? COMMAND_TEXTS.copyCaption : 'Copy'} testId={testId} bounded={bounded} />;
}

/** Said instead of a command or manifest that cannot be generated (a name the API server would refuse). */
export function CommandRefused({ message, testId }: { message: string; testId?: string }) {
  return (
    <p data-testid={testId} role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      {revealInvisible(message).text}
    </p>
  );
}
