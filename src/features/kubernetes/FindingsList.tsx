import { toneClasses, type Tone } from '../../components/Badge';
import { StatusIcon } from '../../components/StatusIcon';
import type { Finding } from '../../core/kubernetes/findings';

const TONE: Record<Finding['severity'], Tone> = { info: 'info', warning: 'warning', danger: 'danger' };
const ICON = { info: 'info', warning: 'alert', danger: 'cross' } as const;
const LABEL: Record<Finding['severity'], string> = { info: 'Info', warning: 'Warning', danger: 'Danger' };

/** Findings, most severe first, each with what it means and what to do. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing to report.</p>;
  return (
    <ul className="space-y-1.5">
      {findings.map((f) => (
        <li key={f.code + f.explanation} data-testid="finding" data-code={f.code} data-severity={f.severity} className={`rounded text-sm ring-1 ring-inset ${toneClasses(TONE[f.severity])}`}>
          {/* The title stays in view; what it means and what to do are one click away. */}
          <details>
            <summary className="flex cursor-pointer items-start gap-2 px-3 py-1.5 font-semibold">
              <StatusIcon name={ICON[f.severity]} className="mt-0.5 h-4 w-4" />
              <span>
                <span className="mr-2 text-xs uppercase">{LABEL[f.severity]}</span>
                {f.title}
              </span>
            </summary>
            <div className="px-3 pb-2">
              <p>{f.explanation}</p>
              <p className="mt-0.5">
                <span className="font-medium">What to do: </span>
                {f.action}
              </p>
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
