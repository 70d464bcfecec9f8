import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derOctetString, derSequence, derSmallInteger } from './der';
import { identifyDerKey, isPrivateForm, publicKeyFromDer } from './derKey';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const pemDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'));
const sec1Pem = (JSON.parse(fixture('vectors/k8s-keyid-ecdsa.json')) as { key: { private_pem: string } }).key.private_pem;
const encrypted = createPrivateKey(fixture('keys/sa-ec.key.pem')).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'pw' }) as string;

describe('identifyDerKey', () => {
  it.each([
    ['keys/sa-rsa.pub.pem', 'spki'],
    ['keys/sa-rsa.cert.pem', 'certificate'],
    ['keys/sa-rsa.pkcs1.pub.pem', 'pkcs1-public'],
    ['keys/sa-rsa.pkcs1.key.pem', 'pkcs1-private'],
    ['keys/sa-rsa.key.pem', 'pkcs8'],
    ['keys/other-ed25519.key.pem', 'pkcs8'],
  ])('recognises %s as %s from its structure alone', (file, form) => {
    expect(identifyDerKey(pemDer(fixture(file)))).toBe(form);
  });

  it('recognises SEC1 and encrypted PKCS#8', () => {
    expect(identifyDerKey(pemDer(sec1Pem))).toBe('sec1');
    expect(identifyDerKey(pemDer(encrypted))).toBe('encrypted-pkcs8');
  });

  it('returns null for DER that is no key and for bytes that are not DER', () => {
    expect(identifyDerKey(derSequence(derSmallInteger(5), derOctetString(new Uint8Array(2)), derSmallInteger(1)))).toBeNull();
    expect(identifyDerKey(new TextEncoder().encode('hello'))).toBeNull();
    expect(identifyDerKey(Uint8Array.of(0x02, 0x01, 0x01))).toBeNull();
  });

  it('recognises a multi-prime PKCS#1 key (a SEQUENCE of other primes after nine INTEGERs)', () => {
    const fields = Array.from({ length: 9 }, (_, i) => derSmallInteger(i === 0 ? 1 : 3));
    expect(identifyDerKey(derSequence(...fields, derSequence(derSequence(derSmallInteger(5), derSmallInteger(7), derSmallInteger(11)))))).toBe('pkcs1-private');
  });

  it('marks private forms', () => {
    expect(['pkcs1-private', 'pkcs8', 'sec1'].every((f) => isPrivateForm(f as never))).toBe(true);
    expect(['spki', 'certificate', 'pkcs1-public'].some((f) => isPrivateForm(f as never))).toBe(false);
  });
});

describe('publicKeyFromDer', () => {
  const rsaJwk = createPublicKey(fixture('keys/sa-rsa.pub.pem')).export({ format: 'jwk' });
  it.each([
    ['keys/sa-rsa.pub.pem', 'spki'],
    ['keys/sa-rsa.cert.pem', 'certificate'],
    ['keys/sa-rsa.pkcs1.pub.pem', 'pkcs1-public'],
    ['keys/sa-rsa.pkcs1.key.pem', 'pkcs1-private'],
    ['keys/sa-rsa.key.pem', 'pkcs8'],
  ] as const)('gives the same RSA public key from %s', async (file, form) => {
    expect((await publicKeyFromDer(pemDer(fixture(file)), form)).facts.jwk).toEqual(rsaJwk);
  });

  it('reduces a SEC1 key to its public key', async () => {
    const key = await publicKeyFromDer(pemDer(sec1Pem), 'sec1');
    expect(key.facts.jwk).toEqual(createPublicKey(sec1Pem).export({ format: 'jwk' }));
  });

  it('says an encrypted key must be decrypted first', async () => {
    await expect(publicKeyFromDer(pemDer(encrypted), 'encrypted-pkcs8')).rejects.toThrow(/encrypted with a passphrase/);
  });
});
