import type { MigrationStep } from '../../core/kubernetes/migration';
import { CodeBlock } from './CodeBlock';

/** For a legacy token: what replaces it, filled in with its namespace and service account. */
export function MigrationSteps({ steps }: { steps: MigrationStep[] }) {
  return (
    <ol className="space-y-4">
      {steps.map((step) => (
        <li key={step.id} data-testid="migration-step" data-step={step.id} className="space-y-1">
          <h3 className="text-sm font-semibold">{step.title}</h3>
          <p className="text-sm text-slate-700 dark:text-slate-300">{step.description}</p>
          <CodeBlock text={step.text} label={step.title} testId={`migration-${step.id}`} />
        </li>
      ))}
    </ol>
  );
}
