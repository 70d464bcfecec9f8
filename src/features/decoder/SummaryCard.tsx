import type { ReactNode } from 'react';
import { toneClasses } from '../../components/Badge';
import { StatusIcon } from '../../components/StatusIcon';
import type { SummaryItem, TokenSummary } from '../../core/kubernetes/tokenSummary';

interface StateProps {
  item: SummaryItem;
  /** The contract hook and its data attributes, on the whole state. */
  hook: Record<string, string>;
  title?: ReactNode;
  children?: ReactNode;
  role?: 'status';
}

function State({ item, hook, title, children, role }: StateProps) {
  return (
    <div {...hook} role={role} className={`min-w-0 rounded-md px-3 py-2 ring-1 ring-inset ${toneClasses(item.tone)}`}>
      <p className="text-xs font-semibold tracking-wide uppercase opacity-80">{item.label}</p>
      <p className="mt-0.5 flex items-start gap-1.5 font-semibold">
        <StatusIcon name={item.icon} className="mt-0.5 h-4 w-4" />
        <span className="min-w-0 [overflow-wrap:anywhere]">{title ?? item.title}</span>
      </p>
      <p className="mt-0.5 text-sm [overflow-wrap:anywhere]">{item.text}</p>
      {children}
    </div>
  );
}

/** system:serviceaccount:ns:name wraps after a colon, not inside a name. */
function breakAfterColons(text: string): ReactNode[] {
  return text.split(':').flatMap((part, i) => (i === 0 ? [part] : [':', <wbr key={i} />, part]));
}

/**
 * The first thing under the input: the API server's verdict, four states — kind, time,
 * signature, identity — and the verdict's reasons. Each state carries its contract hook here, once on the page; the detail
 * sections below explain them.
 */
export function SummaryCard({ summary, verdict, reasons }: { summary: TokenSummary; verdict: ReactNode; reasons?: ReactNode }) {
  const { kind, time, signature, identity } = summary;
  return (
    <section data-testid="summary" aria-label="Summary" className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      {verdict}
      <div className="grid gap-2 sm:grid-cols-2">
        <State item={kind} hook={{ 'data-testid': 'token-kind', 'data-kind': kind.kind, 'data-extended': String(kind.extended) }} />
        <State item={time} hook={{ 'data-testid': 'validity', 'data-state': time.state }} role="status" />
        <State item={signature} hook={{ 'data-testid': 'signature-status', 'data-state': signature.state }} role="status">
          {signature.matchedKid && (
            <p className="mt-0.5 text-sm [overflow-wrap:anywhere]">
              Key kid <code data-testid="matched-kid">{signature.matchedKid}</code>
            </p>
          )}
          {signature.warnings.map((w) => (
            <p key={w} data-testid="signature-warning" role="alert" className={`mt-1 rounded px-2 py-1 text-sm font-semibold ring-1 ring-inset ${toneClasses('danger')}`}>
              {w}
            </p>
          ))}
        </State>
        <State item={identity} hook={{}} title={identity.username ? <code data-testid="identity-username">{breakAfterColons(identity.username)}</code> : undefined} />
      </div>
      {reasons}
    </section>
  );
}
