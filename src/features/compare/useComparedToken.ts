import { useMemo } from 'react';
import { decodeToken } from '../../core/jws/decodeToken';
import { classifyToken } from '../../core/kubernetes/classifyToken';
import { identityOf } from '../../core/kubernetes/identity';
import { evaluateValidity } from '../../core/time/validity';
import { useRecognizedInput } from '../../hooks/useRecognizedInput';

/** One side of the comparison: recognised, decoded and classified. */
export function useComparedToken(text: string, atSeconds: number) {
  // While one side is still being read, it keeps what it showed before.
  const { settled: recognized } = useRecognizedInput(text, undefined);
  return useMemo(() => {
    const decoded = recognized.token && recognized.kind !== 'jwe' ? decodeToken(recognized.token) : null;
    const classification = decoded ? classifyToken(decoded) : null;
    return {
      recognized,
      decoded,
      classification,
      identity: decoded && classification ? identityOf(decoded, classification) : null,
      validity: decoded ? evaluateValidity(decoded.claims, atSeconds) : null,
    };
  }, [recognized, atSeconds]);
}

export type ComparedToken = ReturnType<typeof useComparedToken>;
