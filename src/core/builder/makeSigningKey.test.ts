import { createHash, createPublicKey, generateKeyPairSync, type JsonWebKey as NodeJwk } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asymmetricSigningKey, secretSigningKey } from './makeSigningKey';

const jwkOf = (type: 'rsa' | 'ec' | 'ed25519' | 'ed448', options: object = {}) =>
  (generateKeyPairSync as (t: string, o: object) => { privateKey: { export(o: object): JsonWebKey } })(type, options).privateKey.export({ format: 'jwk' });

/** kube-apiserver's kid, computed independently: SHA-256 of the DER SPKI, base64url. */
const nodeKid = (jwk: JsonWebKey) => createHash('sha256').update(createPublicKey({ key: jwk as NodeJwk, format: 'jwk' }).export({ type: 'spki', format: 'der' })).digest('base64url');

describe('asymmetricSigningKey', () => {
  it('describes the key, keeps only key members and derives the Kubernetes kid', async () => {
    const jwk = { ...jwkOf('ec', { namedCurve: 'P-384' }), alg: 'ES384', key_ops: ['sign'], ext: true };
    const key = await asymmetricSigningKey(jwk, { source: 'pasted' });
    expect(key).toMatchObject({ kind: 'asymmetric', kty: 'EC', curve: 'P-384', sizeBits: 384, description: 'EC P-384', algorithms: ['ES384'], source: 'pasted' });
    expect(Object.keys(key.privateKey.jwk()).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y']);
    expect(key.publicJwk).toEqual({ kty: 'EC', crv: 'P-384', x: jwk.x, y: jwk.y });
    expect(key.kubernetesKid).toBe(nodeKid(jwk));
  });
  it('refuses RSA keys under 2048 bits, other curves and public keys', async () => {
    await expect(asymmetricSigningKey(jwkOf('rsa', { modulusLength: 1024 }), { source: 't' })).rejects.toThrow(/1024 bits; JWS signatures need 2048/);
    await expect(asymmetricSigningKey(jwkOf('ed448'), { source: 't' })).rejects.toThrow(/only Ed25519/);
    const { d: _d, ...publicOnly } = jwkOf('ed25519');
    await expect(asymmetricSigningKey(publicOnly, { source: 't' })).rejects.toThrow(/"d" member is missing/);
  });
});

describe('secretSigningKey', () => {
  it('accepts secrets of 32 bytes or more and offers the HS algorithms they are long enough for', () => {
    expect(secretSigningKey(new Uint8Array(48), { source: 't' })).toMatchObject({ kind: 'secret', kty: 'oct', description: 'HMAC secret (48 bytes)', algorithms: ['HS384', 'HS256'] });
    expect(() => secretSigningKey(new Uint8Array(31), { source: 't' })).toThrow(/31 bytes; HMAC signing needs at least 32/);
  });
});
