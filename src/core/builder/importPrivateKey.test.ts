import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { manifest, readFixture } from '../../testing/fixtures';
import { importPrivateKey } from './importPrivateKey';
import type { SigningKey } from './signingKey';

const KIDS = manifest().keys;

async function imported(text: string): Promise<SigningKey> {
  const result = await importPrivateKey(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function refusal(text: string): Promise<string> {
  const result = await importPrivateKey(text);
  if (result.ok) throw new Error('expected the key to be refused');
  return result.error.message;
}

const kidOf = (key: SigningKey) => (key.kind === 'asymmetric' ? key.kubernetesKid : null);

describe('importPrivateKey: the fixture keys', () => {
  it.each([
    ['keys/sa-rsa.key.pem', 'sa-rsa', 'RSA 2048-bit', 'RS256', 'pasted PKCS#8 PRIVATE KEY'],
    ['keys/sa-rsa.pkcs1.key.pem', 'sa-rsa', 'RSA 2048-bit', 'RS256', 'pasted PKCS#1 RSA PRIVATE KEY'],
    ['keys/sa-ec.key.pem', 'sa-ec', 'EC P-256', 'ES256', 'pasted PKCS#8 PRIVATE KEY'],
    ['keys/other-ed25519.key.pem', 'other-ed25519', 'Ed25519', 'EdDSA', 'pasted PKCS#8 PRIVATE KEY'],
    ['keys/sa-rsa-rotated-out.key.pem', 'sa-rsa-rotated-out', 'RSA 2048-bit', 'RS256', 'pasted PKCS#8 PRIVATE KEY'],
  ])('%s → kid of MANIFEST.json keys.%s', async (file, name, description, alg, source) => {
    const key = await imported(readFixture(file));
    expect(key).toMatchObject({ kind: 'asymmetric', description, source });
    expect(key.algorithms[0]).toBe(alg);
    expect(kidOf(key)).toBe(KIDS[name]?.kid);
  });

  it('reads SEC1 EC PRIVATE KEY and bare base64 DER', async () => {
    const ec = createPrivateKey(readFixture('keys/sa-ec.key.pem'));
    const sec1 = ec.export({ format: 'pem', type: 'sec1' }) as string;
    expect(sec1).toContain('BEGIN EC PRIVATE KEY');
    expect(kidOf(await imported(sec1))).toBe(KIDS['sa-ec']?.kid);
    const bare = ec.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(await imported(bare)).toMatchObject({ source: 'pasted base64 DER (PKCS#8 PRIVATE KEY)', kubernetesKid: KIDS['sa-ec']?.kid });
  });

  it('takes the private key out of a file that also holds a certificate', async () => {
    const key = await imported(`${readFixture('keys/sa-rsa.cert.pem')}\n${readFixture('keys/sa-rsa.pkcs1.key.pem')}`);
    expect(kidOf(key)).toBe(KIDS['sa-rsa']?.kid);
    expect(key.notes).toContain('The text has 2 PEM blocks; block 2 is used.');
  });
});

describe('importPrivateKey: JWKs', () => {
  const rsaJwk = createPrivateKey(readFixture('keys/sa-rsa.key.pem')).export({ format: 'jwk' });

  it('reads a private JWK, alone or as a one-key JWKS', async () => {
    expect(kidOf(await imported(JSON.stringify(rsaJwk)))).toBe(KIDS['sa-rsa']?.kid);
    expect(kidOf(await imported(JSON.stringify({ keys: [rsaJwk] })))).toBe(KIDS['sa-rsa']?.kid);
    const ed = createPrivateKey(readFixture('keys/other-ed25519.key.pem')).export({ format: 'jwk' });
    expect(kidOf(await imported(JSON.stringify(ed)))).toBe(KIDS['other-ed25519']?.kid);
  });

  it('keeps the JWK’s own alg as a restriction', async () => {
    const key = await imported(JSON.stringify({ ...rsaJwk, alg: 'PS384', use: 'sig', key_ops: ['sign'] }));
    expect(key.algorithms).toEqual(['PS384']);
    expect(key.restriction).toBe('its JWK "alg" is PS384');
  });

  it('reads an oct JWK as an HMAC secret', async () => {
    const secret = Buffer.from(readFixture('keys/hmac-secret.txt'));
    const key = await imported(JSON.stringify({ kty: 'oct', k: secret.toString('base64url') }));
    expect(key).toMatchObject({ kind: 'secret', algorithms: ['HS256'], description: `HMAC secret (${secret.length} bytes)` });
  });

  it('refuses a JWK whose public members belong to another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    const mixed = { ...rsaJwk, n: other.n };
    expect(await refusal(JSON.stringify(mixed))).toContain('its public members do not belong to its private key');
  });

  it('refuses public JWKs, encryption keys, short secrets and JWKS with several keys', async () => {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicOnly } = rsaJwk;
    expect(await refusal(JSON.stringify(publicOnly))).toContain('public JWK (no "d")');
    expect(await refusal(JSON.stringify({ ...rsaJwk, use: 'enc' }))).toContain('"use" is "enc"');
    expect(await refusal(JSON.stringify({ ...rsaJwk, key_ops: ['verify'] }))).toContain('do not include "sign"');
    expect(await refusal('{"kty":"oct","k":"c2hvcnQ"}')).toContain('5 bytes; HMAC signing needs at least 32');
    expect(await refusal(JSON.stringify({ keys: [rsaJwk, rsaJwk] }))).toContain('JWKS with 2 keys');
    expect(await refusal('{"kty": ')).toContain('not valid');
  });
});

describe('importPrivateKey: what cannot sign', () => {
  it('says a public key, certificate or key set is not a private key', async () => {
    expect(await refusal(readFixture('keys/sa-rsa.pub.pem'))).toContain('it is a public key, not a private key');
    expect(await refusal(readFixture('keys/sa-rsa.cert.pem'))).toContain('it is a certificate, not a private key');
    expect(await refusal(readFixture('keys/sa-rsa.pkcs1.pub.pem'))).toContain('PKCS#1 RSA public key, not a private key');
  });
  it('explains encrypted and OpenSSH keys', async () => {
    const encrypted = createPrivateKey(readFixture('keys/sa-rsa.key.pem')).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string;
    expect(await refusal(encrypted)).toContain('encrypted with a passphrase');
    expect(await refusal('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----')).toContain('OpenSSH format');
  });
  it('refuses text, tokens and nothing', async () => {
    expect(await refusal('')).toContain('nothing was pasted');
    expect(await refusal('my secret')).toContain('it is not a key');
    expect(await refusal(readFixture('tokens/pod-bound.jwt'))).toContain('it is a token');
    expect(await refusal('-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----')).toContain('not base64');
  });
});
