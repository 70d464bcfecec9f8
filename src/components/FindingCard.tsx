import type { ReactNode } from 'react';
import { toneClasses, type Tone } from './Badge';

export type FindingSeverity = 'info' | 'warning' | 'danger';

const TONE: Record<FindingSeverity, Tone> = { info: 'info', warning: 'warning', danger: 'danger' };
const LABEL: Record<FindingSeverity, string> = { info: 'Info', warning: 'Warning', danger: 'Danger' };

interface FindingCardProps {
  severity: FindingSeverity;
  title: ReactNode;
  explanation: ReactNode;
  action: ReactNode;
  /** data-testid, data-code… for the list item. */
  attributes: Record<`data-${string}`, string>;
  children?: ReactNode;
}

/** One finding: severity, title, what it means and what to do (the decoder's and Access's lists share it). */
export function FindingCard({ severity, title, explanation, action, attributes, children }: FindingCardProps) {
  return (
    <li {...attributes} data-severity={severity} className={`rounded px-3 py-2 text-sm ring-1 ring-inset ${toneClasses(TONE[severity])}`}>
      <p className="font-semibold">
        <span className="mr-2 text-xs uppercase">{LABEL[severity]}</span>
        {title}
      </p>
      <p className="mt-0.5">{explanation}</p>
      <p className="mt-0.5">
        <span className="font-medium">What to do: </span>
        {action}
      </p>
      {children}
    </li>
  );
}
