import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { listFixtures, readFixture } from '../../testing/fixtures';
import { describeClaim } from './catalogue';
import { claimAt, flattenClaims } from './flattenClaims';

describe('flattenClaims', () => {
  it('flattens kubernetes.io to dotted names and keeps arrays whole', () => {
    const rows = flattenClaims(decodeToken(readFixture('tokens/pod-bound.jwt')).claims as Record<string, unknown>);
    const names = rows.map((r) => r.name);
    expect(names).toContain('kubernetes.io.pod.name');
    expect(names).toContain('kubernetes.io.node.uid');
    expect(names).not.toContain('kubernetes.io');
    expect(rows.find((r) => r.name === 'aud')?.value).toEqual(['https://kubernetes.default.svc.cluster.local']);
  });

  it('keeps legacy claim names whole', () => {
    const rows = flattenClaims(decodeToken(readFixture('seed/v1.20-legacy.jwt')).claims as Record<string, unknown>);
    expect(rows.map((r) => r.name)).toContain('kubernetes.io/serviceaccount/secret.name');
  });

  it('describes every claim in every Kubernetes fixture token', () => {
    for (const file of [...listFixtures('tokens'), ...listFixtures('seed').filter((f) => f.endsWith('.jwt'))]) {
      const d = decodeToken(readFixture(file));
      if (!d.claims || d.claims.iss === 'https://example.com' || !JSON.stringify(d.claims).includes('kubernetes.io')) continue;
      for (const row of flattenClaims(d.claims)) expect(row.info, `${file}: ${row.name}`).not.toBeNull();
    }
  });

  it('treats __proto__ as an ordinary claim name', () => {
    const claims = JSON.parse('{"__proto__":{"admin":true},"sub":"x"}') as Record<string, unknown>;
    expect(flattenClaims(claims).map((r) => r.name)).toEqual(['__proto__.admin', 'sub']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('finds values by dotted name', () => {
    const claims = decodeToken(readFixture('tokens/pod-bound-extended.jwt')).claims;
    expect(claimAt(claims, 'kubernetes.io.warnafter')).toBe(1768473007);
    expect(claimAt(claims, 'kubernetes.io.pod.name')).toBe('busybox');
    expect(claimAt(claims, 'kubernetes.io.nothing')).toBeUndefined();
    expect(claimAt(null, 'exp')).toBeUndefined();
  });
});

describe('the claim catalogue', () => {
  it('covers registered claims and JOSE header parameters', () => {
    for (const c of ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']) expect(describeClaim(c)?.origin).toBe('rfc7519');
    for (const h of ['alg', 'kid', 'typ', 'cty', 'crit', 'jku', 'jwk', 'x5u', 'x5c', 'x5t']) expect(describeClaim(h, 'header')?.origin).toBe('jose');
    expect(describeClaim('alg')).toBeNull();
  });

  it('marks the time claims', () => {
    for (const c of ['exp', 'nbf', 'iat', 'kubernetes.io.warnafter']) expect(describeClaim(c)?.isTime).toBe(true);
    expect(describeClaim('sub')?.isTime).toBeUndefined();
  });

  it('states the Kubernetes facts of the reference', () => {
    expect(describeClaim('kubernetes.io.warnafter')?.description).toContain('3607');
    expect(describeClaim('header.alg' as string)).toBeNull();
    expect(describeClaim('alg', 'header')?.description).toMatch(/RS256.*ES256\/ES384\/ES512/);
    expect(describeClaim('jti')?.description).toMatch(/1\.29.*1\.30/);
  });
});

describe('deeply nested claims', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  const nested = (levels: number) => `{"sub":"x","deep":${'{"a":'.repeat(levels - 1)}1${'}'.repeat(levels - 1)}}`;

  it('flattens the deepest payload the reader accepts (64 levels) without overflowing, as JSON past 4 levels', () => {
    const claims = decodeToken(`${b64('{"alg":"RS256"}')}.${b64(nested(64))}.c2ln`).claims as Record<string, unknown>;
    const rows = flattenClaims(claims);
    expect(rows.map((r) => r.name)).toEqual(['sub', 'deep.a.a.a.a']);
    expect(JSON.stringify(rows.at(-1)?.value)).toMatch(/^(\{"a":){59}1/);
  });

  it('says a payload of 65 levels is nested too deeply, instead of overflowing the stack', () => {
    const d = decodeToken(`${b64('{"alg":"RS256"}')}.${b64(nested(65))}.c2ln`);
    expect(d.claims).toBeNull();
    expect(d.errors).toEqual([expect.objectContaining({ segment: 'payload', code: 'json-too-deep', message: expect.stringContaining('nested too deeply (more than 64 levels)') })]);
  });
});
