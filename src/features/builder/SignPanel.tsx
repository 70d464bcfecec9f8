import { useId } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { CopyButton } from '../../components/CopyButton';
import { Panel } from '../../components/Panel';
import type { PayloadLayout } from '../../core/builder/signToken';
import type { Problem } from '../../core/result';
import type { SignedResult } from './builderSession';
import type { Busy } from './useBuilder';
import { errorClass, helpClass } from '../../components/styles';

interface SignPanelProps {
  layout: PayloadLayout;
  onLayoutChange: (layout: PayloadLayout) => void;
  hasKey: boolean;
  busy: Busy;
  error: Problem | null;
  signed: SignedResult | null;
  /** The editors or key changed after signing. */
  stale: boolean;
  onSign: () => void;
  onOpenInDecoder: (token: string, keyText: string) => void;
}

const SEGMENT_COLOURS = ['text-seg-header', 'text-seg-payload', 'text-seg-signature'];
const LAYOUTS: { value: PayloadLayout; label: string }[] = [
  { value: 'compact', label: 'Compact, as kube-apiserver writes tokens' },
  { value: 'as-typed', label: 'Exactly as typed (with its whitespace)' },
];

/** Sign, then the compact token with copy and the round trip into the decoder. */
export function SignPanel({ layout, onLayoutChange, hasKey, busy, error, signed, stale, onSign, onOpenInDecoder }: SignPanelProps) {
  const id = useId();
  return (
    <Panel id={`${id}-panel`} title="Signed token">
      <div className="space-y-3">
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">Payload bytes</legend>
          {LAYOUTS.map((l) => (
            <label key={l.value} className="flex items-center gap-2">
              <input type="radio" name={`${id}-layout`} value={l.value} checked={layout === l.value} onChange={() => onLayoutChange(l.value)} />
              {l.label}
            </label>
          ))}
          <p className={helpClass}>Either way, the payload is signed as you wrote it: compacting removes only the whitespace between JSON tokens.</p>
        </fieldset>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="primary" data-testid="builder-sign" disabled={busy !== null} onClick={onSign}>
            {busy === 'signing' ? 'Signing…' : 'Sign'}
          </Button>
          {!hasKey && <span className={helpClass}>Generate or paste a key first.</span>}
        </div>
        {error && (
          <p role="alert" data-testid="builder-sign-error" data-code={error.code} className={errorClass}>
            {error.message}
          </p>
        )}
        {signed && (
          <div className="space-y-2" aria-live="polite">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="flex items-center gap-2">
                <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Token</h3>
                <span className={helpClass}>{signed.token.length} characters</span>
                {stale && <Badge tone="warning">Edited since signing: sign again</Badge>}
              </div>
              <CopyButton text={signed.token} label="Copy the signed token" />
            </div>
            <p data-testid="built-token" className="rounded border border-slate-200 bg-slate-50 p-2 font-mono text-[13px] leading-relaxed break-all dark:border-slate-700 dark:bg-slate-950">
              {signed.token.split('.').map((part, i) => (
                <span key={i}>
                  {i > 0 && <span className="text-slate-500 dark:text-slate-400">.</span>}
                  <span className={SEGMENT_COLOURS[i]}>{part}</span>
                </span>
              ))}
            </p>
            <Button data-testid="builder-open-decoder" onClick={() => onOpenInDecoder(signed.token, signed.verificationKeyText)}>
              Open in decoder
            </Button>
            <p className={helpClass}>The decoder gets the token and, as its verification key, the {signed.verificationKeyKind === 'secret-jwk' ? 'secret as an oct JWK' : 'public JWKS'}.</p>
            {signed.notes.length > 0 && (
              <ul data-testid="builder-sign-notes" className="list-disc space-y-0.5 pl-5 text-xs text-slate-700 dark:text-slate-300">
                {signed.notes.map((note) => (
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
