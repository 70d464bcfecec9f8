import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { discoveryUrlFor, KUBECTL_JWKS_COMMAND } from '../../core/keys/discovery';
import { fetchIssuerKeys, FetchKeysError } from './fetchIssuerKeys';

type Source = { issuer: string } | { jwksUrl: string };

interface FetchKeysPanelProps {
  /** The token's iss, offered as the issuer to ask. */
  issuer: string | null;
  onUseKeys: (jwksText: string) => void;
}

/**
 * Optional, explicit online keys. Nothing is requested until the user has read exactly which URLs
 * will be fetched and confirmed; the fetch is a cached query.
 */
export function FetchKeysPanel({ issuer, onUseKeys }: FetchKeysPanelProps) {
  const id = useId();
  const [jwksUrl, setJwksUrl] = useState('');
  const [pending, setPending] = useState<Source | null>(null);
  const [confirmed, setConfirmed] = useState<Source | null>(null);
  const result = useQuery({
    queryKey: ['issuer-keys', confirmed] as const,
    queryFn: ({ signal }) => fetchIssuerKeys(confirmed as Source, signal),
    enabled: confirmed !== null,
  });
  const discovery = issuer ? discoveryUrlFor(issuer) : null;
  const plan = (source: Source): string[] =>
    'issuer' in source ? [discovery?.ok ? discovery.value : `${source.issuer}/.well-known/openid-configuration`, 'then the jwks_uri that document names'] : [source.jwksUrl];
  const button = 'rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
  const error = result.error instanceof FetchKeysError ? result.error : null;

  return (
    <details className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <summary className="cursor-pointer font-medium">Get keys online (optional)</summary>
      <div className="mt-2 space-y-2">
        <p className="text-slate-700 dark:text-slate-300">
          Offline is simpler and works for any cluster: run <code>{KUBECTL_JWKS_COMMAND}</code> and paste the output as the verification key. A browser can fetch keys only from an issuer that is
          reachable from here and allows this page (CORS).
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" data-testid="fetch-issuer-keys" className={button} disabled={!issuer || discovery?.ok === false} onClick={() => issuer && setPending({ issuer })}>
            Fetch keys from the issuer
          </button>
          {discovery && !discovery.ok && <span className="text-xs">{discovery.error.message}</span>}
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
          <button type="button" className={button} disabled={!/^https?:\/\//.test(jwksUrl)} onClick={() => setPending({ jwksUrl })}>
            Fetch this JWKS
          </button>
        </div>
        {pending && (
          <div role="alertdialog" aria-labelledby={`${id}-confirm`} data-testid="fetch-confirm" className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            <p id={`${id}-confirm`} className="font-medium">This will send these requests from your browser:</p>
            <ul className="list-disc pl-5 font-mono text-[13px] break-all">
              {plan(pending).map((u) => (
                <li key={u}>GET {u}</li>
              ))}
            </ul>
            <p>No token, no key and no cookie is sent, and no referrer. The servers will see your IP address.</p>
            <div className="mt-2 flex gap-2">
              <button
                type="button"
                data-testid="fetch-confirm-go"
                className={button}
                onClick={() => {
                  setConfirmed(pending);
                  setPending(null);
                }}
              >
                Fetch now
              </button>
              <button type="button" className={button} onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {confirmed && result.isFetching && <p role="status">Fetching…</p>}
        {error && (
          <div role="alert" data-testid="fetch-error" data-code={error.explanation.code} className="rounded border border-rose-300 bg-rose-50 p-2 text-rose-950 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100">
            <p>{error.explanation.message}</p>
            {error.explanation.suggestion && <p className="mt-1">{error.explanation.suggestion}</p>}
          </div>
        )}
        {result.data && (
          <div data-testid="fetch-result" className="space-y-1">
            <p>
              Fetched a key set from <code className="break-all">{result.data.jwksUrl}</code>.
            </p>
            <button type="button" className={button} onClick={() => onUseKeys(result.data.jwksText)}>
              Use these keys
            </button>
          </div>
        )}
      </div>
    </details>
  );
}
