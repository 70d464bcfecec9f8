import { describe, expect, it } from 'vitest';
import { parseSubject } from '../../core/rbac/accessSubject';
import { chooseSubject, subjectKey } from './chooseSubject';

const token = (() => {
  const r = parseSubject('default/sa-token-demo');
  if (!r.ok) throw new Error(r.error.message);
  return { ok: true as const, value: { ...r.value, origin: 'token' as const } };
})();

describe('chooseSubject', () => {
  it("uses the token's identity while nothing is typed", () => {
    expect(chooseSubject(token, '  ', 'auto').subject?.username).toBe('system:serviceaccount:default:sa-token-demo');
  });

  it('a subject typed by hand wins, of the kind chosen', () => {
    const chosen = chooseSubject(token, 'ops', 'group');
    expect(chosen.subject).toMatchObject({ kind: 'group', origin: 'what-if', groups: ['ops', 'system:authenticated'] });
  });

  it("a subject that cannot be read is an error, never silently the token's", () => {
    const chosen = chooseSubject(token, 'a/b/c', 'serviceaccount');
    expect(chosen.subject).toBeNull();
    expect(chosen.whatIfError?.code).toBe('bad-service-account');
  });

  it('says why a token gives no subject', () => {
    const chosen = chooseSubject({ ok: false, error: { code: 'no-identity', message: 'no service account' } }, '', 'auto');
    expect(chosen).toMatchObject({ subject: null, tokenError: { code: 'no-identity' } });
  });

  it('equal subjects have equal keys; another origin is another key', () => {
    const typed = chooseSubject(null, 'default/sa-token-demo', 'auto').subject;
    expect(subjectKey(typed)).toBe(subjectKey(chooseSubject(null, 'system:serviceaccount:default:sa-token-demo', 'auto').subject));
    expect(subjectKey(typed)).not.toBe(subjectKey(token.value));
  });
});
