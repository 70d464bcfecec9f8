import { describe, expect, it } from 'vitest';
import { isDns1123Label, isDns1123Subdomain, makeUsername, splitUsername } from './kubernetesNames';

describe('Kubernetes names', () => {
  it.each([
    ['default', true, true],
    ['kube-system', true, true],
    ['a.b', false, true],
    ['Upper', false, false],
    ['-x', false, false],
    ['x-', false, false],
    ['', false, false],
    ['a'.repeat(63), true, true],
    ['a'.repeat(64), false, false],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}`, false, true],
  ])('%j: label %s, subdomain %s', (name, label, subdomain) => {
    expect(isDns1123Label(name)).toBe(label);
    expect(isDns1123Subdomain(name)).toBe(subdomain);
  });

  it('splits service account usernames as SplitUsername does (§10)', () => {
    expect(splitUsername(makeUsername('ns', 'sa.name'))).toEqual({ namespace: 'ns', name: 'sa.name' });
    expect(splitUsername('system:serviceaccount:ns:sa:extra')).toBeNull();
    expect(splitUsername('system:serviceaccount:ns')).toBeNull();
    expect(splitUsername('system:serviceaccount:NS:sa')).toBeNull();
    expect(splitUsername('system:serviceaccounts:ns:sa')).toBeNull();
    expect(splitUsername('admin')).toBeNull();
  });
});
