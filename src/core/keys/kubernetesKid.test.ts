import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kubernetesKidOf } from './kubernetesKid';
import type { PublicJwk } from './publicJwk';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const manifest = JSON.parse(fixture('MANIFEST.json')) as { keys: Record<string, { kid: string }> };
const jwkOf = (pem: string) => createPublicKey(pem).export({ format: 'jwk' }) as PublicJwk;
/** The definition, computed independently: SHA-256 over node's own SPKI DER. */
const oracleKid = (pem: string) => createHash('sha256').update(createPublicKey(pem).export({ format: 'der', type: 'spki' })).digest('base64url');

describe('kubernetesKidOf', () => {
  it.each(['sa-rsa', 'sa-rsa-rotated-out', 'sa-ec', 'other-ed25519', 'other-rsa-pss'])('gives MANIFEST.json\'s kid for %s', async (name) => {
    expect(await kubernetesKidOf(jwkOf(fixture(`keys/${name}.pub.pem`)))).toBe(manifest.keys[name]?.kid);
  });

  it('pins the upstream constants of k/k keyid_test.go and jwt_test.go', async () => {
    for (const file of ['k8s-keyid-rsa.json', 'k8s-keyid-ecdsa.json']) {
      const vector = JSON.parse(fixture(`vectors/${file}`)) as { key: { pem: string; private_pem: string }; expect_detail: { kid: string } };
      expect(await kubernetesKidOf(jwkOf(vector.key.pem))).toBe(vector.expect_detail.kid);
      expect(await kubernetesKidOf(jwkOf(vector.key.private_pem))).toBe(vector.expect_detail.kid);
    }
  });

  it('agrees with SHA-256 over the SPKI for fresh keys of every supported type', async () => {
    const pairs = [
      generateKeyPairSync('rsa', { modulusLength: 2048 }),
      generateKeyPairSync('rsa', { modulusLength: 3072, publicExponent: 3 }),
      generateKeyPairSync('ec', { namedCurve: 'P-256' }),
      generateKeyPairSync('ec', { namedCurve: 'P-384' }),
      generateKeyPairSync('ec', { namedCurve: 'P-521' }),
      generateKeyPairSync('ed25519'),
    ];
    for (const { publicKey } of pairs) {
      const pem = publicKey.export({ format: 'pem', type: 'spki' }) as string;
      expect(await kubernetesKidOf(jwkOf(pem))).toBe(oracleKid(pem));
    }
  });

  it('is not the RFC 7638 thumbprint', async () => {
    const jwk = jwkOf(fixture('keys/sa-rsa.pub.pem'));
    const thumbprint = createHash('sha256').update(JSON.stringify({ e: (jwk as { e: string }).e, kty: 'RSA', n: (jwk as { n: string }).n })).digest('base64url');
    expect(await kubernetesKidOf(jwk)).not.toBe(thumbprint);
    expect(createPrivateKey(fixture('keys/sa-rsa.key.pem')).asymmetricKeyType).toBe('rsa');
  });
});
