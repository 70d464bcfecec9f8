import { toneClasses, type Tone } from '../../components/Badge';
import type { Finding } from '../../core/kubernetes/findings';

const TONE: Record<Finding['severity'], Tone> = { info: 'info', warning: 'warning', danger: 'danger' };
const LABEL: Record<Finding['severity'], string> = { info: 'Info', warning: 'Warning', danger: 'Danger' };

/** Findings, most severe first, each with what it means and what to do. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing to report.</p>;
  return (
    <ul className="space-y-2">
      {findings.map((f) => (
        <li key={f.code + f.explanation} data-testid="finding" data-code={f.code} data-severity={f.severity} className={`rounded px-3 py-2 text-sm ring-1 ring-inset ${toneClasses(TONE[f.severity])}`}>
          <p className="font-semibold">
            <span className="mr-2 text-xs uppercase">{LABEL[f.severity]}</span>
            {f.title}
          </p>
          <p className="mt-0.5">{f.explanation}</p>
          <p className="mt-0.5">
            <span className="font-medium">What to do: </span>
            {f.action}
          </p>
        </li>
      ))}
    </ul>
  );
}
