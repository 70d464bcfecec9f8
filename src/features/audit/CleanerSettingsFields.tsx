import { DEFAULT_CLEANUP_PERIOD_DAYS, type CleanerSettings } from '../../core/audit/cleanerTimeline';

const FIELD = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/** The two cluster settings the cleaner's dates depend on, which the paste cannot tell. */
export function CleanerSettingsFields({ settings, onChange }: { settings: CleanerSettings; onChange: (s: CleanerSettings) => void }) {
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-400">Clean-up period (days; --legacy-service-account-token-clean-up-period)</span>
        <input
          type="number"
          min={1}
          max={36500}
          data-testid="audit-cleanup-period"
          value={settings.periodDays}
          onChange={(e) => {
            const days = Math.floor(Number(e.target.value));
            onChange({ ...settings, periodDays: Number.isFinite(days) && days >= 1 ? Math.min(days, 36500) : DEFAULT_CLEANUP_PERIOD_DAYS });
          }}
          className={`${FIELD} w-28`}
        />
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-400">Tracking since (ConfigMap kube-apiserver-legacy-service-account-token-tracking)</span>
        <input type="date" data-testid="audit-tracking-since" value={settings.trackingSince ?? ''} onChange={(e) => onChange({ ...settings, trackingSince: e.target.value || null })} className={`${FIELD} w-44`} />
      </label>
    </div>
  );
}
