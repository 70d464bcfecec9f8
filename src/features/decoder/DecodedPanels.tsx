import { encode as base64urlEncode } from 'jose/base64url';
import { CopyButton } from '../../components/CopyButton';
import { JsonView } from '../../components/JsonView';
import { Panel } from '../../components/Panel';
import type { DecodedPart, DecodedToken } from '../../core/jws/decodeToken';

function PartBody({ part, name }: { part: DecodedPart; name: 'header' | 'payload' }) {
  if (part.isJson) return <JsonView value={part.json} testId={`${name}-json`} label={`Decoded ${name} JSON`} />;
  if (part.text !== null) {
    return (
      <div>
        <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">Not JSON — shown as text:</p>
        <pre data-testid={`${name}-text`} className="max-h-96 overflow-auto font-mono text-[13px] break-all whitespace-pre-wrap">
          {part.text.length > 20000 ? `${part.text.slice(0, 20000)}…` : part.text}
        </pre>
      </div>
    );
  }
  return <p className="text-sm text-slate-600 dark:text-slate-400">Cannot be decoded (see the error above).</p>;
}

function copyText(part: DecodedPart): string {
  return part.isJson ? JSON.stringify(part.json, null, 2) : (part.text ?? part.raw);
}

/** Header, payload and signature, each in its segment colour. */
export function DecodedPanels({ decoded }: { decoded: DecodedToken }) {
  const sig = decoded.signature;
  return (
    <>
      <Panel id="header" title={<span className="text-seg-header">Header</span>} accentClass="border-seg-header" actions={<CopyButton text={copyText(decoded.header)} label="Copy header JSON" />}>
        <PartBody part={decoded.header} name="header" />
      </Panel>
      <Panel id="payload" title={<span className="text-seg-payload">Payload</span>} accentClass="border-seg-payload" actions={<CopyButton text={copyText(decoded.payload)} label="Copy payload JSON" testId="copy-payload" />}>
        <PartBody part={decoded.payload} name="payload" />
      </Panel>
      <Panel id="signature" title={<span className="text-seg-signature">Signature</span>} accentClass="border-seg-signature" actions={<CopyButton text={sig.raw} label="Copy signature" />}>
        {sig.bytes ? (
          <div className="space-y-1">
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {sig.bytes.length === 0 ? 'Empty: this token is not signed.' : `${sig.bytes.length} bytes (${sig.bytes.length * 8} bits), base64url:`}
            </p>
            {sig.bytes.length > 0 && (
              <p data-testid="signature-b64" className="font-mono text-[13px] break-all text-seg-signature">
                {base64urlEncode(sig.bytes).slice(0, 4000)}
              </p>
            )}
          </div>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No readable signature.</p>
        )}
      </Panel>
    </>
  );
}
