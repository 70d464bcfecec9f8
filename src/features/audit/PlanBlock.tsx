import { CopyButton } from '../../components/CopyButton';

/** A copyable block of commands or YAML; long ones scroll inside a bounded box. */
export function PlanBlock({ text, label, testId }: { text: string; label: string; testId?: string }) {
  return (
    <div className="relative rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950">
      <div className="absolute top-1 right-1">
        <CopyButton text={text} label={`Copy ${label}`} />
      </div>
      <pre data-testid={testId} tabIndex={0} aria-label={label} className="max-h-64 overflow-auto p-2 pr-16 font-mono text-[12px] whitespace-pre">
        {text}
      </pre>
    </div>
  );
}
