import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { childrenOf, derOctetString, derOid, derSequence, derSmallInteger, readDer, readOctetString, readSequence } from './der';
import { OID } from './oids';
import { publicKeyFromPkcs8 } from './pkcs8';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const pemDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'));

describe('publicKeyFromPkcs8', () => {
  it.each([
    ['sa-rsa.key.pem', 'sa-rsa.pub.pem'],
    ['sa-ec.key.pem', 'sa-ec.pub.pem'],
    ['other-ed25519.key.pem', 'other-ed25519.pub.pem'],
    ['other-rsa-pss.key.pem', 'other-rsa-pss.pub.pem'],
  ])('reduces %s to the public key in %s', async (priv, pub) => {
    const facts = await publicKeyFromPkcs8(pemDer(fixture(`keys/${priv}`)));
    expect(facts.jwk).toEqual(createPublicKey(fixture(`keys/${pub}`)).export({ format: 'jwk' }));
  });

  it('derives the EC public point even when the inner SEC1 key omits it (as Go recomputes it)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const full = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
    const [version, algorithm, inner] = readSequence(readDer(full), 'pkcs8');
    const sec1Fields = childrenOf(readDer(readOctetString(inner, 'inner')));
    const withoutPublic = derSequence(...sec1Fields.filter((f) => f.tag !== 0xa1).map((f) => f.source.subarray(f.offset, f.end)));
    const stripped = derSequence(version!.source.subarray(version!.offset, version!.end), algorithm!.source.subarray(algorithm!.offset, algorithm!.end), derOctetString(withoutPublic));
    expect(stripped.length).toBeLessThan(full.length);
    expect((await publicKeyFromPkcs8(stripped)).jwk).toEqual(publicKey.export({ format: 'jwk' }));
  });

  it('restricts an id-RSASSA-PSS private key to PS* and reads its public numbers', async () => {
    const { privateKey } = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
    const facts = await publicKeyFromPkcs8(new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })));
    expect(facts.jwk.kty).toBe('RSA');
    expect(facts.sizeBits).toBe(2048);
    expect(facts.restriction?.algs).toEqual(['PS256', 'PS384', 'PS512']);
  });

  it('refuses key types JWS cannot use and unknown versions', async () => {
    const dh = derSequence(derSmallInteger(0), derSequence(derOid('1.3.101.111')), derOctetString(derOctetString(new Uint8Array(56))));
    await expect(publicKeyFromPkcs8(dh)).rejects.toThrow(/X448/);
    const v7 = derSequence(derSmallInteger(7), derSequence(derOid(OID.rsaEncryption)), derOctetString(new Uint8Array(1)));
    await expect(publicKeyFromPkcs8(v7)).rejects.toThrow(/version 7/);
  });

  it('matches node:crypto for the Kubernetes upstream test keys', async () => {
    const vector = JSON.parse(fixture('vectors/k8s-keyid-rsa.json')) as { key: { private_pem: string } };
    const pkcs8 = new Uint8Array(createPrivateKey(vector.key.private_pem).export({ format: 'der', type: 'pkcs8' }));
    expect((await publicKeyFromPkcs8(pkcs8)).jwk).toEqual(createPublicKey(vector.key.private_pem).export({ format: 'jwk' }));
  });
});
