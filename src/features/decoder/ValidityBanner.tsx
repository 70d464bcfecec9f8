import { toneClasses, type Tone } from '../../components/Badge';
import { formatDuration } from '../../core/time/formatTime';
import type { Validity } from '../../core/time/validity';

const TONE: Record<Validity['state'], Tone> = {
  valid: 'good',
  expired: 'danger',
  'not-yet-valid': 'warning',
  'no-expiry': 'warning',
};

/** Is the token valid at the chosen instant, with the API server's leeway spelled out. */
export function ValidityBanner({ validity, pinned }: { validity: Validity; pinned: boolean }) {
  const tone = validity.inLeewayAfterExpiry ? 'warning' : TONE[validity.state];
  return (
    <div data-testid="validity" data-state={validity.state} role="status" className={`rounded-lg px-3 py-2 ring-1 ring-inset ${toneClasses(tone)}`}>
      <p className="font-medium">
        {pinned && <span className="mr-1 text-xs font-normal uppercase">At the chosen time:</span>}
        {validity.headline}
      </p>
      <dl className="mt-1 flex flex-wrap gap-x-4 text-xs">
        {validity.lifetimeSeconds !== null && (
          <div className="flex gap-1">
            <dt>Lifetime (exp − iat):</dt>
            <dd className="font-mono">{formatDuration(validity.lifetimeSeconds)}</dd>
          </div>
        )}
        {validity.secondsLeft !== null && validity.secondsLeft > 0 && (
          <div className="flex gap-1">
            <dt>Time left:</dt>
            <dd className="font-mono">{formatDuration(validity.secondsLeft)}</dd>
          </div>
        )}
      </dl>
      {validity.details.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {validity.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
