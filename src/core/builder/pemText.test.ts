import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToPem } from './pemText';

describe('derToPem', () => {
  it('writes what OpenSSL writes', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    expect(derToPem('PUBLIC KEY', new Uint8Array(der))).toBe(publicKey.export({ type: 'spki', format: 'pem' }));
    expect(createPublicKey(derToPem('PUBLIC KEY', new Uint8Array(der))).equals(publicKey)).toBe(true);
  });
  it('handles large inputs without overflowing the stack', () => {
    const pem = derToPem('X', new Uint8Array(200_000).fill(0xff));
    expect(pem.split('\n').slice(1, -2).every((line) => line.length <= 64)).toBe(true);
  });
});
