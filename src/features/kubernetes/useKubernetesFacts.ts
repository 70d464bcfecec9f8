import { useMemo } from 'react';
import type { RecognizedInput } from '../../core/input/inputKinds';
import type { DecodedToken } from '../../core/jws/decodeToken';
import { classifyToken } from '../../core/kubernetes/classifyToken';
import { findingContextFrom, findingsFor } from '../../core/kubernetes/findings';
import { identityOf } from '../../core/kubernetes/identity';
import { lifetimeOf } from '../../core/kubernetes/lifetime';
import { migrationFor } from '../../core/kubernetes/migration';

export type KubernetesFacts = ReturnType<typeof useKubernetesFacts>;

/** Everything Kubernetes says about the token, derived (never stored). */
export function useKubernetesFacts(decoded: DecodedToken, recognized: RecognizedInput, atSeconds: number) {
  const classification = useMemo(() => classifyToken(decoded), [decoded]);
  const identity = useMemo(() => identityOf(decoded, classification), [decoded, classification]);
  const context = useMemo(() => findingContextFrom(recognized), [recognized]);
  const findings = useMemo(() => findingsFor(decoded, classification, atSeconds, context), [decoded, classification, atSeconds, context]);
  const lifetime = useMemo(
    () => lifetimeOf(decoded, atSeconds, context.expirationTimestamp !== undefined ? { expirationTimestamp: context.expirationTimestamp } : {}),
    [decoded, atSeconds, context],
  );
  const migration = useMemo(() => migrationFor(identity, classification), [identity, classification]);
  return { classification, identity, findings, lifetime, migration };
}
