import { useMemo } from 'react';
import { decodeToken, type DecodedToken } from '../../core/jws/decodeToken';
import { classifyToken } from '../../core/kubernetes/classifyToken';
import { identityOf } from '../../core/kubernetes/identity';
import { subjectFromIdentity } from '../../core/rbac/accessSubject';
import { overallVerdict } from '../../core/kubernetes/overallVerdict';
import AccessView from '../../features/access/AccessView';
import { AuthenticationNote } from '../../features/access/AuthenticationNote';
import { TokenInput } from '../../features/decoder/TokenInput';
import { useVerification } from '../../features/verify/useVerification';
import type { VerifySettings } from '../../features/verify/verifySettings';
import { useInputToken } from '../../hooks/useInputToken';
import { useNow } from '../../hooks/useNow';
import type { RouteProps } from './routeProps';

/**
 * #access: what the token's identity may do under pasted RBAC objects. The token is the decoder's
 * input (shared through App); its verdict (the same keys and policy as the decoder) says first
 * whether the API server would authenticate it at all.
 */
export default function AccessRoute({ input, onInputChange, verify, rbacText, onRbacTextChange }: RouteProps) {
  const token = useInputToken(input);
  // A JWE (five parts) has no claims to read an identity from.
  const decoded = useMemo(() => (token && token.split('.').length === 3 ? decodeToken(token) : null), [token]);
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
  const { verdict, signature } = useVerification(decoded, verify, now);
  const overall = useMemo(() => overallVerdict(verdict, signature?.state), [verdict, signature]);
  return <AuthenticationNote verdict={overall} />;
}
