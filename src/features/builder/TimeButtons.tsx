import { Button } from '../../components/Button';

interface TimeButtonsProps {
  onIssuedNow: () => void;
  onExpiresIn: (seconds: number) => void;
}

const HOUR = 3600;

/** Quick edits of the payload's times, relative to now. */
export function TimeButtons({ onIssuedNow, onExpiresIn }: TimeButtonsProps) {
  return (
    <div role="group" aria-label="Set times" className="flex flex-wrap items-center gap-2">
      <Button data-testid="builder-issued-now" onClick={onIssuedNow} title="iat = nbf = now; exp and warnafter keep their distance from iat">
        Issued now
      </Button>
      <Button data-testid="builder-expires-1h" onClick={() => onExpiresIn(HOUR)} title="exp = now + 1 h">
        Expires in 1 h
      </Button>
      <Button data-testid="builder-expires-24h" onClick={() => onExpiresIn(24 * HOUR)} title="exp = now + 24 h">
        Expires in 24 h
      </Button>
    </div>
  );
}
