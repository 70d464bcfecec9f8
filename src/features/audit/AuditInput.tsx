import { useId } from 'react';
import { HeldInputNotice, HoldingTextarea, heldPlaceholderText } from '../../components/HoldingTextarea';

/** The audit's own box: a secret list (or tokens one per line), held in memory when large. */
export function AuditInput({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-list`} className="text-sm font-semibold">
        Secret list
      </label>
      <HoldingTextarea
        id={`${id}-list`}
        data-testid="audit-input"
        value={value}
        onTextChange={onChange}
        rows={6}
        placeholder="Paste the output of kubectl get secrets -A -o json (or -o yaml), or tokens one per line — or drop a file anywhere."
        heldPlaceholder={heldPlaceholderText(value)}
        className="block w-full resize-y rounded-lg border border-slate-300 bg-white p-2 font-mono text-[13px] [overflow-wrap:anywhere] dark:border-slate-700 dark:bg-slate-900"
      />
      <HeldInputNotice value={value} />
    </div>
  );
}
