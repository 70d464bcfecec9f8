import { CommandBlock, CommandRefused } from '../../components/CommandBlock';
import { COMMAND_TEXTS } from '../../core/kubernetes/kubectlCommand';
import type { MigrationStep } from '../../core/kubernetes/migration';

/** For a legacy token: what replaces it, filled in with its namespace and service account. */
export function MigrationSteps({ steps }: { steps: MigrationStep[] }) {
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600 dark:text-slate-400">{COMMAND_TEXTS.assumptions}</p>
      <ol className="space-y-4">
        {steps.map((step) => (
          <li key={step.id} data-testid="migration-step" data-step={step.id} className="space-y-1">
            <h3 className="text-sm font-semibold">{step.title}</h3>
            <p className="text-sm text-slate-700 dark:text-slate-300">{step.description}</p>
            {step.text === null ? (
              <CommandRefused message={step.warning ?? ''} testId={`migration-${step.id}-refused`} />
            ) : (
              <CommandBlock text={step.text} label={step.title} language={step.language} testId={`migration-${step.id}`} />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
