import { lazy, Suspense } from 'react';
import { TokenInput } from '../../features/decoder/TokenInput';
import { ErrorBoundary } from '../ErrorBoundary';
import type { RouteProps } from './routeProps';

const AuditView = lazy(() => import('../../features/audit/AuditView'));

/** The audit route (#audit): the same input as the decoder, laid out for a whole secret list. */
export default function AuditRoute({ input, onInputChange, verify }: RouteProps) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Paste or drop the output of <code>kubectl get secrets -A -o json</code> (or <code>-o yaml</code>), or several tokens one per line. Add <code>serviceaccounts,pods</code> to the list (
        <code>kubectl get secrets,serviceaccounts,pods -A -o json</code>) to tell auto-generated Secrets from manual ones and see which are mounted. Only service account token Secrets are decoded;
        other Secrets are counted, never shown.
      </p>
      {/* Large pastes are held in memory, not laid out in the box (see TokenInput). */}
      <TokenInput value={input} onChange={onInputChange} />
      <ErrorBoundary resetKey={input}>
        <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading the audit…</p>}>
          <AuditView text={input} keyText={verify.keyText} secretEncoding={verify.secretEncoding} keyIsHmac={verify.keyIsHmac} />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
