import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJwk } from './jwk';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const jwks = JSON.parse(fixture('keys/cluster-jwks.json')) as { keys: Record<string, unknown>[] };

describe('readJwk', () => {
  it('reads a Kubernetes JWKS entry with its kid, alg and use', () => {
    const reading = readJwk(jwks.keys[0]);
    expect(reading.kind).toBe('public');
    if (reading.kind !== 'public') return;
    expect(reading.facts.jwk).toEqual(createPublicKey(fixture('keys/sa-rsa.pub.pem')).export({ format: 'jwk' }));
    expect(reading.meta).toEqual({ givenKid: 'c0eSayKH-WrWn6IO3oCrVQS-cz6tQBw3_OxIET0Y_VQ', alg: 'RS256', use: 'sig', notes: [] });
    expect(reading.fromPrivateKey).toBe(false);
  });

  it.each([
    ['RSA', 'keys/sa-rsa.key.pem'],
    ['EC', 'keys/sa-ec.key.pem'],
    ['OKP', 'keys/other-ed25519.key.pem'],
  ])('reduces a private %s JWK to its public members', (_kty, file) => {
    const privateJwk = createPrivateKey(fixture(file)).export({ format: 'jwk' });
    const reading = readJwk(privateJwk);
    expect(reading.kind === 'public' && reading.fromPrivateKey).toBe(true);
    expect(JSON.stringify(reading)).not.toContain(privateJwk.d);
  });

  it('reads an oct JWK as secret bytes', () => {
    const reading = readJwk({ kty: 'oct', k: 'c2VjcmV0', kid: 'hmac-1', key_ops: ['verify'] });
    expect(reading.kind).toBe('secret');
    if (reading.kind === 'secret') {
      expect(new TextDecoder().decode(reading.bytes)).toBe('secret');
      expect(reading.meta).toMatchObject({ givenKid: 'hmac-1', keyOps: ['verify'] });
    }
  });

  it('explains what is wrong with a JWK', () => {
    expect(() => readJwk([])).toThrow('it is not a JSON object');
    expect(() => readJwk({ n: 'x' })).toThrow('it has no "kty" (key type)');
    expect(() => readJwk({ kty: 'RSA', e: 'AQAB' })).toThrow('a RSA JWK needs "n", and this one has none');
    expect(() => readJwk({ kty: 'RSA', n: 'ab+c', e: 'AQAB' })).toThrow(/not base64url: it has "\+" \(that is standard base64/);
    expect(() => readJwk({ kty: 'RSA', n: 'abc=', e: 'AQAB' })).toThrow(/unpadded/);
    expect(() => readJwk({ kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA' })).toThrow(/"secp256k1" is not supported/);
    expect(() => readJwk({ kty: 'OKP', crv: 'X25519', x: 'AA' })).toThrow(/only Ed25519/);
    expect(() => readJwk({ kty: 'AKP', alg: 'ML-DSA-44', pub: 'AA' })).toThrow(/"AKP" is not supported/);
    expect(() => readJwk({ kty: 'oct', k: '' })).toThrow(/"k" is empty/);
    expect(() => readJwk({ kty: 'oct', k: 'AA', key_ops: 'verify' })).toThrow(/array of strings/);
    expect(() => readJwk({ kty: 'oct', k: 'AA', use: 1 })).toThrow(/"use" must be a string/);
  });

  it('notes members it ignores', () => {
    const reading = readJwk({ ...jwks.keys[1], kid: 7, x5c: ['MII'] });
    expect(reading.meta.givenKid).toBeUndefined();
    expect(reading.meta.notes).toEqual(['Its "kid" is not a string and is ignored.', 'Its certificate members (x5c/x5u) are ignored; the key members are used.']);
  });
});
