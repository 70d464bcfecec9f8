import { constants, createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { privateJwkFromDer, wrapPkcs1AsPkcs8 } from './privateKeyDer';

const der = (pem: string, type: 'pkcs1' | 'pkcs8' | 'sec1') => new Uint8Array(createPrivateKey(pem).export({ format: 'der', type }));

describe('wrapPkcs1AsPkcs8', () => {
  it('gives the bytes OpenSSL writes for the same key', () => {
    const pem = readFixture('keys/sa-rsa.pkcs1.key.pem');
    expect(Buffer.from(wrapPkcs1AsPkcs8(der(pem, 'pkcs1')))).toEqual(Buffer.from(der(pem, 'pkcs8')));
  });
});

describe('privateJwkFromDer', () => {
  it('reads PKCS#1, PKCS#8 and SEC1 into the same private JWK node reads', async () => {
    const rsa = readFixture('keys/sa-rsa.key.pem');
    const ec = readFixture('keys/sa-ec.key.pem');
    const expectedRsa = createPrivateKey(rsa).export({ format: 'jwk' });
    const expectedEc = createPrivateKey(ec).export({ format: 'jwk' });
    expect((await privateJwkFromDer(der(rsa, 'pkcs1'), 'pkcs1-private')).jwk).toMatchObject(expectedRsa);
    expect((await privateJwkFromDer(der(rsa, 'pkcs8'), 'pkcs8')).jwk).toMatchObject(expectedRsa);
    expect((await privateJwkFromDer(der(ec, 'sec1'), 'sec1')).jwk).toMatchObject(expectedEc);
    expect((await privateJwkFromDer(der(ec, 'pkcs8'), 'pkcs8')).jwk).toMatchObject(expectedEc);
  });
  it('carries an id-RSASSA-PSS key as RSA restricted to its PSS algorithm', async () => {
    // @types/node types saltLength as a string; node takes a number.
    const options = { modulusLength: 2048, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256', saltLength: 32 as unknown as string };
    const { privateKey } = generateKeyPairSync('rsa-pss', options);
    const pssDer = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
    expect(Buffer.from(pssDer).toString('hex')).toContain('06092a864886f70d01010a'); // id-RSASSA-PSS
    const reading = await privateJwkFromDer(pssDer, 'pkcs8');
    expect(reading.restrictTo?.algs).toEqual(['PS256']);
    // Same key: a PS256 signature made from the JWK verifies with node's own public key.
    const cryptoKey = await crypto.subtle.importKey('jwk', reading.jwk, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
    const message = Buffer.from('probe');
    const signature = Buffer.from(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, cryptoKey, message));
    expect(verify('sha256', message, { key: createPublicKey(privateKey), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)).toBe(true);
  });
  it('refuses public keys and encrypted keys', async () => {
    await expect(privateJwkFromDer(new Uint8Array([0x30, 0]), 'spki')).rejects.toThrow(/public key; signing needs the private key/);
    await expect(privateJwkFromDer(new Uint8Array([0x30, 0]), 'encrypted-pkcs8')).rejects.toThrow(/passphrase/);
  });
});
