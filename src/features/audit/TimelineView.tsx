import { Badge } from '../../components/Badge';
import type { CleanerTimeline } from '../../core/audit/cleanerTimeline';
import { VERDICT_TONE } from './auditLabels';

const WHEN_LABEL = { past: 'Done', next: 'Next run', future: 'Ahead' } as const;

/** What the legacy token cleaner would do with one Secret, step by step. */
export function TimelineView({ timeline, title }: { timeline: CleanerTimeline; title?: string }) {
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        {title && <span className="font-mono text-[13px] break-all">{title}</span>}
        <Badge tone={VERDICT_TONE[timeline.verdict]}>{timeline.verdict}</Badge>
        <span>{timeline.summary}</span>
      </p>
      {timeline.steps.length > 0 && (
        <ol className="ml-1 space-y-0.5 border-l-2 border-slate-200 pl-3 text-[13px] dark:border-slate-700">
          {timeline.steps.map((step, i) => (
            <li key={i} className={step.when === 'past' ? 'text-slate-600 dark:text-slate-400' : ''}>
              <span className="mr-2 inline-block w-20 font-mono text-[12px]">{step.date ?? '—'}</span>
              <span className="sr-only">{WHEN_LABEL[step.when]}: </span>
              {step.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
