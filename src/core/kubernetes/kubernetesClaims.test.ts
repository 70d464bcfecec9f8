import { describe, expect, it } from 'vitest';
import { audiences, isLegacyShape, readBoundClaims, readLegacyClaims, show } from './kubernetesClaims';

describe('kubernetesClaims', () => {
  it('reads the kubernetes.io object, treating empty strings and odd shapes as absent', () => {
    const b = readBoundClaims({ 'kubernetes.io': { namespace: '', serviceaccount: { name: 'sa', uid: 7 }, pod: 'p', node: { name: 'n' }, warnafter: null } });
    expect(b).toMatchObject({ namespace: null, serviceAccount: { name: 'sa', uid: null }, pod: null, node: { name: 'n', uid: null }, hasWarnafter: true });
    expect(readBoundClaims({ 'kubernetes.io': [] })).toBeNull();
    expect(readBoundClaims(null)).toBeNull();
  });

  it('reads legacy claims only with the legacy issuer and namespace claim', () => {
    expect(isLegacyShape({ iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': '' })).toBe(true);
    expect(isLegacyShape({ iss: 'kubernetes/serviceaccount' })).toBe(false);
    expect(readLegacyClaims({ iss: 'x', 'kubernetes.io/serviceaccount/namespace': 'ns' })).toBeNull();
  });

  it('reads aud as a list', () => {
    expect(audiences({ aud: 'a' })).toEqual(['a']);
    expect(audiences({ aud: ['a', 1, 'b'] })).toEqual(['a', 'b']);
    expect(audiences({})).toEqual([]);
  });

  it('shows values quoted and bounded', () => {
    expect(show('a\nb')).toBe('"a\\nb"');
    expect(show('x'.repeat(200)).length).toBeLessThanOrEqual(84);
    expect(show(undefined)).toBe('undefined');
  });
});
