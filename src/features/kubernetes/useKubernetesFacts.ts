import { useMemo } from 'react';
import type { RecognizedInput } from '../../core/input/inputKinds';
import type { DecodedToken } from '../../core/jws/decodeToken';
import { inspectToken, tokenContextFrom, type TokenInspection } from '../../core/kubernetes/inspectToken';
import type { KubernetesVersion } from '../../core/kubernetes/versionChoices';

export type KubernetesFacts = TokenInspection;

/** Everything Kubernetes says about the token, derived (never stored); extras and findings follow `version`. */
export function useKubernetesFacts(decoded: DecodedToken, recognized: RecognizedInput, atSeconds: number, version: KubernetesVersion = 'latest'): KubernetesFacts {
  const context = useMemo(() => tokenContextFrom(recognized), [recognized]);
  return useMemo(() => inspectToken(decoded, context, atSeconds, { version }), [decoded, context, atSeconds, version]);
}
