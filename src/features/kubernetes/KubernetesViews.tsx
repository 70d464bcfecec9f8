import { Disclosure } from '../../components/Disclosure';
import { Panel } from '../../components/Panel';
import { FindingsList } from './FindingsList';
import { IdentityCard } from './IdentityCard';
import { LifetimeCard } from './LifetimeCard';
import { MigrationSteps } from './MigrationSteps';
import { TokenKindCard } from './TokenKindCard';
import type { KubernetesFacts } from './useKubernetesFacts';

/** Findings (titles in view, details one click away), the identity, and the kind's evidence (collapsed). */
export function KubernetesSummary({ facts }: { facts: KubernetesFacts }) {
  const { classification, identity, findings } = facts;
  return (
    <>
      <Panel id="findings" title={`Findings (${findings.length})`}>
        <FindingsList findings={findings} />
      </Panel>
      {identity && (
        <Panel id="identity" title="Identity (what RBAC sees)">
          <IdentityCard identity={identity} />
        </Panel>
      )}
      <Disclosure id="kind" title={`Kind: ${classification.title} — evidence and versions`}>
        <TokenKindCard classification={classification} />
      </Disclosure>
    </>
  );
}

/** Lifetimes and, for legacy tokens, migration helpers: collapsed after the claims. */
export function KubernetesDetails({ facts, atSeconds }: { facts: KubernetesFacts; atSeconds: number }) {
  const { classification, lifetime, migration } = facts;
  return (
    <>
      {classification.kind !== 'legacy' && lifetime.effectiveLifetimeSeconds !== null && (
        <Disclosure id="lifetime" title="Lifetime: effective and hard expiry, kubelet refresh">
          <LifetimeCard lifetime={lifetime} atSeconds={atSeconds} />
        </Disclosure>
      )}
      {migration.length > 0 && (
        <Disclosure id="migration" title="Replace this legacy token: commands and manifests">
          <MigrationSteps steps={migration} />
        </Disclosure>
      )}
    </>
  );
}
