import { describe, expect, it } from 'vitest';
import { checkName, isDns1123Label, isDns1123Subdomain, makeUsername, splitUsername } from './kubernetesNames';

describe('Kubernetes names (kubernetes/apimachinery pkg/util/validation/validation.go)', () => {
  it.each([
    ['default', true, true],
    ['kube-system', true, true],
    ['a.b', false, true],
    ['Upper', false, false],
    ['-x', false, false],
    ['x-', false, false],
    ['a..b', false, false],
    ['.a', false, false],
    ['a.', false, false],
    ['', false, false],
    ['a'.repeat(63), true, true],
    // IsDNS1123Subdomain has no per-label limit: a 64-character name is a valid Secret or service
    // account name, though not a valid namespace.
    ['a'.repeat(64), false, true],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}`, false, true],
    [`${'a'.repeat(100)}.b`, false, true],
    ['a'.repeat(253), false, true],
    ['a'.repeat(254), false, false],
  ])('%j: label %s, subdomain %s', (name, label, subdomain) => {
    expect(isDns1123Label(name)).toBe(label);
    expect(isDns1123Subdomain(name)).toBe(subdomain);
  });

  it('checkName applies the rule of each kind of name, and says which and why', () => {
    expect(checkName('namespace', 'prod')).toBeNull();
    expect(checkName('secret', 'a'.repeat(70))).toBeNull();
    expect(checkName('namespace', 'a'.repeat(70))?.message).toMatch(/^The namespace "a+…?" is not a valid Kubernetes name \(.*at most 63 characters\)$/);
    expect(checkName('secret', '--all')?.message).toBe(
      'The Secret name "--all" is not a valid Kubernetes name (lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit, at most 253 characters)',
    );
    for (const hostile of ['--all', '-A', '$(id)', 'a;b', 'a b', "it's", 'x\u202e', '']) {
      expect(checkName('service-account', hostile), hostile).not.toBeNull();
      expect(checkName('namespace', hostile), hostile).not.toBeNull();
    }
  });

  it('splits service account usernames as SplitUsername does (kubernetes/apiserver pkg/authentication/serviceaccount/util.go)', () => {
    expect(splitUsername(makeUsername('ns', 'sa.name'))).toEqual({ namespace: 'ns', name: 'sa.name' });
    expect(splitUsername('system:serviceaccount:kube-system:coredns')).toEqual({ namespace: 'kube-system', name: 'coredns' });
    // D10: a 70-character name is valid (no per-label limit); a 64-character namespace is not.
    const long = 'a'.repeat(70);
    expect(splitUsername(makeUsername('ns', long))).toEqual({ namespace: 'ns', name: long });
    for (const bad of [
      'system:serviceaccount:ns:sa:extra',
      'system:serviceaccount:ns',
      'system:serviceaccount::name',
      'system:serviceaccount:NS:sa',
      'system:serviceaccount:ns.dot:name',
      `system:serviceaccount:${'a'.repeat(64)}:x`,
      'system:serviceaccount:ns:Name',
      'system:serviceaccounts:ns:sa',
      'admin',
    ]) {
      expect(splitUsername(bad), bad).toBeNull();
    }
  });
});
