import { useMemo } from 'react';
import type { RecognizedInput } from '../../core/input/inputKinds';
import type { DecodedToken } from '../../core/jws/decodeToken';
import { inspectToken, tokenContextFrom, type TokenInspection } from '../../core/kubernetes/inspectToken';

export type KubernetesFacts = TokenInspection;

/** Everything Kubernetes says about the token, derived (never stored). */
export function useKubernetesFacts(decoded: DecodedToken, recognized: RecognizedInput, atSeconds: number): KubernetesFacts {
  const context = useMemo(() => tokenContextFrom(recognized), [recognized]);
  return useMemo(() => inspectToken(decoded, context, atSeconds), [decoded, context, atSeconds]);
}
