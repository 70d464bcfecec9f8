import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './der';
import { readCertificate } from './x509';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const pemDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'));

describe('readCertificate', () => {
  const cert = pemDer(fixture('keys/sa-rsa.cert.pem'));

  it('takes out the SubjectPublicKeyInfo and the subject CN', () => {
    const read = readCertificate(cert);
    expect(read.spki).toEqual(pemDer(fixture('keys/sa-rsa.pub.pem')));
    expect(read.subjectCommonName).toBe('service-accounts');
  });

  it('refuses trailing data unless asked to allow it (TRUSTED CERTIFICATE)', () => {
    const withAux = concatBytes(cert, Uint8Array.of(0x30, 0x00));
    expect(() => readCertificate(withAux)).toThrow(/unexpected bytes/);
    expect(readCertificate(withAux, true).subjectCommonName).toBe('service-accounts');
  });

  it('refuses a structure that is not a certificate', () => {
    expect(() => readCertificate(pemDer(fixture('keys/sa-rsa.pub.pem')))).toThrow();
  });
});
