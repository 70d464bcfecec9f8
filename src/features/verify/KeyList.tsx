import { describeKeyShape } from '../../core/keys/candidateKey';
import type { KeyInput } from '../../core/keys/parseKeyInput';
import { kubernetesKeySelection } from '../../core/verify/selectKeys';
import type { SignatureResult } from '../../core/verify/verifySignature';

/** Every candidate key: type, size or curve, Kubernetes kid, thumbprint, and what happened with it. */
export function KeyList({ keys, result, tokenKid }: { keys: KeyInput; result: SignatureResult | undefined; tokenKid: string | null }) {
  const attemptOf = (id: string) => result?.attempts.find((a) => a.candidateId === id);
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="key-kind" data-kind={keys.kind}>
        {keys.description}
      </p>
      {keys.error && <p className="text-rose-900 dark:text-rose-200">{keys.error.message}</p>}
      {keys.discovery && (
        <p data-testid="key-discovery">
          This is an OpenID discovery document: it holds no keys. They are at its jwks_uri{keys.discovery.jwksUri ? <> (<code className="break-all">{keys.discovery.jwksUri}</code>)</> : ''}; with cluster access, <code>kubectl get --raw /openid/v1/jwks</code> prints them.
        </p>
      )}
      {keys.notices.length > 0 && (
        <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
          {keys.notices.map((n) => (
            <li key={n} data-testid="key-notice">{n}</li>
          ))}
        </ul>
      )}
      {keys.candidates.length > 0 && (
        <ul className="space-y-2">
          {keys.candidates.map((key) => {
            const attempt = attemptOf(key.id);
            // JOSE: only a declared kid can rule a key out. kube-apiserver: only the derived kid counts.
            const declaredMatch = tokenKid && key.givenKid !== undefined ? key.givenKid === tokenKid : null;
            const kubernetes = tokenKid ? kubernetesKeySelection(tokenKid, key) : null;
            return (
              <li key={key.id} data-testid="candidate-key" data-outcome={attempt?.outcome ?? 'not-tried'} className="rounded border border-slate-200 p-2 dark:border-slate-700">
                <p className="font-medium">
                  {key.label}: {describeKeyShape(key)}
                  {key.fromPrivateKey && <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(public part of a private key)</span>}
                </p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                  {key.kubernetesKid && (
                    <>
                      <dt className="text-slate-600 dark:text-slate-400">Kubernetes kid</dt>
                      <dd data-testid="candidate-kid" className="font-mono break-all">{key.kubernetesKid}</dd>
                    </>
                  )}
                  {key.givenKid !== undefined && key.givenKid !== key.kubernetesKid && (
                    <>
                      <dt className="text-slate-600 dark:text-slate-400">JWK kid</dt>
                      <dd className="font-mono break-all">{key.givenKid}</dd>
                    </>
                  )}
                  {key.thumbprint && (
                    <>
                      <dt className="text-slate-600 dark:text-slate-400">RFC 7638 thumbprint</dt>
                      <dd className="font-mono break-all">{key.thumbprint}</dd>
                    </>
                  )}
                  {declaredMatch !== null && (
                    <>
                      <dt className="text-slate-600 dark:text-slate-400">Token kid</dt>
                      <dd>{declaredMatch ? 'matches its kid' : 'differs from its kid'}</dd>
                    </>
                  )}
                  {kubernetes && (
                    <>
                      <dt className="text-slate-600 dark:text-slate-400">kube-apiserver 1.31+</dt>
                      <dd data-testid="candidate-kubernetes-selection" data-selects={String(kubernetes.selects)}>
                        {kubernetes.selects ? 'would select it (its Kubernetes kid is the token kid)' : 'would not select it (its Kubernetes kid is not the token kid)'}
                      </dd>
                    </>
                  )}
                  {attempt && (
                    <>
                      <dt className="text-slate-600 dark:text-slate-400">Result</dt>
                      <dd>{attempt.reason}</dd>
                    </>
                  )}
                  {key.unusableReason && (
                    <>
                      <dt className="text-slate-600 dark:text-slate-400">Unusable</dt>
                      <dd>{key.unusableReason}</dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
      {keys.skipped.length > 0 && (
        <div>
          <p className="font-medium">Skipped</p>
          <ul className="list-disc pl-5">
            {keys.skipped.map((s) => (
              <li key={s.label + s.reason} data-testid="skipped-key">
                {s.label}: {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
