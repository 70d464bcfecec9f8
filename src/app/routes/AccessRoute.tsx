import { useEffect, useMemo, useState } from 'react';
import { decodeToken, type DecodedToken } from '../../core/jws/decodeToken';
import { classifyToken } from '../../core/kubernetes/classifyToken';
import { identityOf } from '../../core/kubernetes/identity';
import { subjectFromIdentity } from '../../core/rbac/accessSubject';
import { authenticationGate } from '../../core/rbac/authenticationGate';
import AccessView from '../../features/access/AccessView';
import { AuthenticationNote } from '../../features/access/AuthenticationNote';
import { TokenInput } from '../../features/decoder/TokenInput';
import { useVerification } from '../../features/verify/useVerification';
import type { VerifySettings } from '../../features/verify/verifySettings';
import { useNow } from '../../hooks/useNow';
import { MAIN_THREAD_DOCUMENT_CHARS, recognizeText } from '../../core/input/recognizeText';
import type { RouteProps } from './routeProps';

type Parsers = typeof import('../../core/input/documentReaders');

/**
 * The token in the input, recognised as the decoder does (a Secret or kubeconfig too), without
 * the decoder's off-thread reader for huge documents. Not hooks/useRecognizedInput: importing it
 * from a lazy route made the bundler split small modules off the first-load chunk (measured: 9
 * first-load requests instead of 5).
 */
function useTokenOf(input: string) {
  const [parsers, setParsers] = useState<Parsers | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../core/input/documentReaders').then((p) => live && setParsers(p));
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => recognizeText(input, { parseYaml: parsers?.parseYaml, documents: parsers?.documents, parseLimit: MAIN_THREAD_DOCUMENT_CHARS }), [input, parsers]);
}
// The decoder's results chunk already holds the token engine (decoding, identity, verification):
// importing it keeps that code in one chunk the two views share, instead of a new common chunk
// that would split small shared modules off the first-load bundle.

/**
 * #access: what the token's identity may do under pasted RBAC objects. The token is the decoder's
 * input (shared through App); its verdict (the same keys and policy as the decoder) says first
 * whether the API server would authenticate it at all.
 */
export default function AccessRoute({ input, onInputChange, verify, rbacText, onRbacTextChange }: RouteProps) {
  const recognized = useTokenOf(input);
  const decoded = useMemo(() => (recognized.token && recognized.kind !== 'jwe' ? decodeToken(recognized.token) : null), [recognized]);
  const tokenSubject = useMemo(() => {
    if (!decoded) return null;
    const identity = identityOf(decoded, classifyToken(decoded));
    return identity ? subjectFromIdentity(identity) : ({ ok: false, error: { code: 'not-kubernetes', message: 'This token is not a Kubernetes service account token, so the API server would not take it for a service account.' } } as const);
  }, [decoded]);
  return (
    <AccessView
      rbacText={rbacText}
      onRbacTextChange={onRbacTextChange}
      tokenSubject={tokenSubject}
      authentication={decoded && <TokenAuthentication decoded={decoded} verify={verify} />}
      tokenField={<TokenInput value={input} onChange={onInputChange} />}
    />
  );
}

/** The decoder's verdict for the token, read as "would it get as far as RBAC?". */
function TokenAuthentication({ decoded, verify }: { decoded: DecodedToken; verify: VerifySettings }) {
  const now = useNow(true);
  const { verdict } = useVerification(decoded, verify, now);
  const gate = useMemo(() => authenticationGate(verdict), [verdict]);
  return <AuthenticationNote gate={gate} />;
}
