import { useMemo } from 'react';
import type { RecognizedInput } from '../../core/input/inputKinds';
import type { DecodedToken } from '../../core/jws/decodeToken';
import { classifyToken } from '../../core/kubernetes/classifyToken';
import { findingContextFrom, findingsFor } from '../../core/kubernetes/findings';
import { identityForVersion, identityOf } from '../../core/kubernetes/identity';
import type { KubernetesVersion } from '../../core/kubernetes/versionChoices';
import { lifetimeOf } from '../../core/kubernetes/lifetime';
import { migrationFor } from '../../core/kubernetes/migration';

export type KubernetesFacts = ReturnType<typeof useKubernetesFacts>;

/** Everything Kubernetes says about the token, derived (never stored). */
export function useKubernetesFacts(decoded: DecodedToken, recognized: RecognizedInput, atSeconds: number, version: KubernetesVersion = 'latest') {
  const classification = useMemo(() => classifyToken(decoded), [decoded]);
  // The user extras depend on the chosen cluster version; the rest of the identity does not.
  const identity = useMemo(() => {
    const found = identityOf(decoded, classification);
    return found && identityForVersion(found, { version });
  }, [decoded, classification, version]);
  const context = useMemo(() => findingContextFrom(recognized), [recognized]);
  const findings = useMemo(() => findingsFor(decoded, classification, atSeconds, context, { version }), [decoded, classification, atSeconds, context, version]);
  const lifetime = useMemo(
    () => lifetimeOf(decoded, atSeconds, context.expirationTimestamp !== undefined ? { expirationTimestamp: context.expirationTimestamp } : {}),
    [decoded, atSeconds, context],
  );
  const migration = useMemo(() => migrationFor(identity, classification), [identity, classification]);
  return { classification, identity, findings, lifetime, migration };
}
