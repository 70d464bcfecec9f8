import { buttonClass } from './styles';

interface TimeButtonsProps {
  onIssuedNow: () => void;
  onExpiresIn: (seconds: number) => void;
}

const HOUR = 3600;

/** Quick edits of the payload's times, relative to now. */
export function TimeButtons({ onIssuedNow, onExpiresIn }: TimeButtonsProps) {
  return (
    <div role="group" aria-label="Set times" className="flex flex-wrap items-center gap-2">
      <button type="button" data-testid="builder-issued-now" onClick={onIssuedNow} className={buttonClass} title="iat = nbf = now; exp and warnafter keep their distance from iat">
        Issued now
      </button>
      <button type="button" data-testid="builder-expires-1h" onClick={() => onExpiresIn(HOUR)} className={buttonClass} title="exp = now + 1 h">
        Expires in 1 h
      </button>
      <button type="button" data-testid="builder-expires-24h" onClick={() => onExpiresIn(24 * HOUR)} className={buttonClass} title="exp = now + 24 h">
        Expires in 24 h
      </button>
    </div>
  );
}
