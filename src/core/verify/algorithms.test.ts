import { describe, expect, it } from 'vitest';
import type { CandidateKey } from '../keys/candidateKey';
import { SecretKeyMaterial } from '../keys/candidateKey';
import { algorithmSpec, isKubernetesAlgorithm, isUnsecuredAlgorithm, keyFitsAlgorithm, type AlgorithmSpec } from './algorithms';

const key = (over: Partial<CandidateKey>): CandidateKey => ({
  id: 'key-1',
  label: 'test key',
  kty: 'RSA',
  sizeBits: 2048,
  kubernetesKid: 'kid',
  thumbprint: 'tp',
  fromPrivateKey: false,
  publicJwk: { kty: 'RSA' },
  notes: [],
  ...over,
});
const spec = (alg: string) => algorithmSpec(alg) as AlgorithmSpec;
const reason = (candidate: CandidateKey, alg: string) => {
  const fit = keyFitsAlgorithm(candidate, spec(alg));
  return fit.fits ? 'fits' : fit.reason;
};

describe('isKubernetesAlgorithm', () => {
  it('is true only for the four algorithms Kubernetes signs with', () => {
    expect(['RS256', 'ES256', 'ES384', 'ES512'].every(isKubernetesAlgorithm)).toBe(true);
    expect(['RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA', 'HS256', 'none', '', 'rs256'].some(isKubernetesAlgorithm)).toBe(false);
    expect(isKubernetesAlgorithm(undefined)).toBe(false);
  });
});

describe('algorithmSpec', () => {
  it('knows the supported algorithms and nothing inherited', () => {
    expect(spec('ES384')).toMatchObject({ kty: 'EC', curve: 'P-384' });
    expect(spec('PS512').kty).toBe('RSA');
    expect(spec('EdDSA')).toMatchObject({ kty: 'OKP', curve: 'Ed25519' });
    for (const bad of ['none', 'ES256K', 'Ed448', 'constructor', 'toString', '__proto__', 42]) expect(algorithmSpec(bad)).toBeNull();
  });

  it('treats every spelling of none as unsecured', () => {
    expect(['none', 'None', 'NONE', 'nOnE'].every(isUnsecuredAlgorithm)).toBe(true);
    expect(isUnsecuredAlgorithm('HS256')).toBe(false);
  });
});

describe('keyFitsAlgorithm', () => {
  const rsa = key({});
  const p256 = key({ kty: 'EC', curve: 'P-256', sizeBits: 256 });
  const ed = key({ kty: 'OKP', curve: 'Ed25519' });
  const secret = key({ kty: 'oct', kubernetesKid: null, secret: new SecretKeyMaterial(Uint8Array.of(1)) });

  it('fits each key type to its algorithms', () => {
    for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']) expect(reason(rsa, alg)).toBe('fits');
    expect(reason(p256, 'ES256')).toBe('fits');
    expect(reason(ed, 'EdDSA')).toBe('fits');
    for (const alg of ['HS256', 'HS384', 'HS512']) expect(reason(secret, alg)).toBe('fits');
  });

  it('never uses an asymmetric key as an HMAC secret', () => {
    for (const k of [rsa, p256, ed]) expect(reason(k, 'HS256')).toMatch(/an asymmetric key is never used as an HMAC secret/);
  });

  it('refuses the wrong type or curve', () => {
    expect(reason(rsa, 'ES256')).toBe('key type RSA cannot verify ES256, which needs an EC P-256 key');
    expect(reason(p256, 'ES512')).toBe('key type EC P-256 cannot verify ES512, which needs EC P-521');
    expect(reason(secret, 'RS256')).toBe('key type HMAC secret cannot verify RS256, which needs an RSA key');
    expect(reason(p256, 'EdDSA')).toMatch(/needs an OKP Ed25519 key/);
  });

  it('respects a JWK\'s own alg, use and key_ops', () => {
    expect(reason(key({ jwkAlg: 'PS256' }), 'RS256')).toBe('the key is marked for PS256 (its "alg"), and the token uses RS256');
    expect(reason(key({ use: 'enc' }), 'RS256')).toBe('the key\'s "use" is "enc", not "sig"');
    expect(reason(key({ use: 'sig', keyOps: ['sign'] }), 'RS256')).toBe('the key\'s "key_ops" (sign) do not include "verify"');
    expect(reason(key({ jwkAlg: 'RS256', use: 'sig', keyOps: ['verify'] }), 'RS256')).toBe('fits');
  });

  it('respects an RSA-PSS key\'s restriction', () => {
    const pss = key({ allowedAlgs: ['PS256'], allowedAlgsReason: 'it is an RSA-PSS key' });
    expect(reason(pss, 'RS256')).toBe('it is an RSA-PSS key; the token uses RS256');
    expect(reason(pss, 'PS256')).toBe('fits');
  });

  it('marks keys that cannot be used at all as unusable, not as a mismatch', () => {
    const small = keyFitsAlgorithm(key({ sizeBits: 1024 }), spec('RS256'));
    expect(small).toMatchObject({ fits: false, unusable: true, reason: expect.stringMatching(/1024 bits.*2048 bits or more/) });
    expect(keyFitsAlgorithm(key({ kty: 'OKP', curve: 'Ed25519', unusableReason: 'no Ed25519 here' }), spec('EdDSA'))).toEqual({ fits: false, unusable: true, reason: 'no Ed25519 here' });
    expect(keyFitsAlgorithm(key({ kty: 'oct' }), spec('HS256'))).toMatchObject({ fits: false, unusable: true });
  });
});
