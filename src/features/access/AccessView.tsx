import { useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Panel } from '../../components/Panel';
import type { AccessQuestionInput } from '../../core/rbac/accessQuestion';
import type { AccessSubject, SubjectKind } from '../../core/rbac/accessSubject';
import type { Result } from '../../core/result';
import { AccessFindings } from './AccessFindings';
import { AccessInput } from './AccessInput';
import { chooseSubject, subjectKey } from './chooseSubject';
import { DumpStatus } from './DumpStatus';
import { PermissionsPanel } from './PermissionsPanel';
import { QuestionPanel } from './QuestionPanel';
import { SubjectPanel } from './SubjectPanel';
import { useRbacRun } from './useRbacRun';

interface AccessViewProps {
  rbacText: string;
  onRbacTextChange: (text: string) => void;
  /** The identity of the token in the decoder's input; null when there is no token. */
  tokenSubject: Result<AccessSubject> | null;
  /** Would the API server authenticate that token at all? (An AuthenticationNote; nothing without a token.) */
  authentication: ReactNode;
  /** The token input, laid out above the RBAC input. */
  tokenField: ReactNode;
}

const hasQuestion = (q: AccessQuestionInput) => (q.verb ?? '').trim() !== '' && ((q.resource ?? '').trim() !== '' || (q.url ?? '').trim() !== '');

/** What the token's identity (or a subject typed by hand) may do under the pasted RBAC objects. */
export default function AccessView({ rbacText, onRbacTextChange, tokenSubject, authentication, tokenField }: AccessViewProps) {
  const [whatIf, setWhatIf] = useState<{ text: string; kind: SubjectKind | 'auto' }>({ text: '', kind: 'auto' });
  const [question, setQuestion] = useState<AccessQuestionInput>({ verb: 'get', resource: '', url: '', namespace: '', name: '' });
  const deferredWhatIf = useDeferredValue(whatIf);
  const chosen = chooseSubject(tokenSubject, deferredWhatIf.text, deferredWhatIf.kind);
  const key = subjectKey(chosen.subject);
  // One object per distinct subject: the engine is asked again only when the subject changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const subject = useMemo(() => chosen.subject, [key]);
  const run = useRbacRun(rbacText, subject);
  const deferredQuestion = useDeferredValue(question);
  const { ask } = run;
  useEffect(() => ask(hasQuestion(deferredQuestion) ? deferredQuestion : null), [ask, deferredQuestion]);
  const loaded = run.phase === 'loaded';

  return (
    <div className="space-y-4" data-testid="access-view">
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-4">
          {tokenField}
          <AccessInput value={rbacText} onChange={onRbacTextChange} />
          <DumpStatus run={run} />
        </div>
        <div className="min-w-0 space-y-4">
          <Panel title="Who is asking" id="access-subject">
            <SubjectPanel chosen={chosen} authentication={authentication} whatIf={whatIf} onWhatIfChange={setWhatIf} />
          </Panel>
          <Panel title="Ask one question" id="access-question">
            {loaded ? (
              <QuestionPanel question={question} onQuestionChange={setQuestion} answer={run.answer} who={run.who} hasSubject={subject !== null} />
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">Paste the RBAC objects to ask what this subject may do, as the API server's RBAC authorizer would answer.</p>
            )}
          </Panel>
        </div>
      </div>
      {loaded && subject && run.table && (
        <>
          <Panel title="Dangerous permissions" id="access-findings">
            <AccessFindings findings={run.table.findings} />
          </Panel>
          <Panel title={`What ${subject.label} may do`} id="access-permissions">
            <PermissionsPanel table={run.table.table} />
          </Panel>
        </>
      )}
    </div>
  );
}
