import { describe, expect, it } from 'vitest';
import { asymmetricSigningKey, secretSigningKey } from './makeSigningKey';
import { PrivateKeyMaterial, SecretKeyMaterial, algorithmFor, algorithmsForKeyType, algorithmsForSecret, checkAlgorithmForKey, type SigningKey } from './signingKey';
import { generateKeyPairSync } from 'node:crypto';

const jwkOf = (type: 'rsa' | 'ec' | 'ed25519', options: object = {}) =>
  (generateKeyPairSync as (t: string, o: object) => { privateKey: { export(o: object): JsonWebKey } })(type, options).privateKey.export({ format: 'jwk' });

const rsa = await asymmetricSigningKey(jwkOf('rsa', { modulusLength: 2048 }), { source: 'test' });
const p256 = await asymmetricSigningKey(jwkOf('ec', { namedCurve: 'P-256' }), { source: 'test' });
const ed = await asymmetricSigningKey(jwkOf('ed25519'), { source: 'test' });
const hmac32 = secretSigningKey(new Uint8Array(32).fill(7), { source: 'test' });
const hmac64 = secretSigningKey(new Uint8Array(64).fill(7), { source: 'test' });

const code = (alg: unknown, key: SigningKey) => {
  const check = checkAlgorithmForKey(alg, key);
  return check.ok ? 'ok' : check.error.code;
};

describe('algorithms a key may sign', () => {
  it('follows the key type and curve', () => {
    expect(algorithmsForKeyType('RSA', null)).toEqual(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
    expect(algorithmsForKeyType('EC', 'P-384')).toEqual(['ES384']);
    expect(algorithmsForKeyType('EC', 'P-521')).toEqual(['ES512']);
    expect(algorithmsForKeyType('OKP', 'Ed25519')).toEqual(['EdDSA', 'Ed25519']);
  });
  it('offers HMAC algorithms only for secrets long enough for the hash, strongest first', () => {
    expect(algorithmsForSecret(32)).toEqual(['HS256']);
    expect(algorithmsForSecret(48)).toEqual(['HS384', 'HS256']);
    expect(algorithmsForSecret(64)).toEqual(['HS512', 'HS384', 'HS256']);
  });
});

describe('checkAlgorithmForKey', () => {
  it('accepts every algorithm the key offers', () => {
    for (const key of [rsa, p256, ed, hmac64]) for (const alg of key.algorithms) expect(code(alg, key), `${key.description} ${alg}`).toBe('ok');
  });
  it('refuses algorithm confusion and mismatches with a sentence', () => {
    expect(code('HS256', rsa)).toBe('alg-key-mismatch');
    const confusion = checkAlgorithmForKey('HS256', rsa);
    expect(!confusion.ok && confusion.error.message).toMatch(/never used as an HMAC secret/);
    expect(code('ES256', rsa)).toBe('alg-key-mismatch');
    expect(code('RS256', hmac32)).toBe('alg-key-mismatch');
    expect(code('EdDSA', p256)).toBe('alg-key-mismatch');
    expect(code('ES384', p256)).toBe('alg-curve-mismatch');
    const curve = checkAlgorithmForKey('ES384', p256);
    expect(!curve.ok && curve.error.message).toBe('ES384 needs an EC P-384 key, and the key is EC P-256. This key signs ES256.');
    expect(code('HS512', hmac32)).toBe('secret-too-short');
  });
  it('refuses a missing, non-string, unsecured or unknown alg', () => {
    expect(code(undefined, rsa)).toBe('no-alg');
    expect(code(256, rsa)).toBe('bad-alg');
    expect(code('none', rsa)).toBe('alg-none');
    expect(code('NONE', rsa)).toBe('alg-none');
    expect(code('RS1', rsa)).toBe('alg-unsupported');
  });
  it('honours a restriction on the key', async () => {
    const pssOnly = await asymmetricSigningKey(rsa.privateKey.jwk(), { source: 'test', restrictTo: { algs: ['PS256'], reason: 'it is an RSA-PSS key' } });
    expect(pssOnly.algorithms).toEqual(['PS256']);
    expect(code('RS256', pssOnly)).toBe('key-restricted');
    const check = checkAlgorithmForKey('RS256', pssOnly);
    expect(!check.ok && check.error.message).toContain('it is an RSA-PSS key');
  });
});

describe('algorithmFor', () => {
  it('keeps a fitting alg and otherwise takes the key’s first', () => {
    expect(algorithmFor(rsa, 'PS384')).toBe('PS384');
    expect(algorithmFor(rsa, 'ES256')).toBe('RS256');
    expect(algorithmFor(p256, undefined)).toBe('ES256');
    expect(algorithmFor(hmac64, 'RS256')).toBe('HS512');
  });
});

describe('key material', () => {
  it('never prints private members', () => {
    expect(JSON.stringify(rsa)).not.toContain(rsa.privateKey.jwk().d);
    expect(String(new PrivateKeyMaterial({ kty: 'EC', d: 'secret-d' }))).toBe('[hidden private key]');
    expect(JSON.stringify({ s: new SecretKeyMaterial(new Uint8Array([1, 2])) })).toBe('{"s":"[hidden secret, 2 bytes]"}');
  });
});
