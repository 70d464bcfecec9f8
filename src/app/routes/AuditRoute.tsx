import { lazy, Suspense, useState } from 'react';
import { KeyInputField } from '../../features/verify/KeyInputField';
import { ErrorBoundary } from '../ErrorBoundary';
import { carriedIntoAudit } from './decoderHandoff';
import type { RouteProps } from './routeProps';

const AuditView = lazy(() => import('../../features/audit/AuditView'));

/**
 * The audit route (#audit), with its own box (audit-input). A secret list in the shared input
 * (pasted in the decoder, or opened with #token=) is carried over into it; a token the decoder
 * decoded is not, so arriving from it shows an empty box. What is typed here goes back to the
 * shared input, so leaving the view and coming back finds the list again.
 */
export default function AuditRoute({ input, onInputChange, verify, onVerifyChange }: RouteProps) {
  const [own, setOwn] = useState<string | null>(() => (carriedIntoAudit(input) === input ? null : ''));
  const text = own ?? input;
  const change = (next: string) => {
    setOwn(null);
    onInputChange(next);
  };
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Paste or drop the output of <code>kubectl get secrets -A -o json</code> (or <code>-o yaml</code>), or several tokens one per line. Add <code>serviceaccounts,pods</code> to the list (
        <code>kubectl get secrets,serviceaccounts,pods -A -o json</code>) to tell auto-generated Secrets from manual ones and see which are mounted. Only service account token Secrets are decoded;
        other Secrets are counted, never shown.
      </p>
      <ErrorBoundary resetKey={text}>
        <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading the audit…</p>}>
          <AuditView text={text} onTextChange={change} keyText={verify.keyText} secretEncoding={verify.secretEncoding} keyIsHmac={verify.keyIsHmac} />
        </Suspense>
      </ErrorBoundary>
      {/* The same key the decoder uses: with one, every token of the list can be verified. */}
      <div className="max-w-3xl">
        <KeyInputField settings={verify} onChange={onVerifyChange} />
      </div>
    </div>
  );
}
