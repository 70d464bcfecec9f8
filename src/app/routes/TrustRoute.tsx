import { useMemo } from 'react';
import { decodeToken } from '../../core/jws/decodeToken';
import { audiences, stringClaim } from '../../core/kubernetes/kubernetesClaims';
import { TokenInput } from '../../features/decoder/TokenInput';
import TrustView from '../../features/trust/TrustView';
import { useInputToken } from '../../hooks/useInputToken';
import { ErrorBoundary } from '../ErrorBoundary';
import type { RouteProps } from './routeProps';

/** The claims a relying party compares with its configuration, to read beside it. */
function TokenClaims({ token }: { token: string | null }) {
  const claims = useMemo(() => (token ? decodeToken(token).claims : null), [token]);
  if (!claims) return <p className="text-sm text-slate-600 dark:text-slate-400">No token yet: paste one above, or pick a sample.</p>;
  const rows = [
    ['iss', stringClaim(claims, 'iss') ?? '—'],
    ['sub', stringClaim(claims, 'sub') ?? '—'],
    ['aud', audiences(claims).join(', ') || '—'],
  ];
  return (
    <dl aria-label="The token’s issuer, subject and audience" className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
      {rows.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="font-mono text-slate-600 dark:text-slate-400">{name}</dt>
          <dd className="font-mono text-[13px] break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** #trust: would a relying party (a cloud, Vault, another cluster) accept the decoder's token? */
export default function TrustRoute({ input, onInputChange }: RouteProps) {
  const token = useInputToken(input);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Paste the configuration of the service that receives the token — an AWS IAM role’s trust policy, a Google workload identity provider, an Azure federated credential, a Vault role or
        another cluster’s AuthenticationConfiguration — and see whether it would accept the token, and why. The token is the decoder’s.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0">
          <TokenInput value={input} onChange={onInputChange} />
        </div>
        <div className="min-w-0 space-y-1 lg:pt-7">
          <TokenClaims token={token} />
        </div>
      </div>
      <ErrorBoundary resetKey={token ?? ''}>
        <TrustView token={token} />
      </ErrorBoundary>
    </div>
  );
}
