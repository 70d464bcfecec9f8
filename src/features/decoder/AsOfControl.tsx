import { useId } from 'react';
import { Button } from '../../components/Button';
import { toIsoInstant } from '../../core/time/formatTime';

export type AsOf = { mode: 'now' } | { mode: 'at'; seconds: number };

interface AsOfControlProps {
  asOf: AsOf;
  nowSeconds: number;
  onChange: (asOf: AsOf) => void;
  /** Handy instants from the token (iat, exp…) to jump to. */
  shortcuts: { label: string; seconds: number }[];
}

/** "Now" (live) or an instant the user picks, entered in UTC. */
export function AsOfControl({ asOf, nowSeconds, onChange, shortcuts }: AsOfControlProps) {
  const id = useId();
  const pinned = asOf.mode === 'at' ? asOf.seconds : nowSeconds;
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <legend className="sr-only">Evaluate the token at</legend>
      <label className="inline-flex items-center gap-1">
        <input type="radio" name={`${id}-mode`} checked={asOf.mode === 'now'} onChange={() => onChange({ mode: 'now' })} />
        Now (live)
      </label>
      <label className="inline-flex items-center gap-1">
        <input type="radio" name={`${id}-mode`} checked={asOf.mode === 'at'} onChange={() => onChange({ mode: 'at', seconds: Math.floor(pinned) })} />
        At
      </label>
      <label className="inline-flex items-center gap-1">
        <span className="sr-only">Instant to evaluate at, UTC</span>
        <input
          type="datetime-local"
          step={1}
          data-testid="as-of-input"
          value={toIsoInstant(pinned).slice(0, 19)}
          onChange={(e) => {
            const ms = Date.parse(`${e.target.value}Z`);
            if (Number.isFinite(ms)) onChange({ mode: 'at', seconds: Math.floor(ms / 1000) });
          }}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
        />
        <span className="text-xs text-slate-600 dark:text-slate-400">UTC</span>
      </label>
      {shortcuts.length > 0 && (
        <span className="inline-flex flex-wrap gap-1">
          {shortcuts.map((s) => (
            <Button key={s.label} size="sm" onClick={() => onChange({ mode: 'at', seconds: s.seconds })}>
              {s.label}
            </Button>
          ))}
        </span>
      )}
    </fieldset>
  );
}
