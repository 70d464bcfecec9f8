import { Field } from '../../components/Field';
import { controlClass } from '../../components/styles';
import { DEFAULT_CLEANUP_PERIOD_DAYS, type CleanerSettings } from '../../core/audit/cleanerTimeline';

/** The two cluster settings the cleaner's dates depend on, which the paste cannot tell. */
export function CleanerSettingsFields({ settings, onChange }: { settings: CleanerSettings; onChange: (s: CleanerSettings) => void }) {
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <Field label="Clean-up period (days; --legacy-service-account-token-clean-up-period)">
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={36500}
            data-testid="audit-cleanup-period"
            value={settings.periodDays}
            onChange={(e) => {
              const days = Math.floor(Number(e.target.value));
              onChange({ ...settings, periodDays: Number.isFinite(days) && days >= 1 ? Math.min(days, 36500) : DEFAULT_CLEANUP_PERIOD_DAYS });
            }}
            className={`${controlClass} w-28`}
          />
        )}
      </Field>
      <Field label="Tracking since (ConfigMap kube-apiserver-legacy-service-account-token-tracking)">
        {(control) => (
          <input
            {...control}
            type="date"
            data-testid="audit-tracking-since"
            value={settings.trackingSince ?? ''}
            onChange={(e) => onChange({ ...settings, trackingSince: e.target.value || null })}
            className={`${controlClass} w-44`}
          />
        )}
      </Field>
    </div>
  );
}
