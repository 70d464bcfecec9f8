import { FindingCard } from '../../components/FindingCard';
import type { Finding } from '../../core/kubernetes/findings';

/** Findings, most severe first, each with what it means and what to do. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing to report.</p>;
  return (
    <ul className="space-y-2">
      {findings.map((f) => (
        <FindingCard key={f.code + f.explanation} severity={f.severity} title={f.title} explanation={f.explanation} action={f.action} attributes={{ 'data-testid': 'finding', 'data-code': f.code }} />
      ))}
    </ul>
  );
}
