import { Badge } from '../../components/Badge';
import { INPUT_KIND_LABELS, type RecognizedInput } from '../../core/input/inputKinds';

/** What the app recognised in the input, and what it did to get the token out. */
export function InputKindBadge({ input }: { input: RecognizedInput }) {
  if (input.kind === 'empty') return null;
  // While a document is being read: a neutral "Reading…", never a kind that might be taken back.
  const tone = input.kind === 'pending' ? 'neutral' : input.kind === 'unknown' ? 'warning' : input.kind === 'jwe' ? 'info' : 'good';
  return (
    <div data-testid="input-kind" data-kind={input.kind} aria-live="polite" aria-busy={input.kind === 'pending'} className="space-y-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        {input.kind !== 'pending' && <span className="text-slate-600 dark:text-slate-400">Recognised:</span>}
        <Badge tone={tone}>{INPUT_KIND_LABELS[input.kind]}</Badge>
      </div>
      {input.notes.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
          {input.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {input.hint && <p className="text-sm text-amber-900 dark:text-amber-200">{input.hint.message}</p>}
    </div>
  );
}
