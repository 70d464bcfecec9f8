import { useId, useRef, useState } from 'react';
import { HoldingTextarea, heldSize, isHeldText } from '../../components/HoldingTextarea';
import { Select } from '../../components/Select';
import { HMAC_MARK_LABEL, type SecretEncoding } from '../../core/keys/secret';
import { isKubernetesVersion, LATEST_MINOR, VERSION_CHOICES } from '../../core/kubernetes/versionChoices';
import { forgetRememberedKeys } from '../../lib/rememberedKeys';
import { readTextFile } from '../../lib/readTextFile';
import type { VerifySettings } from './verifySettings';

interface KeyInputFieldProps {
  settings: VerifySettings;
  onChange: (settings: VerifySettings) => void;
}

const ENCODINGS: { value: SecretEncoding; label: string }[] = [
  { value: 'utf8', label: 'UTF-8 text' },
  { value: 'base64', label: 'base64' },
  { value: 'base64url', label: 'base64url' },
];

/** The verification key (paste, type or drop a file) and the claim-validation policy. */
export function KeyInputField({ settings, onChange }: KeyInputFieldProps) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const set = (patch: Partial<VerifySettings>) => onChange({ ...settings, ...patch });
  const cluster = settings.cluster;
  const setCluster = (patch: Partial<VerifySettings['cluster']>) => set({ cluster: { ...cluster, ...patch } });
  const takeFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readTextFile(file);
    setFileError(read.ok ? null : read.message);
    if (read.ok) set({ keyText: read.text });
  };
  const field = 'rounded border border-slate-300 bg-white px-2 py-1 font-mono text-[13px] dark:border-slate-700 dark:bg-slate-900';

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-sm font-semibold">
          <label htmlFor={`${id}-key`}>Verification key</label>
        </h2>
        <div className="flex items-center gap-2 text-sm">
          <button type="button" onClick={() => fileRef.current?.click()} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            Open key file…
          </button>
          <input ref={fileRef} type="file" className="hidden" aria-label="Open a key file" data-testid="key-file" onChange={(e) => void takeFile(e.target.files?.[0]).then(() => (e.target.value = ''))} />
          <button type="button" onClick={() => set({ keyText: '' })} disabled={!settings.keyText} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800">
            Clear
          </button>
        </div>
      </div>
      <HoldingTextarea
        id={`${id}-key`}
        data-testid="key-input"
        value={settings.keyText}
        onTextChange={(keyText) => set({ keyText })}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          // Dropped on the key box: the file is a key, not a token.
          const file = e.dataTransfer.files[0];
          if (!file) return;
          e.preventDefault();
          e.stopPropagation();
          void takeFile(file);
        }}
        rows={5}
        placeholder="A PEM public key, certificate or sa.key; a JWK or JWKS (kubectl get --raw /openid/v1/jwks); or an HMAC secret (tick the box below)."
        heldPlaceholder={`${heldSize(settings.keyText)} of key text is held in memory but not shown here. Type or paste to replace it.`}
        aria-describedby={`${id}-key-help`}
        className="block w-full resize-y rounded-lg border border-slate-300 bg-white p-2 font-mono text-[13px] break-all dark:border-slate-700 dark:bg-slate-900"
      />
      <p id={`${id}-key-help`} className="text-xs text-slate-600 dark:text-slate-400">
        Keys stay in this tab’s memory. A private key is reduced to its public part.
        {isHeldText(settings.keyText) && <span data-testid="key-large-input"> Holding {settings.keyText.length.toLocaleString('en')} characters; they are not shown in the box.</span>}
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" data-testid="key-is-hmac" checked={settings.keyIsHmac} onChange={(e) => set({ keyIsHmac: e.target.checked })} aria-describedby={`${id}-hmac-help`} />
          <span>{HMAC_MARK_LABEL}</span>
        </label>
        {settings.keyIsHmac && (
          <fieldset className="flex flex-wrap items-center gap-3">
            <legend className="sr-only">How the HMAC secret is written</legend>
            <span className="text-slate-600 dark:text-slate-400">written as</span>
            {ENCODINGS.map((e) => (
              <label key={e.value} className="inline-flex items-center gap-1">
                <input type="radio" name={`${id}-enc`} data-testid={`secret-encoding-${e.value}`} checked={settings.secretEncoding === e.value} onChange={() => set({ secretEncoding: e.value })} />
                {e.label}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      <p id={`${id}-hmac-help`} className="text-xs text-slate-600 dark:text-slate-400">
        Only for HS256/HS384/HS512 tokens. Public keys, certificates and JWKs never need it, and key material is never used as a secret.
      </p>
      {fileError && <p role="alert" className="text-sm text-rose-800 dark:text-rose-200">{fileError}</p>}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          data-testid="remember-keys"
          className="mt-1"
          checked={settings.rememberKeys}
          onChange={(e) => {
            if (!e.target.checked) forgetRememberedKeys();
            set({ rememberKeys: e.target.checked });
          }}
        />
        <span>
          Remember the public keys on this device <span className="text-slate-600 dark:text-slate-400">(stored in this browser as a JWKS; HMAC secrets and private keys never are)</span>
        </span>
      </label>
      <details className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
        <summary className="cursor-pointer font-medium">Validation policy (as kube-apiserver is configured)</summary>
        <div className="mt-2 grid gap-2">
          <label className="flex flex-wrap items-center gap-2">
            <span>Cluster version (kube-apiserver)</span>
            <Select
              data-testid="policy-version"
              value={settings.kubernetesVersion}
              onChange={(e) => {
                if (isKubernetesVersion(e.target.value)) set({ kubernetesVersion: e.target.value });
              }}
            >
              {VERSION_CHOICES.map((v) => (
                <option key={v} value={v}>
                  {v === 'latest' ? `latest (1.${LATEST_MINOR})` : v}
                </option>
              ))}
            </Select>
            <span className="text-xs text-slate-600 dark:text-slate-400">with its default feature gates</span>
          </label>
          <label className="grid gap-1">
            <span>Expected issuers (--service-account-issuer; one per line)</span>
            <textarea data-testid="policy-issuers" rows={2} value={settings.issuersText} onChange={(e) => set({ issuersText: e.target.value })} className={field} />
          </label>
          <label className="grid gap-1">
            <span>API audiences (--api-audiences; empty means the issuers)</span>
            <textarea data-testid="policy-audiences" rows={2} value={settings.audiencesText} onChange={(e) => set({ audiencesText: e.target.value })} className={field} />
          </label>
          <label className="flex items-center gap-2">
            <span>Leeway (seconds)</span>
            <input
              type="number"
              min={0}
              max={86400}
              data-testid="policy-leeway"
              value={settings.leewaySeconds}
              onChange={(e) => set({ leewaySeconds: Math.max(0, Math.min(86400, Number(e.target.value) || 0)) })}
              className={`${field} w-24`}
            />
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" data-testid="policy-lookup" checked={cluster.serviceAccountLookup !== false} onChange={(e) => setCluster({ serviceAccountLookup: e.target.checked })} />
            <span>--service-account-lookup (look up the ServiceAccount, Secret, Pod, Node)</span>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" data-testid="policy-extend-expiration" checked={cluster.extendTokenExpiration !== false} onChange={(e) => setCluster({ extendTokenExpiration: e.target.checked })} />
            <span>--service-account-extend-token-expiration</span>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" data-testid="policy-external-signer" checked={cluster.externalSigner === true} onChange={(e) => setCluster({ externalSigner: e.target.checked })} />
            <span>External signer (--service-account-signing-endpoint; its kids are its own)</span>
          </label>
          <label className="flex items-center gap-2">
            <span>--service-account-max-token-expiration (seconds, empty: not set)</span>
            <input
              type="number"
              min={0}
              data-testid="policy-max-expiration"
              value={cluster.maxTokenExpirationSeconds ?? ''}
              onChange={(e) => setCluster({ maxTokenExpirationSeconds: e.target.value === '' ? null : Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
              className={`${field} w-28`}
            />
          </label>
        </div>
      </details>
    </section>
  );
}
