import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derBitString, derOid, derSequence, readBitString, readDer, readSequence } from './der';
import { OID } from './oids';
import { encodeSpki, readSpki } from './spki';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const pemDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'));
const spkiOf = (key: ReturnType<typeof createPublicKey>) => new Uint8Array(key.export({ format: 'der', type: 'spki' }));

/** An RSA key and the same key as an id-RSASSA-PSS SPKI without parameters (node cannot export PSS keys as JWK). */
function pssTwin() {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
  const keyBits = readBitString(readSequence(readDer(spkiOf(rsa)), 'spki')[1], 'key');
  return { rsa, pss: derSequence(derSequence(derOid(OID.rsassaPss)), derBitString(keyBits)) };
}

/** RSA-PSS key options; @types/node types saltLength as a string, node takes a number. */
const pssParams = (hash: string, saltLength: number) => ({ modulusLength: 2048, hashAlgorithm: hash, mgf1HashAlgorithm: hash, saltLength: saltLength as unknown as string });

describe('readSpki', () => {
  it.each(['sa-rsa.pub.pem', 'sa-ec.pub.pem', 'other-ed25519.pub.pem'])('reads %s as node:crypto does', (file) => {
    const pem = fixture(`keys/${file}`);
    const facts = readSpki(pemDer(pem));
    expect(facts.jwk).toEqual(createPublicKey(pem).export({ format: 'jwk' }));
  });

  it('reports size and curve', () => {
    expect(readSpki(pemDer(fixture('keys/sa-rsa.pub.pem')))).toMatchObject({ sizeBits: 2048 });
    expect(readSpki(pemDer(fixture('keys/sa-ec.pub.pem')))).toMatchObject({ sizeBits: 256, curve: 'P-256' });
    const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey;
    expect(readSpki(spkiOf(p521))).toMatchObject({ sizeBits: 521, curve: 'P-521' });
  });

  it('reads an id-RSASSA-PSS key as RSA restricted to PS* (WebCrypto cannot import that SPKI)', () => {
    const { rsa, pss } = pssTwin();
    expect(createPublicKey({ key: Buffer.from(pss), format: 'der', type: 'spki' }).asymmetricKeyType).toBe('rsa-pss');
    const facts = readSpki(pss);
    expect(facts.jwk).toEqual(rsa.export({ format: 'jwk' }));
    expect(facts.restriction?.algs).toEqual(['PS256', 'PS384', 'PS512']);
  });

  it('narrows an id-RSASSA-PSS key with parameters to the one JWS algorithm they fit', () => {
    const sha384 = generateKeyPairSync('rsa-pss', pssParams('sha384', 48)).publicKey;
    expect(readSpki(spkiOf(sha384)).restriction?.algs).toEqual(['PS384']);
    const sha1 = generateKeyPairSync('rsa-pss', pssParams('sha1', 20)).publicKey;
    expect(readSpki(spkiOf(sha1)).restriction).toMatchObject({ algs: [], reason: expect.stringMatching(/fit no JWS algorithm/) });
    const oddSalt = generateKeyPairSync('rsa-pss', pssParams('sha256', 20)).publicKey;
    expect(readSpki(spkiOf(oddSalt)).restriction?.algs).toEqual([]);
  });

  it('explains key types and encodings that cannot verify a JWS here', () => {
    expect(() => readSpki(spkiOf(generateKeyPairSync('ed448').publicKey))).toThrow(/Ed448 \(1\.3\.101\.113\) cannot verify a JWS/);
    expect(() => readSpki(spkiOf(generateKeyPairSync('x25519').publicKey))).toThrow(/X25519/);
    expect(() => readSpki(spkiOf(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey))).toThrow(/secp256k1/);
    const ec = pemDer(fixture('keys/sa-ec.pub.pem'));
    const point = readSpki(ec).jwk as { x: string; y: string };
    const compressed = derSequence(derSequence(derOid(OID.ecPublicKey), derOid(OID.prime256v1)), derBitString(Uint8Array.of(0x02, ...Buffer.from(point.x, 'base64url'))));
    expect(() => readSpki(compressed)).toThrow(/compressed form/);
    const explicit = derSequence(derSequence(derOid(OID.ecPublicKey), derSequence()), derBitString(Uint8Array.of(4)));
    expect(() => readSpki(explicit)).toThrow(/explicit curve parameters/);
  });
});

describe('encodeSpki', () => {
  it.each(['sa-rsa.pub.pem', 'sa-ec.pub.pem', 'other-ed25519.pub.pem', 'other-rsa-pss.pub.pem'])('re-encodes %s byte for byte', (file) => {
    const der = pemDer(fixture(`keys/${file}`));
    expect(encodeSpki(readSpki(der).jwk)).toEqual(der);
  });

  it('writes an id-RSASSA-PSS key the way Go marshals an *rsa.PublicKey (rsaEncryption)', () => {
    const { rsa, pss } = pssTwin();
    expect(encodeSpki(readSpki(pss).jwk)).toEqual(spkiOf(rsa));
  });

  it('matches node:crypto for P-384 and P-521 keys', () => {
    for (const namedCurve of ['P-384', 'P-521']) {
      const key = generateKeyPairSync('ec', { namedCurve }).publicKey;
      expect(encodeSpki(readSpki(spkiOf(key)).jwk)).toEqual(spkiOf(key));
    }
  });
});
