import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Field } from '../../components/Field';
import type { FetchedKeysSource } from '../../core/keys/discovery';
import { Select } from '../../components/Select';
import { EncodedToken } from '../../features/decoder/EncodedToken';
import { InputKindBadge } from '../../features/decoder/InputKindBadge';
import { ShareLink } from '../../features/decoder/ShareLink';
import { TokenInput } from '../../features/decoder/TokenInput';
import { KeyInputField } from '../../features/verify/KeyInputField';
import { useRecognizedInput } from '../../hooks/useRecognizedInput';
import { ErrorBoundary } from '../ErrorBoundary';
import { decoderHandoff } from './decoderHandoff';
import type { RouteProps } from './routeProps';

const loadResults = () => import('./DecoderRouteResults');
const DecoderRouteResults = lazy(loadResults);

/** The decoder view (the empty fragment): input on the left, everything derived from it on the right. */
export default function DecoderRoute({ input, onInputChange, verify, onVerifyChange: setVerify }: RouteProps) {
  const [choice, setChoice] = useState<string | undefined>(undefined);
  // While a document is still being read, the badge says so and everything else stays as it was.
  const { current, settled: recognized, settledText: text } = useRecognizedInput(input, choice);
  const reading = current.kind === 'pending';
  const choices = recognized.choices ?? [];
  const useKeys = useCallback(
    (keyText: string, source: FetchedKeysSource) => setVerify({ ...verify, keyText, fetchedKeys: { ...source, keyText } }),
    [verify, setVerify],
  );
  useEffect(() => {
    decoderHandoff.text = text;
    decoderHandoff.isList = recognized.kind === 'secret-list';
  }, [text, recognized.kind]);
  // Fetch the results chunk once the first screen is idle, so the first paste needs no round trip.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => void loadResults());
  }, []);

  // Three blocks: the input, the rest of the input column (share link, source facts, coloured
  // token, key) and the results, in that order for the keyboard (token, key, results). On a phone
  // the results are shown second, so the summary follows the input at once; on a desktop they
  // take the right column beside both.
  return (
    <div className="grid gap-4 lg:grid-cols-2 lg:grid-rows-[auto_1fr]">
      <div className="order-1 min-w-0 space-y-3 lg:col-start-1 lg:row-start-1">
        <TokenInput value={input} onChange={onInputChange} />
        <InputKindBadge input={current} />
        {choices.length > 0 && (
          <Field label="User" layout="inline">
            {(control) => (
              <Select {...control} data-testid="source-choice" value={recognized.selected ?? ''} onChange={(e) => setChoice(e.target.value)}>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                    {c.token ? '' : ` — ${c.reason ?? 'no token'}`}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
      </div>
      <div className="order-3 min-w-0 space-y-3 self-start lg:col-start-1 lg:row-start-2">
        <ShareLink input={input} />
        {recognized.facts && recognized.facts.length > 0 && (
          <dl data-testid="source-facts" className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
            {recognized.facts.map((f) => (
              <div key={f.label} className="contents">
                <dt className="text-slate-600 dark:text-slate-400">{f.label}</dt>
                <dd className="font-mono text-[13px] [overflow-wrap:anywhere]">{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {recognized.token && <EncodedToken token={recognized.token} />}
        <KeyInputField settings={verify} onChange={setVerify} />
      </div>
      <div className="order-2 min-w-0 space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1" aria-live="off" aria-busy={reading}>
        {/* A failure here (a chunk that did not arrive, a bug) leaves the input column working; a new input tries again. */}
        <ErrorBoundary resetKey={text}>
          {recognized.kind === 'secret-list' ? (
            <GoToAudit text={text} />
          ) : recognized.token ? (
            <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Decoding…</p>}>
              <DecoderRouteResults recognized={recognized} verify={verify} onUseKeys={useKeys} />
            </Suspense>
          ) : (
            <EmptyState />
          )}
        </ErrorBoundary>
      </div>
    </div>
  );
}

/** A secret list belongs to the audit: a new one is carried there at once (in place of this entry in the history). */
function GoToAudit({ text }: { text: string }) {
  useEffect(() => {
    // Coming back to the decoder with the same list shows this link, not a second jump.
    if (decoderHandoff.forwarded === text) return;
    decoderHandoff.forwarded = text;
    window.location.replace('#audit');
  }, [text]);
  return (
    <p data-testid="go-to-audit" className="rounded-lg border border-slate-300 p-4 text-sm dark:border-slate-700">
      This is a secret list: it is audited in the <a href="#audit" className="font-medium text-sky-800 underline dark:text-sky-300">Audit view</a>, which has it already.
    </p>
  );
}

function EmptyState() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
      <p className="font-medium text-slate-800 dark:text-slate-200">Paste a token to see it decoded, dated and explained.</p>
      <p className="mt-2">
        Try <code>kubectl create token default</code>, <code>cat /var/run/secrets/kubernetes.io/serviceaccount/token</code> inside a pod, or a sample from the menu.
      </p>
    </div>
  );
}
