import { parseSubject, type AccessSubject, type SubjectKind } from '../../core/rbac/accessSubject';
import type { Problem, Result } from '../../core/result';

export interface ChosenSubject {
  /** Whose permissions are shown; null when there is none yet. */
  subject: AccessSubject | null;
  /** Why the typed subject cannot be used (the token's is not used instead: that would mislead). */
  whatIfError: Problem | null;
  /** Why the token gives no subject. */
  tokenError: Problem | null;
}

/** A subject typed by hand wins over the token's identity; an empty box means the token's. */
export function chooseSubject(token: Result<AccessSubject> | null, whatIfText: string, whatIfKind: SubjectKind | 'auto'): ChosenSubject {
  const tokenError = token && !token.ok ? token.error : null;
  if (whatIfText.trim() !== '') {
    const typed = parseSubject(whatIfText, whatIfKind);
    return typed.ok ? { subject: typed.value, whatIfError: null, tokenError } : { subject: null, whatIfError: typed.error, tokenError };
  }
  return { subject: token?.ok ? token.value : null, whatIfError: null, tokenError };
}

/** A stable name for a subject, so a re-render with an equal subject asks nothing again. */
export function subjectKey(subject: AccessSubject | null): string {
  return subject ? JSON.stringify([subject.kind, subject.username, subject.groups, subject.origin]) : '';
}
