import { useId, useState } from 'react';
import { Button } from '../../components/Button';
import { helpClass } from '../../components/styles';
import { TRUST_KINDS } from '../../core/trust/trustCatalogue';
import { TRUST_SAMPLES } from '../../core/trust/trustSamples';
import { TrustReportView } from './TrustReportView';
import { useTrustReport } from './useTrustReport';

interface TrustViewProps {
  /** The compact token from the decoder's input, or null when it holds none. */
  token: string | null;
}

/** The relying party's configuration, pasted or picked from the samples, and its verdict on the token. */
export default function TrustView({ token }: TrustViewProps) {
  const id = useId();
  const [configText, setConfigText] = useState('');
  const { report, stale } = useTrustReport(configText, token);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <label htmlFor={`${id}-config`} className="text-sm font-semibold">
            Relying party configuration
          </label>
          <Button size="sm" onClick={() => setConfigText('')} disabled={!configText}>
            Clear
          </Button>
        </div>
        <div className="space-y-1">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Samples, written for the blog post’s v1.24 projected token (pick it in the token’s Samples list above):
          </p>
          <div className="flex flex-wrap gap-1" role="group" aria-label="Sample configurations">
            {TRUST_SAMPLES.map((sample) => (
              <Button key={sample.kind} size="sm" data-testid="trust-sample" data-kind={sample.kind} onClick={() => setConfigText(sample.text)}>
                {sample.label}
              </Button>
            ))}
          </div>
        </div>
        <textarea
          id={`${id}-config`}
          data-testid="trust-input"
          value={configText}
          onChange={(e) => setConfigText(e.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          rows={14}
          aria-describedby={`${id}-hint`}
          placeholder="Paste a trust policy, provider, credential, role or AuthenticationConfiguration (JSON or YAML)"
          className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-[13px] dark:border-slate-600 dark:bg-slate-900"
        />
        <p id={`${id}-hint`} className={helpClass}>
          {TRUST_KINDS.unknown.description} Everything is evaluated in this browser; nothing is sent anywhere.
        </p>
      </div>
      <div className="min-w-0">
        {report ? (
          <TrustReportView report={report} stale={stale} />
        ) : configText.trim() ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Evaluating…</p>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">The verdict appears here: would this relying party accept the token, and every reason.</p>
        )}
      </div>
    </div>
  );
}
