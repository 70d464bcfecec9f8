import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { compareClaims, summarizeComparison } from './compareClaims';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const decodeFixture = (path: string) => decodeToken(fixture(path).trim());

describe('compareClaims: the blog post’s v1.20 and v1.24 tokens', () => {
  const legacy = decodeFixture('seed/v1.20-legacy.jwt');
  const projected = decodeFixture('seed/v1.24-projected.jwt');
  const rows = compareClaims(legacy.claims, projected.claims);
  const row = (claim: string) => rows.find((r) => r.claim === claim);

  it('lists A’s claims first, in A’s order, then those only B has', () => {
    expect(rows.map((r) => r.claim)).toEqual([
      'iss',
      'kubernetes.io/serviceaccount/namespace',
      'kubernetes.io/serviceaccount/secret.name',
      'kubernetes.io/serviceaccount/service-account.name',
      'kubernetes.io/serviceaccount/service-account.uid',
      'sub',
      'aud',
      'exp',
      'iat',
      'kubernetes.io.namespace',
      'kubernetes.io.pod.name',
      'kubernetes.io.pod.uid',
      'kubernetes.io.serviceaccount.name',
      'kubernetes.io.serviceaccount.uid',
      'kubernetes.io.warnafter',
      'nbf',
    ]);
  });

  it('marks each change with both values', () => {
    expect(row('iss')).toEqual({ claim: 'iss', change: 'changed', a: 'kubernetes/serviceaccount', b: 'https://kubernetes.default.svc.cluster.local' });
    expect(row('sub')).toEqual({ claim: 'sub', change: 'same', a: 'system:serviceaccount:default:default', b: 'system:serviceaccount:default:default' });
    expect(row('kubernetes.io/serviceaccount/secret.name')).toEqual({ claim: 'kubernetes.io/serviceaccount/secret.name', change: 'removed', a: 'default-token-57llx' });
    expect(row('kubernetes.io.pod.name')).toEqual({ claim: 'kubernetes.io.pod.name', change: 'added', b: 'busybox' });
    expect(row('aud')).toEqual({ claim: 'aud', change: 'added', b: ['https://kubernetes.default.svc.cluster.local'] });
    expect(summarizeComparison(rows)).toEqual({ added: 10, removed: 4, changed: 1, same: 1 });
  });

  it('the same token is the same everywhere', () => {
    expect(compareClaims(projected.claims, projected.claims).every((r) => r.change === 'same')).toBe(true);
  });

  it('compares headers too', () => {
    expect(compareClaims(legacy.headerObject, projected.headerObject, 'header')).toEqual([
      { claim: 'alg', change: 'same', a: 'RS256', b: 'RS256' },
      { claim: 'kid', change: 'changed', a: 'ySOEoCSUm_lS8ityj72RTvEIsWF3umOdS0epkLIK5ls', b: 'wMU4GOsuqPnFjPar7NaZZTEmNlc2I_W75faEDbLB7dI' },
    ]);
  });
});

describe('compareClaims: values', () => {
  it('compares arrays and objects by value', () => {
    expect(compareClaims({ aud: ['a', 'b'] }, { aud: ['a', 'b'] })[0]?.change).toBe('same');
    expect(compareClaims({ aud: ['a', 'b'] }, { aud: ['b', 'a'] })[0]?.change).toBe('changed');
    expect(compareClaims({ aud: 'a' }, { aud: ['a'] })[0]?.change).toBe('changed');
    expect(compareClaims({ x: { deep: { deeper: { deepest: { end: { a: 1 } } } } } }, { x: { deep: { deeper: { deepest: { end: { a: 1 } } } } } })[0]?.change).toBe('same');
    expect(compareClaims({ n: 1 }, { n: '1' })[0]?.change).toBe('changed');
    expect(compareClaims({ n: null }, { n: null })[0]?.change).toBe('same');
  });

  it('a claim that becomes an object is removed and its members added', () => {
    expect(compareClaims({ 'kubernetes.io': 'x' }, { 'kubernetes.io': { namespace: 'ns' } })).toEqual([
      { claim: 'kubernetes.io', change: 'removed', a: 'x' },
      { claim: 'kubernetes.io.namespace', change: 'added', b: 'ns' },
    ]);
  });

  it('a missing side counts as empty', () => {
    expect(compareClaims(null, { a: 1 })).toEqual([{ claim: 'a', change: 'added', b: 1 }]);
    expect(compareClaims({ a: 1 }, null)).toEqual([{ claim: 'a', change: 'removed', a: 1 }]);
    expect(compareClaims(null, null)).toEqual([]);
  });
});
