export type StatusIconName = 'check' | 'cross' | 'alert' | 'info' | 'question' | 'clock';

/** 24×24 strokes; drawn here (a few paths) rather than pulling an icon package into the first load. */
const PATHS: Record<StatusIconName, string> = {
  check: 'M20 6 9 17l-5-5',
  cross: 'M18 6 6 18M6 6l12 12',
  alert: 'M12 3 2 21h20L12 3zM12 10v5M12 18v.01',
  info: 'M12 16v-5M12 8v.01M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  question: 'M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17v.01M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  clock: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
};

/** A state's icon, always beside words that say the same (hidden from screen readers). */
export function StatusIcon({ name, className = 'h-4 w-4' }: { name: StatusIconName; className?: string }) {
  return (
    <svg data-icon={name} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={`shrink-0 ${className}`}>
      <path d={PATHS[name]} />
    </svg>
  );
}
