import { useMemo } from 'react';
import { decodeToken } from '../../core/jws/decodeToken';
import { inspectToken, tokenContextFrom } from '../../core/kubernetes/inspectToken';
import { useRecognizedInput } from '../../hooks/useRecognizedInput';

/** One side of the comparison: recognised, decoded and inspected. */
export function useComparedToken(text: string, atSeconds: number) {
  // While one side is still being read, it keeps what it showed before.
  const { settled: recognized } = useRecognizedInput(text, undefined);
  return useMemo(() => {
    const decoded = recognized.token && recognized.kind !== 'jwe' ? decodeToken(recognized.token) : null;
    const inspection = decoded ? inspectToken(decoded, tokenContextFrom(recognized), atSeconds) : null;
    return {
      recognized,
      decoded,
      classification: inspection?.classification ?? null,
      identity: inspection?.identity ?? null,
      validity: inspection?.validity ?? null,
    };
  }, [recognized, atSeconds]);
}

export type ComparedToken = ReturnType<typeof useComparedToken>;
