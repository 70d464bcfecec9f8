import { FindingCard } from '../../components/FindingCard';
import type { RbacFinding } from '../../core/rbac/findDangers';

/** Dangerous permissions, most severe first, each with the bindings that grant it and what to do. */
export function AccessFindings({ findings }: { findings: RbacFinding[] }) {
  if (findings.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing dangerous among these permissions.</p>;
  return (
    <ul className="space-y-2">
      {findings.map((f) => (
        <FindingCard
          key={`${f.code}:${f.namespace}`}
          severity={f.severity}
          title={
            <>
              {f.title}
              <span className="font-normal"> — {f.namespace ? `in namespace ${f.namespace}` : 'cluster-wide'}</span>
            </>
          }
          explanation={f.explanation}
          action={f.action}
          attributes={{ 'data-testid': 'access-finding', 'data-code': f.code, 'data-namespace': f.namespace }}
        >
          <p className="mt-0.5 text-xs">
            <span className="font-medium">Granted by: </span>
            {f.grants
              .slice(0, 4)
              .map((g) => g.source)
              .join('; ')}
            {f.grants.length > 4 && ` and ${f.grants.length - 4} more`}
          </p>
        </FindingCard>
      ))}
    </ul>
  );
}
