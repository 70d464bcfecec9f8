import { readTimeClaims, type Validity } from '../../core/time/validity';
import { AsOfControl, type AsOf } from './AsOfControl';
import { ValidityDetails } from './ValidityDetails';

interface TimePanelProps {
  claims: Record<string, unknown> | null;
  validity: Validity;
  asOf: AsOf;
  nowSeconds: number;
  onAsOfChange: (asOf: AsOf) => void;
}

/** Validity in detail, at now or a chosen instant, with jumps to the token's own instants. */
export function TimePanel({ claims, validity, asOf, nowSeconds, onAsOfChange }: TimePanelProps) {
  const shortcuts = readTimeClaims(claims).flatMap((t) =>
    t.date.ok ? [{ label: `At ${t.name.replace('kubernetes.io.', '')}`, seconds: Math.floor(t.date.seconds) }] : [],
  );
  const exp = validity.times.find((t) => t.name === 'exp')?.date;
  if (exp?.ok) shortcuts.push({ label: 'exp + 30 s', seconds: Math.floor(exp.seconds) + 30 }, { label: 'exp + 61 s', seconds: Math.floor(exp.seconds) + 61 });
  return (
    <div className="space-y-2">
      <ValidityDetails validity={validity} />
      <AsOfControl asOf={asOf} nowSeconds={nowSeconds} onChange={onAsOfChange} shortcuts={shortcuts} />
    </div>
  );
}
