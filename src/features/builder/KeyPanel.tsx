import { useId, useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { Select } from '../../components/Select';
import { errorClass, helpClass, textareaClass } from '../../components/styles';
import { KEY_CHOICES, isKeyChoice, type KeyChoice } from '../../core/builder/generateKey';
import type { SigningKey } from '../../core/builder/signingKey';
import type { Problem } from '../../core/result';
import type { Busy } from './useBuilder';

interface KeyPanelProps {
  signingKey: SigningKey | null;
  /** The header's alg when the key can sign it. */
  alg: string | null;
  busy: Busy;
  error: Problem | null;
  onGenerate: (choice: KeyChoice) => void;
  onPaste: (text: string) => Promise<boolean>;
  onChooseAlgorithm: (alg: string) => void;
}

const GROUPS = ['RSA', 'EC', 'EdDSA', 'HMAC'] as const;

/** Generate a key pair or secret, or paste a private key; then pick the algorithm. */
export function KeyPanel({ signingKey, alg, busy, error, onGenerate, onPaste, onChooseAlgorithm }: KeyPanelProps) {
  const id = useId();
  const [choice, setChoice] = useState<KeyChoice>('RSA-2048');
  const [pasted, setPasted] = useState('');
  const chosen = KEY_CHOICES.find((c) => c.value === choice);

  return (
    <Panel id={`${id}-panel`} title="Signing key">
      <div className="space-y-3">
        <Field label="Key type" layout="inline">
          {(control) => (
            <>
              <Select {...control} data-testid="builder-key-type" value={choice} onChange={(e) => isKeyChoice(e.target.value) && setChoice(e.target.value)}>
                {GROUPS.map((group) => (
                  <optgroup key={group} label={group}>
                    {KEY_CHOICES.filter((c) => c.group === group).map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </Select>
              <Button variant="primary" data-testid="builder-generate-key" disabled={busy !== null} onClick={() => onGenerate(choice)}>
                Generate key
              </Button>
            </>
          )}
        </Field>
        <p aria-live="polite" className={helpClass}>
          {busy === 'generating' ? `Generating ${chosen?.label ?? 'the key'}…` : busy === 'importing' ? 'Reading the pasted key…' : 'Keys are made by this browser’s WebCrypto and stay in this tab.'}
        </p>

        <details className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
          <summary className="cursor-pointer font-medium">Paste a private key instead</summary>
          <div className="mt-2 space-y-2">
            <label htmlFor={`${id}-paste`} className="block text-sm">
              Private key: PEM (PRIVATE KEY, RSA PRIVATE KEY such as sa.key, EC PRIVATE KEY) or a private JWK; an oct JWK for HMAC
            </label>
            <textarea
              id={`${id}-paste`}
              data-testid="builder-private-key-input"
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              rows={5}
              spellCheck={false}
              autoComplete="off"
              className={textareaClass}
            />
            <Button
              data-testid="builder-use-pasted-key"
              disabled={busy !== null || pasted.trim() === ''}
              onClick={async () => {
                // Once read, the text is cleared: the key lives on only inside the builder's memory.
                if (await onPaste(pasted)) setPasted('');
              }}
            >
              Use this key
            </Button>
          </div>
        </details>

        {error && (
          <p role="alert" data-testid="builder-key-error" data-code={error.code} className={errorClass}>
            {error.message}
          </p>
        )}

        {signingKey && (
          <div className="space-y-2 border-t border-slate-100 pt-3 dark:border-slate-800">
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600 dark:text-slate-400">Key</dt>
              <dd data-testid="builder-key-description">
                {signingKey.description}, {signingKey.source}
              </dd>
              {signingKey.kind === 'asymmetric' && (
                <>
                  <dt className="text-slate-600 dark:text-slate-400">Kubernetes kid</dt>
                  <dd data-testid="builder-key-kid" className="font-mono text-[13px] break-all">
                    {signingKey.kubernetesKid}
                  </dd>
                </>
              )}
            </dl>
            <Field label="Algorithm" layout="inline" hint={'sets "alg" in the header'}>
              {(control) => (
                <Select {...control} data-testid="builder-alg" value={alg ?? ''} onChange={(e) => onChooseAlgorithm(e.target.value)}>
                  {alg === null && <option value="">(the header’s alg does not fit this key)</option>}
                  {signingKey.algorithms.map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {(signingKey.restriction || signingKey.notes.length > 0) && (
              <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-700 dark:text-slate-300">
                {signingKey.restriction && <li>Only {signingKey.algorithms.join(', ')}: {signingKey.restriction}.</li>}
                {signingKey.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </Panel>
  );
}
