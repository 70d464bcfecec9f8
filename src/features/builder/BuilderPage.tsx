import { checkAlgorithmForKey } from '../../core/builder/signingKey';
import { JsonEditor } from './JsonEditor';
import { KeyExports } from './KeyExports';
import { KeyPanel } from './KeyPanel';
import { SignPanel } from './SignPanel';
import { TemplatePicker } from './TemplatePicker';
import { TimeButtons } from './TimeButtons';
import { errorClass, helpClass } from '../../components/styles';
import type { BuilderSession } from './builderSession';
import { useBuilder, type BuilderStore } from './useBuilder';

interface BuilderPageProps {
  /** The work so far, held by the app shell so it outlives the view (null on a first visit). */
  session: BuilderSession | null;
  onSessionChange: BuilderStore['setSession'];
  /** Puts the token in the decoder's input and the key text in its verification key field. */
  onOpenInDecoder: (token: string, publicKeyText: string) => void;
}

/** Build view (route #build): a template, editable header and payload, a key, and the signed token. */
export default function BuilderPage({ session: stored, onSessionChange, onOpenInDecoder }: BuilderPageProps) {
  const b = useBuilder({ session: stored, setSession: onSessionChange });
  const { session, header, payload, labels, busy } = b;
  const key = session.key;
  const editError = b.editError && (
    <p role="alert" data-testid="builder-edit-error" data-code={b.editError.code} className={errorClass}>
      {b.editError.message}
    </p>
  );
  const algCheck = key && header.ok ? checkAlgorithmForKey(header.value.alg, key) : null;
  const headerWarning = algCheck && !algCheck.ok ? algCheck.error.message : null;
  const headerAlg = header.ok && typeof header.value.alg === 'string' && key?.algorithms.includes(header.value.alg) ? header.value.alg : null;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h2 className="text-base font-semibold">Build a token</h2>
        <p className="max-w-3xl text-sm text-slate-700 dark:text-slate-300">
          Start from a Kubernetes token shape, edit its header and payload, sign it with a key made in this browser or your own, and open it in the decoder to see
          how it reads. Nothing leaves the tab.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-4">
          <TemplatePicker value={session.template} onChange={b.chooseTemplate} />
          <JsonEditor title="Header" value={session.headerText} onChange={b.setHeaderText} read={header} accentClass="border-seg-header" testId="builder-header" minRows={4} warning={headerWarning}>
            {b.editError?.segment === 'header' && editError}
          </JsonEditor>
          <JsonEditor title="Payload" value={session.payloadText} onChange={b.setPayloadText} read={payload} accentClass="border-seg-payload" testId="builder-payload" minRows={8}>
            <TimeButtons onIssuedNow={b.issuedNow} onExpiresIn={b.expiresIn} />
            <p className={helpClass}>
              “Issued now” sets iat and nbf to now and moves exp and warnafter with them. “Expires in” sets exp from now and drops a warnafter that would no longer
              come before it.
            </p>
            {b.editError && b.editError.segment !== 'header' && editError}
          </JsonEditor>
        </div>
        <div className="min-w-0 space-y-4">
          <KeyPanel
            signingKey={key}
            alg={headerAlg}
            busy={busy}
            error={b.keyError}
            onGenerate={(choice) => void b.generateKey(choice)}
            onPaste={b.pasteKey}
            onChooseAlgorithm={b.chooseAlgorithm}
          />
          <SignPanel
            layout={session.layout}
            onLayoutChange={b.setLayout}
            hasKey={key !== null}
            busy={busy}
            error={b.signError}
            signed={session.signed}
            stale={b.stale}
            onSign={() => void b.sign()}
            onOpenInDecoder={onOpenInDecoder}
          />
          {key && labels && <KeyExports signingKey={key} labels={labels} keyVersion={session.keyVersion} />}
        </div>
      </div>
    </div>
  );
}
