import { describe, expect, it } from 'vitest';
import { setExpiresIn, setIssuedNow } from './timeHelpers';
import { templatePayloadText } from './templates';

const T0 = 1_768_469_400;
const claimsOf = (result: { ok: boolean; value?: string }) => {
  if (!result.ok || result.value === undefined) throw new Error('helper failed');
  return JSON.parse(result.value) as Record<string, unknown> & { 'kubernetes.io'?: Record<string, unknown> };
};

describe('setIssuedNow', () => {
  it('moves iat and nbf to now and keeps lifetime and extension', () => {
    const claims = claimsOf(setIssuedNow(templatePayloadText('pod-bound', { nowSeconds: T0 }), T0 + 500.7));
    expect(claims).toMatchObject({ iat: T0 + 500, nbf: T0 + 500, exp: T0 + 500 + 31_536_000 });
    expect(claims['kubernetes.io']?.warnafter).toBe(T0 + 500 + 3607);
  });
  it('adds iat and nbf to a token without times and leaves the rest alone', () => {
    const claims = claimsOf(setIssuedNow(templatePayloadText('legacy', { nowSeconds: T0 }), T0));
    expect(claims).toMatchObject({ iat: T0, nbf: T0, iss: 'kubernetes/serviceaccount' });
    expect(claims.exp).toBeUndefined();
    expect(Object.keys(claims)).toEqual([...Object.keys(claims)].sort());
  });
});

describe('setExpiresIn', () => {
  it('sets exp relative to now', () => {
    expect(claimsOf(setExpiresIn('{"iat":1,"sub":"a"}', 3600, T0)).exp).toBe(T0 + 3600);
    expect(claimsOf(setExpiresIn(templatePayloadText('unbound', { nowSeconds: T0 }), 86_400, T0 + 60)).exp).toBe(T0 + 60 + 86_400);
  });
  it('drops warnafter once it would not come before exp: the token is then not extended', () => {
    const claims = claimsOf(setExpiresIn(templatePayloadText('pod-bound', { nowSeconds: T0 }), 3600, T0));
    expect(claims.exp).toBe(T0 + 3600);
    expect(claims['kubernetes.io']?.warnafter).toBeUndefined();
    const longer = claimsOf(setExpiresIn(templatePayloadText('pod-bound', { nowSeconds: T0 }), 86_400, T0));
    expect(longer['kubernetes.io']?.warnafter).toBe(T0 + 3607);
  });
  it('reports JSON errors instead of changing the text', () => {
    expect(setExpiresIn('{"exp": }', 3600, T0)).toMatchObject({ ok: false, error: { code: 'json-syntax', segment: 'payload' } });
  });
});
