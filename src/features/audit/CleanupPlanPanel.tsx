import { useMemo } from 'react';
import { Button } from '../../components/Button';
import { CommandBlock, CommandRefused } from '../../components/CommandBlock';
import { CopyButton } from '../../components/CopyButton';
import { Panel } from '../../components/Panel';
import { rowLabel, type AuditRow } from '../../core/audit/auditRow';
import type { CleanerSettings } from '../../core/audit/cleanerTimeline';
import { cleanupPlan } from '../../core/audit/cleanupPlan';
import { count, plural } from './auditLabels';
import { CleanerSettingsFields } from './CleanerSettingsFields';
import { downloadText } from '../../lib/downloadText';
import { COMMAND_TEXTS } from '../../core/kubernetes/kubectlCommand';
import { TimelineView } from './TimelineView';

/** Timelines rendered on the page; the copied plan has them all. */
const TIMELINES_SHOWN = 50;

interface CleanupPlanPanelProps {
  selected: AuditRow[];
  settings: CleanerSettings;
  onSettingsChange: (settings: CleanerSettings) => void;
  nowSeconds: number;
  onClearSelection: () => void;
}

/** The clean-up plan for the selected legacy Secrets: replacements, deletions, and what the cleaner would do on its own. */
export function CleanupPlanPanel({ selected, settings, onSettingsChange, nowSeconds, onClearSelection }: CleanupPlanPanelProps) {
  const plan = useMemo(() => cleanupPlan(selected, settings, nowSeconds), [selected, settings, nowSeconds]);
  const stamp = new Date(nowSeconds * 1000).toISOString().slice(0, 10);
  const first = plan.replacements[0];
  return (
    <Panel
      id="audit-plan"
      testId="audit-plan"
      title={`Clean-up plan: ${plural(plan.secrets.length, 'legacy Secret')}`}
      actions={
        <>
          <CopyButton text={plan.text} caption={COMMAND_TEXTS.copyCaption} label={`${COMMAND_TEXTS.copyCaption}: the whole clean-up plan`} testId="audit-plan-copy" />
          <Button size="sm" onClick={() => downloadText(plan.text, `legacy-token-cleanup-${stamp}.sh`, 'text/x-shellscript')}>
            Download .sh
          </Button>
          <Button size="sm" onClick={onClearSelection}>
            Clear selection
          </Button>
        </>
      }
    >
      <div className="space-y-4 text-sm">
        <p className="text-xs text-slate-600 dark:text-slate-400">{COMMAND_TEXTS.assumptions}</p>
        {plan.warnings.length > 0 && (
          <div className="space-y-1">
            {plan.warnings.slice(0, TIMELINES_SHOWN).map((w) => (
              <CommandRefused key={w} message={w} testId="audit-plan-warning" />
            ))}
            {plan.warnings.length > TIMELINES_SHOWN && <p className="text-xs text-slate-600 dark:text-slate-400">…and {count(plan.warnings.length - TIMELINES_SHOWN)} more, all in the copied plan.</p>}
          </div>
        )}
        {plan.secrets.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">None of the {count(selected.length)} selected rows is a legacy Secret with a known, valid namespace and name.</p>
        ) : (
          <>
            <section aria-labelledby="plan-replace" className="space-y-2">
              <h3 id="plan-replace" className="font-semibold">
                1. Give each workload a short-lived token instead ({plural(plan.replacements.length, 'service account')})
              </h3>
              <p className="text-slate-700 dark:text-slate-300">
                <code>kubectl create token</code> for a client outside the cluster, or a projected <code>serviceAccountToken</code> volume in the pod; the kubelet refreshes it.
              </p>
              {plan.replacements.length > 0 && (
                <CommandBlock text={plan.replacements.map((r) => r.createToken).join('\n')} label="kubectl create token commands" language="shell" testId="audit-plan-create-token" bounded />
              )}
              {first && <CommandBlock text={first.projectedVolume} label={`Pod with a projected token volume for ${first.namespace}/${first.serviceAccount}`} language="yaml" bounded />}
            </section>
            <section aria-labelledby="plan-delete" className="space-y-2">
              <h3 id="plan-delete" className="font-semibold">
                2. Delete the Secrets once nothing uses them
              </h3>
              <p className="text-slate-700 dark:text-slate-300">
                Deleting a Secret revokes its token at once. Check the <code>kubernetes.io/legacy-token-last-used</code> label first: a recent date means a client still uses it.
              </p>
              <CommandBlock text={plan.secrets.map((s) => s.deleteCommand).join('\n')} label="kubectl delete secret commands" language="shell" testId="audit-plan-delete" bounded />
            </section>
            <section aria-labelledby="plan-cleaner" className="space-y-2">
              <h3 id="plan-cleaner" className="font-semibold">
                What the legacy token cleaner would do on its own
              </h3>
              <CleanerSettingsFields settings={settings} onChange={onSettingsChange} />
              <ul className="space-y-3" data-testid="audit-plan-timelines">
                {plan.secrets.slice(0, TIMELINES_SHOWN).map((s) => (
                  <li key={s.row.id} data-testid="audit-plan-timeline" data-verdict={s.timeline.verdict}>
                    <TimelineView timeline={s.timeline} title={rowLabel(s.row)} />
                  </li>
                ))}
              </ul>
              {plan.secrets.length > TIMELINES_SHOWN && (
                <p className="text-xs text-slate-600 dark:text-slate-400">…and {count(plan.secrets.length - TIMELINES_SHOWN)} more, all in the copied plan.</p>
              )}
              {plan.unknowns.length > 0 && (
                <div>
                  <h4 className="font-medium">Not known offline</h4>
                  <ul className="ml-4 list-disc space-y-0.5 text-[13px] text-slate-700 dark:text-slate-300">
                    {plan.unknowns.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          </>
        )}
        {plan.leftOut.length > 0 && (
          <details>
            <summary className="cursor-pointer text-slate-700 dark:text-slate-300">{plural(plan.leftOut.length, 'selected row')} left out</summary>
            <ul className="mt-1 ml-4 list-disc text-[13px]">
              {plan.leftOut.slice(0, TIMELINES_SHOWN).map((l) => (
                <li key={l.row.id}>
                  {rowLabel(l.row)}: {l.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </Panel>
  );
}
