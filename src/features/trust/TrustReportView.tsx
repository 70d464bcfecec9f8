import { Badge, toneClasses, type Tone } from '../../components/Badge';
import { CodeBlock } from '../../components/CodeBlock';
import { COMMAND_TEXTS } from '../../core/kubernetes/kubectlCommand';
import { TRUST_EFFECT_LABELS, TRUST_GROUP_TITLES, TRUST_KINDS, type TrustEffect, type TrustReason, type TrustReasonGroup } from '../../core/trust/trustCatalogue';
import type { TrustReport } from '../../core/trust/trustReport';

const EFFECT_TONES: Record<TrustEffect, Tone> = { reject: 'danger', unknown: 'warning', pass: 'good', warn: 'warning', info: 'neutral' };
const VERDICT_TONES: Record<TrustReport['accepted'], Tone> = { true: 'good', false: 'danger', unknown: 'warning' };
// What decides comes first: the token, then the configuration's checks; what only the relying
// party can check (notes, never a refusal but for the issuer) follows them.
const GROUPS: TrustReasonGroup[] = ['token', 'relying-party', 'relying-party-only'];

function ReasonItem({ reason }: { reason: TrustReason }) {
  return (
    <li data-testid="trust-reason" data-code={reason.code} data-effect={reason.effect} className="space-y-0.5 py-2">
      <div className="flex flex-wrap items-baseline gap-2">
        <Badge tone={EFFECT_TONES[reason.effect]}>{TRUST_EFFECT_LABELS[reason.effect]}</Badge>
        <span className="font-medium break-words">{reason.title}</span>
      </div>
      <p className="break-words text-slate-700 dark:text-slate-300">{reason.explanation}</p>
      {reason.action && <p className="break-words text-slate-700 italic dark:text-slate-300">{reason.action}</p>}
    </li>
  );
}

/** The verdict of one relying party on one token: kind, verdict, every reason, the identity it would assign, fixes. */
export function TrustReportView({ report, stale }: { report: TrustReport; stale: boolean }) {
  return (
    <div className={`space-y-4 text-sm ${stale ? 'opacity-60' : ''}`} aria-busy={stale}>
      <div className="space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-slate-600 dark:text-slate-400">Recognised as</span>
          <span data-testid="trust-kind" data-kind={report.kind} className="font-semibold">
            {report.kindTitle}
          </span>
        </p>
        <p className="text-slate-600 dark:text-slate-400">{TRUST_KINDS[report.kind].description}</p>
      </div>
      <p data-testid="trust-verdict" data-accepted={report.accepted} role="status" className={`rounded px-3 py-2 font-semibold ring-1 ring-inset ${toneClasses(VERDICT_TONES[report.accepted])}`}>
        {report.headline}
      </p>
      {GROUPS.map((group) => {
        const reasons = report.reasons.filter((r) => r.group === group);
        if (reasons.length === 0) return null;
        return (
          <section key={group} aria-label={TRUST_GROUP_TITLES[group]}>
            <h2 className="font-semibold text-slate-800 dark:text-slate-200">{TRUST_GROUP_TITLES[group]}</h2>
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {reasons.map((r, i) => (
                <ReasonItem key={`${r.code}-${i}`} reason={r} />
              ))}
            </ul>
          </section>
        );
      })}
      {report.identity && (
        <section aria-label="Resulting attributes">
          <h2 className="font-semibold text-slate-800 dark:text-slate-200">What {report.relyingParty} would make of it</h2>
          <dl data-testid="trust-attributes" className="mt-1 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1">
            {report.identity.attributes.map((a) => (
              <div key={a.name} className="contents">
                <dt className="font-mono text-[13px] break-all text-slate-600 dark:text-slate-400">{a.name}</dt>
                <dd className="font-mono text-[13px] break-all">{a.values.length === 0 ? '—' : a.values.join(', ')}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {report.fixes.map((fix) => (
        <CodeBlock key={fix.id} text={fix.text} label={fix.title} title={fix.title} hint={fix.description} copyCaption={fix.language === 'shell' ? COMMAND_TEXTS.copyCaption : 'Copy'} wrap={fix.language === 'json'} />
      ))}
    </div>
  );
}
