import { describe, expect, it } from 'vitest';
import { describeCaCert, readSecret, summarizeCaCert } from './secretDocument';

const pem = (n: number) => Array.from({ length: n }, () => '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').join('');
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('readSecret', () => {
  it('never decodes the token of a Secret that is not a service-account-token Secret unless asked', () => {
    const jwt = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';
    const opaque = { kind: 'Secret', type: 'Opaque', data: { token: b64(jwt), password: b64('hunter2') } };
    expect(readSecret(opaque).token).toBeNull();
    expect(readSecret(opaque, { anyType: true }).token).toBe(jwt);
    expect(readSecret(opaque).dataKeys).toEqual(['token', 'password']);
  });

  it('does not take a non-JWT value from an Opaque Secret even when asked', () => {
    const s = readSecret({ kind: 'Secret', type: 'Opaque', data: { token: b64('ghp_secret') } }, { anyType: true });
    expect(s.token).toBeNull();
    expect(s.tokenProblem).toMatch(/not decode to a JWT/);
  });

  it('reads YAML numbers as text (uid: 12345)', () => {
    const s = readSecret({ kind: 'Secret', metadata: { annotations: { 'kubernetes.io/service-account.uid': 12345 } } });
    expect(s.serviceAccountUid).toBe('12345');
  });

  it('summarises ca.crt from stringData as well', () => {
    expect(readSecret({ kind: 'Secret', stringData: { 'ca.crt': pem(2) } }).caCrt).toEqual({ bytes: pem(2).length, isPem: true, certificates: 2 });
  });
});

describe('summarizeCaCert', () => {
  it('counts certificates and says when it is not PEM', () => {
    expect(describeCaCert(summarizeCaCert(new TextEncoder().encode(pem(3))))).toBe(`${pem(3).length} bytes, PEM, 3 certificates`);
    expect(describeCaCert(summarizeCaCert(Uint8Array.from([0x30, 0x82])))).toBe('2 bytes, not a PEM certificate');
  });
});
