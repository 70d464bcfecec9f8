import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { assessKeyFetch, discoveryUrlFor, KUBECTL_JWKS_COMMAND, type FetchAssessment, type FetchedKeysSource, type FetchStep } from '../../core/keys/discovery';
import { fetchDiscoveryDocument, fetchKeySet, FetchKeysError } from './fetchIssuerKeys';

type KeySetStep = Extract<FetchStep, { step: 'jwks-uri' | 'jwks-url' }>;
type Request = { hop: 'discovery'; issuer: string } | { hop: 'key-set'; url: string; step: KeySetStep };

interface FetchKeysPanelProps {
  /** The token's iss, offered as the issuer to ask. */
  issuer: string | null;
  /** The validation policy's expected issuers: the fetch is offered for others only with a warning. */
  expectedIssuers: readonly string[];
  onUseKeys: (jwksText: string, source: FetchedKeysSource) => void;
}

const button = 'rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** One request the user reads, and confirms or cancels; a refused one has no button to go on. */
function ConfirmRequest({ assessment, onGo, onCancel }: { assessment: FetchAssessment; onGo: () => void; onCancel: () => void }) {
  const id = useId();
  const refused = assessment.refusal !== null;
  return (
    <div
      role="alertdialog"
      aria-labelledby={id}
      data-testid="fetch-confirm"
      data-refused={String(refused)}
      className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p id={id} className="font-medium">
        {refused ? 'This request will not be sent:' : 'This will send this request from your browser:'}
      </p>
      <p data-testid="fetch-url" className="font-mono text-[13px] break-all">
        GET {assessment.url}
      </p>
      {refused && (
        <p data-testid="fetch-refused" className="mt-1 font-semibold">
          {assessment.refusal}
        </p>
      )}
      {assessment.warnings.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {assessment.warnings.map((w) => (
            <li key={w} data-testid="fetch-warning">
              {w}
            </li>
          ))}
        </ul>
      )}
      {!refused && <p className="mt-1">No token, no key and no cookie is sent, and no referrer; redirects are not followed. The server will see your IP address.</p>}
      <div className="mt-2 flex gap-2">
        {!refused && (
          <button type="button" data-testid="fetch-confirm-go" className={button} onClick={onGo}>
            Fetch now
          </button>
        )}
        <button type="button" className={button} onClick={onCancel}>
          {refused ? 'Close' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}

/**
 * Optional, explicit online keys. Every URL, the jwks_uri of a discovery document included, is
 * shown and confirmed before it is requested; refused hosts are never requested. Each hop is a
 * cached query.
 */
export function FetchKeysPanel({ issuer, expectedIssuers, onUseKeys }: FetchKeysPanelProps) {
  const id = useId();
  const [jwksUrl, setJwksUrl] = useState('');
  const [pending, setPending] = useState<Request | null>(null);
  const [discoveryFor, setDiscoveryFor] = useState<string | null>(null);
  const [keySetRequest, setKeySetRequest] = useState<{ url: string; step: KeySetStep } | null>(null);
  const [dismissedJwksUri, setDismissedJwksUri] = useState<string | null>(null);

  const discovered = useQuery({
    queryKey: ['issuer-discovery', discoveryFor, expectedIssuers] as const,
    queryFn: ({ signal }) => fetchDiscoveryDocument(discoveryFor as string, expectedIssuers, signal),
    enabled: discoveryFor !== null,
  });
  const keySet = useQuery({
    queryKey: ['key-set', keySetRequest] as const,
    queryFn: ({ signal }) => fetchKeySet(keySetRequest?.url as string, keySetRequest?.step as KeySetStep, signal),
    enabled: keySetRequest !== null,
  });

  const discoveryUrl = issuer ? discoveryUrlFor(issuer) : null;
  const unexpectedIssuer = issuer !== null && !expectedIssuers.includes(issuer);
  // The second hop: once the discovery document names its jwks_uri, that URL waits for its own confirmation.
  const jwksUri = discovered.data?.jwksUri ?? null;
  const secondHop: Request | null =
    discovered.data && jwksUri !== keySetRequest?.url && jwksUri !== dismissedJwksUri
      ? { hop: 'key-set', url: discovered.data.jwksUri, step: { step: 'jwks-uri', from: discovered.data.discoveryUrl } }
      : null;
  const shown = pending ?? secondHop;
  const assessmentOf = (request: Request): FetchAssessment =>
    request.hop === 'discovery'
      ? assessKeyFetch(discoveryUrl?.ok ? discoveryUrl.value : request.issuer, { step: 'discovery', issuer: request.issuer, expectedIssuers })
      : assessKeyFetch(request.url, request.step);
  const go = (request: Request) => {
    setPending(null);
    if (request.hop === 'discovery') {
      setKeySetRequest(null);
      setDismissedJwksUri(null);
      setDiscoveryFor(request.issuer);
    } else setKeySetRequest({ url: request.url, step: request.step });
  };
  const cancel = (request: Request) => {
    setPending(null);
    if (request === secondHop) setDismissedJwksUri(request.url);
  };
  const error = [discovered.error, keySet.error].find((e): e is FetchKeysError => e instanceof FetchKeysError) ?? null;

  return (
    <details className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <summary className="cursor-pointer font-medium">Get keys online (optional)</summary>
      <div className="mt-2 space-y-2">
        <p className="text-slate-700 dark:text-slate-300">
          Offline is simpler and works for any cluster: run <code>{KUBECTL_JWKS_COMMAND}</code> and paste the output as the verification key. A browser can fetch keys only from an issuer that is
          reachable from here and allows this page (CORS).
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" data-testid="fetch-issuer-keys" className={button} disabled={!issuer || discoveryUrl?.ok === false} onClick={() => issuer && setPending({ hop: 'discovery', issuer })}>
            Fetch keys from the issuer
          </button>
          {discoveryUrl && !discoveryUrl.ok && <span className="text-xs">{discoveryUrl.error.message}</span>}
          {discoveryUrl?.ok && unexpectedIssuer && (
            <span data-testid="fetch-issuer-unexpected" className="text-xs text-amber-900 dark:text-amber-200">
              The token’s issuer is not an expected issuer: its own keys prove little (see the warning before fetching).
            </span>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="grid gap-1" htmlFor={`${id}-jwks`}>
            <span>JWKS URL</span>
            <input
              id={`${id}-jwks`}
              type="url"
              data-testid="jwks-url"
              value={jwksUrl}
              onChange={(e) => setJwksUrl(e.target.value)}
              placeholder="https://issuer.example/openid/v1/jwks"
              className="w-72 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-[13px] dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
          <button type="button" className={button} disabled={!/^https?:\/\//.test(jwksUrl)} onClick={() => setPending({ hop: 'key-set', url: jwksUrl.trim(), step: { step: 'jwks-url' } })}>
            Fetch this JWKS
          </button>
        </div>
        {discovered.data && (
          <p data-testid="fetch-discovered">
            The discovery document at <code className="break-all">{discovered.data.discoveryUrl}</code> names its keys at <code className="break-all">{discovered.data.jwksUri}</code>.
          </p>
        )}
        {shown && <ConfirmRequest key={shown.hop === 'discovery' ? shown.issuer : shown.url} assessment={assessmentOf(shown)} onGo={() => go(shown)} onCancel={() => cancel(shown)} />}
        {(discovered.isFetching || keySet.isFetching) && <p role="status">Fetching…</p>}
        {error && (
          <div role="alert" data-testid="fetch-error" data-code={error.explanation.code} className="rounded border border-rose-300 bg-rose-50 p-2 text-rose-950 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100">
            <p>{error.explanation.message}</p>
            {error.explanation.suggestion && <p className="mt-1">{error.explanation.suggestion}</p>}
          </div>
        )}
        {keySet.data && (
          <div data-testid="fetch-result" className="space-y-1">
            <p>
              Fetched a key set from <code className="break-all">{keySet.data.jwksUrl}</code>.
            </p>
            <button type="button" className={button} onClick={() => onUseKeys(keySet.data.jwksText, { jwksUrl: keySet.data.jwksUrl, issuer: keySetRequest?.step.step === 'jwks-uri' ? discoveryFor : null })}>
              Use these keys
            </button>
          </div>
        )}
      </div>
    </details>
  );
}
