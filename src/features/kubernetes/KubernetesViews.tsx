import { Panel } from '../../components/Panel';
import { FindingsList } from './FindingsList';
import { IdentityCard } from './IdentityCard';
import { LifetimeCard } from './LifetimeCard';
import { MigrationSteps } from './MigrationSteps';
import { TokenKindCard } from './TokenKindCard';
import type { KubernetesFacts } from './useKubernetesFacts';

/** Kind, findings and identity: shown above the decoded panels. */
export function KubernetesSummary({ facts }: { facts: KubernetesFacts }) {
  const { classification, identity, findings } = facts;
  return (
    <>
      <Panel id="kind" title="Kubernetes">
        <TokenKindCard classification={classification} />
      </Panel>
      <Panel id="findings" title={`Findings (${findings.length})`}>
        <FindingsList findings={findings} />
      </Panel>
      {identity && (
        <Panel id="identity" title="Identity (what RBAC sees)">
          <IdentityCard identity={identity} />
        </Panel>
      )}
    </>
  );
}

/** Lifetimes and, for legacy tokens, migration helpers: shown after the claims. */
export function KubernetesDetails({ facts, atSeconds }: { facts: KubernetesFacts; atSeconds: number }) {
  const { classification, lifetime, migration } = facts;
  return (
    <>
      {classification.kind !== 'legacy' && lifetime.effectiveLifetimeSeconds !== null && (
        <Panel id="lifetime" title="Lifetime">
          <LifetimeCard lifetime={lifetime} atSeconds={atSeconds} />
        </Panel>
      )}
      {migration.length > 0 && (
        <Panel id="migration" title="Replace this legacy token">
          <MigrationSteps steps={migration} />
        </Panel>
      )}
    </>
  );
}
