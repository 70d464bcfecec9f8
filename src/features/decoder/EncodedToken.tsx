import { CopyButton } from '../../components/CopyButton';

/** Characters shown per segment; the rest is summarised so megabyte tokens don't stall layout. */
const SHOWN = 2000;

const COLOURS = ['text-seg-header', 'text-seg-payload', 'text-seg-signature'];
const NAMES = ['header', 'payload', 'signature'];

function clip(part: string): string {
  return part.length > SHOWN ? `${part.slice(0, SHOWN)}… (${(part.length - SHOWN).toLocaleString('en')} more characters)` : part;
}

/** The normalised compact token, one colour per segment (the same colours as the decoded panels). */
export function EncodedToken({ token }: { token: string }) {
  const parts = token.split('.');
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between">
        <h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Token, by segment</h2>
        <CopyButton text={token} label="Copy the token" />
      </div>
      <p data-testid="encoded-token" className="font-mono text-[13px] leading-relaxed break-all">
        {parts.map((part, i) => (
          <span key={i}>
            {i > 0 && <span className="text-slate-500">.</span>}
            <span className={COLOURS[i] ?? 'text-slate-500'} title={NAMES[i] ?? `part ${i + 1}`}>
              {clip(part)}
            </span>
          </span>
        ))}
      </p>
    </div>
  );
}
