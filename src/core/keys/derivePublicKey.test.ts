import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derivePublicKeyFromPkcs8 } from './derivePublicKey';
import { curveByName } from './oids';

describe('derivePublicKeyFromPkcs8', () => {
  it.each(['P-256', 'P-384', 'P-521'] as const)('derives the %s public point and nothing private', async (name) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: name });
    const facts = await derivePublicKeyFromPkcs8(new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })), { kind: 'ec', curve: curveByName(name)! });
    expect(facts.jwk).toEqual(publicKey.export({ format: 'jwk' }));
    expect(JSON.stringify(facts)).not.toContain(privateKey.export({ format: 'jwk' }).d);
  });

  it('derives an Ed25519 public key from its seed', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const facts = await derivePublicKeyFromPkcs8(new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })), { kind: 'ed25519' });
    expect(facts.jwk).toEqual(publicKey.export({ format: 'jwk' }));
  });

  it('rejects (for its caller to report) bytes WebCrypto refuses', async () => {
    await expect(derivePublicKeyFromPkcs8(Uint8Array.of(0x30, 0), { kind: 'ed25519' })).rejects.toThrow();
  });
});
