import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derSequence, derSmallInteger } from './der';
import { encodeRsaPublicKey, readRsaPrivateKeyPublicNumbers, readRsaPublicKey } from './pkcs1';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const pemDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'));
const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('PKCS#1', () => {
  const expected = createPublicKey(fixture('keys/sa-rsa.pub.pem')).export({ format: 'jwk' });

  it('reads n and e from an RSA PUBLIC KEY', () => {
    const { n, e } = readRsaPublicKey(pemDer(fixture('keys/sa-rsa.pkcs1.pub.pem')));
    expect([b64u(n), b64u(e)]).toEqual([expected.n, expected.e]);
  });

  it('reads only n and e from an RSA PRIVATE KEY (kubeadm sa.key)', () => {
    const numbers = readRsaPrivateKeyPublicNumbers(pemDer(fixture('keys/sa-rsa.pkcs1.key.pem')));
    expect(Object.keys(numbers)).toEqual(['n', 'e']);
    expect([b64u(numbers.n), b64u(numbers.e)]).toEqual([expected.n, expected.e]);
  });

  it('writes back the exact bytes of an RSAPublicKey', () => {
    const der = pemDer(fixture('keys/sa-rsa.pkcs1.pub.pem'));
    expect(encodeRsaPublicKey(readRsaPublicKey(der))).toEqual(der);
  });

  it('refuses structures with the wrong number of fields or an unknown version', () => {
    expect(() => readRsaPublicKey(derSequence(derSmallInteger(5)))).toThrow(/2 fields/);
    expect(() => readRsaPrivateKeyPublicNumbers(derSequence(derSmallInteger(0), derSmallInteger(5)))).toThrow(/at least 9 fields/);
    const nine = (version: number) => derSequence(derSmallInteger(version), ...Array.from({ length: 8 }, () => derSmallInteger(3)));
    expect(() => readRsaPrivateKeyPublicNumbers(nine(7))).toThrow(/version 7/);
  });
});
