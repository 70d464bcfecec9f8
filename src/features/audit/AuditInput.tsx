import { useId } from 'react';
import { HoldingTextarea, heldSize, isHeldText } from '../../components/HoldingTextarea';

/** The audit's own box: a secret list (or tokens one per line), held in memory when large. */
export function AuditInput({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const id = useId();
  const size = heldSize(value);
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
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        rows={6}
        placeholder="Paste the output of kubectl get secrets -A -o json (or -o yaml), or tokens one per line — or drop a file anywhere."
        heldPlaceholder={`${size} of input is held in memory but not shown here, so the page stays responsive. Type or paste to replace it.`}
        className="block w-full resize-y rounded-lg border border-slate-300 bg-white p-2 font-mono text-[13px] [overflow-wrap:anywhere] dark:border-slate-700 dark:bg-slate-900"
      />
      {isHeldText(value) && (
        <p data-testid="large-input" role="status" className="text-sm text-slate-700 dark:text-slate-300">
          Holding {size} of input ({value.length.toLocaleString('en')} characters); it is not shown in the box.
        </p>
      )}
    </div>
  );
}
