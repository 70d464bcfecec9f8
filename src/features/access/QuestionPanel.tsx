import { useId } from 'react';
import { toneClasses } from '../../components/Badge';
import { CommandBlock } from '../../components/CommandBlock';
import { errorClass, controlClass } from '../../components/styles';
import { RESOURCE_VERBS, type AccessQuestionInput } from '../../core/rbac/accessQuestion';
import type { RbacRunState } from './rbacRunState';

type QuestionField = keyof Required<AccessQuestionInput>;

const FIELDS: { field: QuestionField; label: string; placeholder: string; testId: string }[] = [
  { field: 'verb', label: 'Verb', placeholder: 'get', testId: 'access-query-verb' },
  { field: 'resource', label: 'Resource', placeholder: 'pods, deployments.apps, pods/log', testId: 'access-query-resource' },
  { field: 'namespace', label: 'Namespace', placeholder: '(cluster-wide)', testId: 'access-query-namespace' },
  { field: 'name', label: 'Name', placeholder: '(any)', testId: 'access-query-name' },
  { field: 'url', label: 'or a non-resource URL', placeholder: '/metrics, /healthz', testId: 'access-query-url' },
];

interface QuestionPanelProps {
  question: AccessQuestionInput;
  onQuestionChange: (question: AccessQuestionInput) => void;
  answer: RbacRunState['answer'];
  who: RbacRunState['who'];
  /** The subject is asked about only when there is one; who-can needs none. */
  hasSubject: boolean;
}

/** One question, as `kubectl auth can-i` asks it, answered as the RBAC authorizer would; and who else may. */
export function QuestionPanel({ question, onQuestionChange, answer, who, hasSubject }: QuestionPanelProps) {
  const id = useId();
  return (
    <div className="space-y-3 text-sm">
      <form className="grid grid-cols-2 gap-2 sm:grid-cols-4" onSubmit={(e) => e.preventDefault()} aria-label="Ask one question">
        {FIELDS.map(({ field, label, placeholder, testId }) => (
          <div key={field} className={`flex flex-col gap-0.5 ${field === 'url' ? 'col-span-2 sm:col-span-4' : ''}`}>
            <label htmlFor={`${id}-${field}`} className="text-xs text-slate-600 dark:text-slate-400">
              {label}
            </label>
            <input
              id={`${id}-${field}`}
              data-testid={testId}
              value={question[field] ?? ''}
              placeholder={placeholder}
              list={field === 'verb' ? `${id}-verbs` : undefined}
              onChange={(e) => onQuestionChange({ ...question, [field]: e.target.value })}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              className={`${controlClass} w-full font-mono`}
            />
          </div>
        ))}
        <datalist id={`${id}-verbs`}>
          {RESOURCE_VERBS.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      </form>
      {hasSubject && answer && <Answer answer={answer} />}
      {who && <WhoCan who={who} />}
    </div>
  );
}

function Answer({ answer }: { answer: NonNullable<RbacRunState['answer']> }) {
  if (!answer.ok) {
    return (
      <p role="alert" data-testid="access-question-error" data-code={answer.error.code} className={errorClass}>
        {answer.error.message}
      </p>
    );
  }
  const a = answer.value;
  return (
    <div data-testid="access-answer" data-allowed={String(a.allowed)} aria-live="polite" className={`space-y-2 rounded px-3 py-2 ring-1 ring-inset ${toneClasses(a.allowed ? 'good' : 'danger')}`}>
      <p className="font-semibold">
        {a.allowed ? 'Allowed' : 'Denied'}: {a.question}
      </p>
      {a.reason && <p className="font-mono text-[13px] break-words">{a.reason}</p>}
      {a.grants.length > 1 && (
        <details>
          <summary className="cursor-pointer">Also allowed by {a.grants.length - 1} more</summary>
          <ul className="mt-1 list-disc pl-5">
            {a.grants.slice(1, 50).map((g) => (
              <li key={g.source + (g.aggregatedFrom ?? '')}>{g.source}</li>
            ))}
          </ul>
        </details>
      )}
      {a.broken.map((b) => (
        <p key={b.binding.kind + b.binding.namespace + b.binding.name}>
          {b.binding.kind} {JSON.stringify(b.binding.name)} could grant it in the cluster: {b.error}.
        </p>
      ))}
      {!a.allowed && (
        <div>
          <p className="font-medium">{a.nearMisses.length > 0 ? 'Closest rules, and why they do not match:' : 'No rule of this subject comes close.'}</p>
          <ul className="mt-1 space-y-1">
            {a.nearMisses.map((m) => (
              <li key={m.grant.source + JSON.stringify(m.grant.rule)} data-testid="access-near-miss">
                <span className="font-mono text-[13px]">{m.grant.source}</span>: {m.mismatches.map((x) => x.text).join('; ')}.
              </li>
            ))}
          </ul>
        </div>
      )}
      {a.notes.map((n) => (
        <p key={n} className="text-xs">
          {n}
        </p>
      ))}
      {a.kubectl && <CommandBlock text={a.kubectl} label="the kubectl auth can-i command" language="shell" testId="access-kubectl" />}
    </div>
  );
}

function WhoCan({ who }: { who: NonNullable<RbacRunState['who']> }) {
  if (!who.ok) return null;
  const { entries, broken } = who.value;
  return (
    <details data-testid="access-who-can" data-count={entries.length} className="rounded border border-slate-200 p-2 dark:border-slate-700">
      <summary className="cursor-pointer font-medium">
        Who can do this: {entries.length === 0 ? 'no subject in the paste' : `${entries.length} subject${entries.length === 1 ? '' : 's'}`}
      </summary>
      <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto">
        {entries.slice(0, 500).map((e) => (
          <li key={e.label + e.grant.source}>
            <span className="font-semibold">{e.label}</span> <span className="text-slate-600 dark:text-slate-400">through</span> <span className="font-mono text-[13px]">{e.grant.source}</span>
          </li>
        ))}
      </ul>
      {broken.length > 0 && <p className="mt-2 text-xs">{broken.length} binding(s) in scope refer to a role that is not in the paste; they might grant it in the cluster.</p>}
    </details>
  );
}
