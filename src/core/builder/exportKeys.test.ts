import { createHash, createPrivateKey, createPublicKey, type JsonWebKey as NodeJwk } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyInput } from '../keys/parseKeyInput';
import { readFixture } from '../../testing/fixtures';
import { privateJwkText, privateKeyPkcs8Pem, publicJwks, publicJwksText, publicKeyPem, secretJwkText } from './exportKeys';
import { importPrivateKey } from './importPrivateKey';
import { generateSigningKey } from './generateKey';
import type { AsymmetricSigningKey, SecretSigningKey } from './signingKey';

async function keyFrom(file: string): Promise<AsymmetricSigningKey> {
  const result = await importPrivateKey(readFixture(file));
  if (!result.ok || result.value.kind !== 'asymmetric') throw new Error('fixture key did not import');
  return result.value;
}

const rsa = await keyFrom('keys/sa-rsa.pkcs1.key.pem');
const ec = await keyFrom('keys/sa-ec.key.pem');
const ed = await keyFrom('keys/other-ed25519.key.pem');

describe('publicKeyPem', () => {
  it('is the SPKI PEM OpenSSL writes for the key', () => {
    expect(publicKeyPem(rsa)).toBe(`${readFixture('keys/sa-rsa.pub.pem')}\n`);
    expect(publicKeyPem(ec)).toBe(`${readFixture('keys/sa-ec.pub.pem')}\n`);
    expect(publicKeyPem(ed)).toBe(`${readFixture('keys/other-ed25519.pub.pem')}\n`);
  });
});

describe('publicJwks', () => {
  it('has the members and member order of kube-apiserver’s /openid/v1/jwks', () => {
    const fixture = JSON.parse(readFixture('keys/cluster-jwks.json')) as { keys: Record<string, string>[] };
    const expectedRsa = fixture.keys.find((k) => k.kty === 'RSA' && k.kid === rsa.kubernetesKid);
    expect(publicJwks(rsa, { alg: 'RS256', kid: rsa.kubernetesKid }).keys[0]).toEqual(expectedRsa);
    expect(Object.keys(publicJwks(rsa, { alg: 'RS256', kid: 'k' }).keys[0] ?? {})).toEqual(['use', 'kty', 'kid', 'alg', 'n', 'e']);
    expect(Object.keys(publicJwks(ec, { alg: 'ES256', kid: 'k' }).keys[0] ?? {})).toEqual(['use', 'kty', 'kid', 'crv', 'alg', 'x', 'y']);
    expect(Object.keys(publicJwks(ed, { alg: 'EdDSA', kid: 'k' }).keys[0] ?? {})).toEqual(['use', 'kty', 'kid', 'crv', 'alg', 'x']);
  });
  it('is read back by the verifier’s key parser with the same kid and no private members', async () => {
    const text = publicJwksText(ec, { alg: 'ES256', kid: ec.kubernetesKid });
    expect(text).not.toContain('"d"');
    const parsed = await parseKeyInput(text, { secretEncoding: 'utf8' });
    expect(parsed.kind).toBe('jwks');
    expect(parsed.candidates[0]).toMatchObject({ givenKid: ec.kubernetesKid, kubernetesKid: ec.kubernetesKid, jwkAlg: 'ES256' });
  });
});

describe('private key export', () => {
  it('PKCS#8 PEM holds the same key', async () => {
    for (const key of [rsa, ec, ed]) {
      const pem = await privateKeyPkcs8Pem(key);
      expect(pem.ok && pem.value).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      if (!pem.ok) continue;
      const spki = createPublicKey(createPrivateKey(pem.value)).export({ type: 'spki', format: 'der' });
      expect(createHash('sha256').update(spki).digest('base64url')).toBe(key.kubernetesKid);
    }
  });
  it('JWK carries kid, use and alg and imports as the same private key', () => {
    const jwk = JSON.parse(privateJwkText(ec, { alg: 'ES256', kid: ec.kubernetesKid })) as NodeJwk;
    expect(jwk).toMatchObject({ kty: 'EC', kid: ec.kubernetesKid, use: 'sig', alg: 'ES256', crv: 'P-256' });
    expect(createPrivateKey({ key: jwk as NodeJwk, format: 'jwk' }).export({ format: 'pem', type: 'pkcs8' })).toBe(`${readFixture('keys/sa-ec.key.pem')}\n`);
  });
  it('an HMAC secret exports as an oct JWK the verifier reads', async () => {
    const generated = await generateSigningKey('HMAC-48');
    const key = (generated.ok ? generated.value : null) as SecretSigningKey;
    const text = secretJwkText(key, { alg: 'HS384', kid: null });
    const jwk = JSON.parse(text) as { k: string; alg: string; kid?: string };
    expect(Buffer.from(jwk.k, 'base64url')).toEqual(Buffer.from(key.secret.bytes()));
    expect(jwk.kid).toBeUndefined();
    expect(JSON.parse(secretJwkText(key, { alg: 'HS384', kid: 'mine' })).kid).toBe('mine');
    const parsed = await parseKeyInput(text, { secretEncoding: 'utf8' });
    expect(parsed.candidates[0]).toMatchObject({ kty: 'oct', jwkAlg: 'HS384' });
  });
});
