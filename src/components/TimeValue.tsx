import { formatLocal, formatRelative, formatUtc, toIsoInstant } from '../core/time/formatTime';

interface TimeValueProps {
  seconds: number;
  nowSeconds: number;
}

/** An instant as UTC, the viewer's local time, and relative to "now". */
export function TimeValue({ seconds, nowSeconds }: TimeValueProps) {
  return (
    <span className="inline-flex flex-col">
      <time dateTime={toIsoInstant(seconds)} className="font-mono text-[13px]">
        {formatUtc(seconds)}
      </time>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        {formatRelative(seconds, nowSeconds)} · {formatLocal(seconds)}
      </span>
    </span>
  );
}
