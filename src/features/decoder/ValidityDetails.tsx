import { formatDuration } from '../../core/time/formatTime';
import type { Validity } from '../../core/time/validity';

/** The time facts behind the summary's time state: lifetime, time left, leeway and date notes. */
export function ValidityDetails({ validity }: { validity: Validity }) {
  return (
    <div className="text-sm">
      <p>{validity.headline}</p>
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
            <dd className="font-mono tabular-nums">{formatDuration(validity.secondsLeft)}</dd>
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
