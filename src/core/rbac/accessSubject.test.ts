import { describe, expect, it } from 'vitest';
import type { Identity } from '../kubernetes/identity';
import { parseSubject, subjectFromIdentity } from './accessSubject';

const value = (r: ReturnType<typeof parseSubject>) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const error = (r: ReturnType<typeof parseSubject>) => (r.ok ? null : r.error.code);

describe('parseSubject', () => {
  it('a service account as namespace/name or as its username gets the groups the API server gives it', () => {
    for (const text of ['shop/web', 'system:serviceaccount:shop:web', 'sa:shop/web', '  serviceaccount: shop/web ']) {
      expect(value(parseSubject(text))).toMatchObject({
        kind: 'serviceaccount',
        username: 'system:serviceaccount:shop:web',
        groups: ['system:serviceaccounts', 'system:serviceaccounts:shop', 'system:authenticated'],
        serviceAccount: { namespace: 'shop', name: 'web' },
        label: 'service account "shop/web"',
      });
    }
  });

  it('a user gets system:authenticated, the anonymous user system:unauthenticated; extra groups are added', () => {
    expect(value(parseSubject('alice@example.com', 'auto', ['devs']))).toMatchObject({ kind: 'user', username: 'alice@example.com', groups: ['system:authenticated', 'devs'] });
    expect(value(parseSubject('https://issuer.example.com#1234'))).toMatchObject({ kind: 'user' });
    expect(value(parseSubject('system:anonymous')).groups).toEqual(['system:unauthenticated']);
  });

  it('built-in groups and group: are groups; a member of one has no username', () => {
    expect(value(parseSubject('system:serviceaccounts:kube-system'))).toMatchObject({ kind: 'group', username: '', groups: ['system:serviceaccounts:kube-system', 'system:authenticated'] });
    expect(value(parseSubject('group:devs')).label).toBe('a member of group "devs"');
    expect(value(parseSubject('devs', 'group')).kind).toBe('group');
    expect(value(parseSubject('shop/web', 'user')).kind).toBe('user');
  });

  it('says what is wrong with a subject it cannot use', () => {
    expect(error(parseSubject(' '))).toBe('empty-subject');
    expect(error(parseSubject('line\nbreak'))).toBe('subject-control-characters');
    expect(error(parseSubject('x'.repeat(2000)))).toBe('subject-too-long');
    expect(error(parseSubject('system:serviceaccount:Shop:web'))).toBe('bad-service-account');
    expect(error(parseSubject('system:serviceaccount:shop'))).toBe('bad-service-account');
    expect(error(parseSubject('Shop/web', 'serviceaccount'))).toBe('bad-service-account');
    expect(error(parseSubject('a/b/c', 'serviceaccount'))).toBe('bad-service-account');
    expect(error(parseSubject('user:'))).toBe('empty-subject');
  });
});

describe('subjectFromIdentity', () => {
  const identity = (namespace: string | null, serviceAccount: string | null): Identity => ({
    username: namespace && serviceAccount ? `system:serviceaccount:${namespace}:${serviceAccount}` : null,
    uid: null,
    namespace,
    serviceAccount,
    groups: namespace ? ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'] : [],
    extra: {},
    pod: null,
    node: null,
    secret: null,
    problems: [],
  });

  it('takes the username and groups the token identity carries', () => {
    const r = subjectFromIdentity(identity('default', 'demo'));
    expect(r.ok && r.value).toMatchObject({ origin: 'token', username: 'system:serviceaccount:default:demo', groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'] });
  });

  it('fails when the token names no service account', () => {
    const r = subjectFromIdentity(identity(null, 'demo'));
    expect(r.ok ? null : r.error.code).toBe('no-identity');
  });
});
