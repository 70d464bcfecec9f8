import type { ReactNode } from 'react';
import { Field } from '../../components/Field';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { controlClass } from '../../components/styles';
import type { SubjectKind } from '../../core/rbac/accessSubject';
import type { ChosenSubject } from './chooseSubject';

interface SubjectPanelProps {
  chosen: ChosenSubject;
  /** Would the API server authenticate the token at all (shown with the token's identity)? */
  authentication: ReactNode;
  whatIf: { text: string; kind: SubjectKind | 'auto' };
  onWhatIfChange: (whatIf: { text: string; kind: SubjectKind | 'auto' }) => void;
}

/** Who is asking: the token's identity (first, would it authenticate at all?) or one typed by hand. */
export function SubjectPanel({ chosen, authentication, whatIf, onWhatIfChange }: SubjectPanelProps) {
  const { subject, whatIfError, tokenError } = chosen;
  const typed = whatIf.text.trim() !== '';
  return (
    <div className="space-y-3 text-sm">
      <div data-testid="access-subject" data-origin={subject?.origin ?? 'none'} data-username={subject?.username ?? ''} className="space-y-1">
        {subject ? (
          <>
            <p>
              <span className="font-semibold">{subject.origin === 'token' ? "The token's identity: " : 'What if: '}</span>
              {subject.label}
            </p>
            {subject.username && (
              <p className="font-mono text-[13px] break-all">
                <span className="text-slate-600 dark:text-slate-400">username </span>
                {subject.username}
              </p>
            )}
            <p className="font-mono text-[13px] break-all">
              <span className="text-slate-600 dark:text-slate-400">groups </span>
              {subject.groups.join(', ')}
            </p>
          </>
        ) : (
          <p className="text-slate-700 dark:text-slate-300">
            {tokenError && !typed ? `${tokenError.message} Type a subject below to ask about someone else.` : typed ? 'Type a valid subject to see its permissions.' : 'Paste a service account token above, or type a subject below.'}
          </p>
        )}
      </div>
      {subject?.origin === 'token' && authentication}
      <div className="flex flex-wrap items-start gap-2">
        <Field label="What if: another subject" hint="A user (alice@example.com), a group (group:devs) or a service account (namespace/name)." error={whatIfError?.message} className="min-w-60 flex-1">
          {(control) => (
            <input
              {...control}
              data-testid="access-subject-input"
              value={whatIf.text}
              onChange={(e) => onWhatIfChange({ ...whatIf, text: e.target.value })}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              className={`${controlClass} w-full font-mono`}
            />
          )}
        </Field>
        <Field label="Kind">
          {(control) => (
            <Select {...control} data-testid="access-subject-kind" value={whatIf.kind} onChange={(e) => onWhatIfChange({ ...whatIf, kind: e.target.value as SubjectKind | 'auto' })}>
              <option value="auto">Guess from the text</option>
              <option value="user">User</option>
              <option value="group">Group</option>
              <option value="serviceaccount">Service account</option>
            </Select>
          )}
        </Field>
        {typed && (
          <Button onClick={() => onWhatIfChange({ ...whatIf, text: '' })} className="mt-4">
            Back to the token
          </Button>
        )}
      </div>
    </div>
  );
}
