import { createHash, createPrivateKey, createPublicKey, type JsonWebKey as NodeJwk } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KEY_CHOICES, generateSigningKey, type KeyChoice } from './generateKey';
import type { SigningKey } from './signingKey';

const generated = async (choice: KeyChoice): Promise<SigningKey> => {
  const result = await generateSigningKey(choice);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('generateSigningKey', () => {
  it.each([
    ['RSA-2048', 'RSA 2048-bit', 'RS256'],
    ['RSA-3072', 'RSA 3072-bit', 'RS256'],
    ['EC-P-256', 'EC P-256', 'ES256'],
    ['EC-P-384', 'EC P-384', 'ES384'],
    ['EC-P-521', 'EC P-521', 'ES512'],
    ['Ed25519', 'Ed25519', 'EdDSA'],
  ] as const)('%s: a fresh key pair whose kid is the Kubernetes kid', async (choice, description, alg) => {
    const key = await generated(choice);
    expect(key).toMatchObject({ kind: 'asymmetric', description, source: 'generated in this browser' });
    expect(key.algorithms[0]).toBe(alg);
    if (key.kind !== 'asymmetric') return;
    // Independently: node derives the public key from the private one and hashes its DER SPKI.
    const publicKey = createPublicKey(createPrivateKey({ key: key.privateKey.jwk() as NodeJwk, format: 'jwk' }));
    expect(key.kubernetesKid).toBe(createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url'));
  });

  it('RSA 4096 is offered and generated', { timeout: 30_000 }, async () => {
    expect(await generated('RSA-4096')).toMatchObject({ description: 'RSA 4096-bit', sizeBits: 4096 });
  });

  it.each([
    ['HMAC-32', 32, 'HS256'],
    ['HMAC-48', 48, 'HS384'],
    ['HMAC-64', 64, 'HS512'],
  ] as const)('%s: random secret of %i bytes, defaulting to %s', async (choice, bytes, alg) => {
    const key = await generated(choice);
    expect(key.kind).toBe('secret');
    if (key.kind !== 'secret') return;
    expect(key.secret.byteLength).toBe(bytes);
    expect(key.algorithms[0]).toBe(alg);
    const other = await generated(choice);
    expect(other.kind === 'secret' && Buffer.from(other.secret.bytes()).equals(Buffer.from(key.secret.bytes()))).toBe(false);
  });

  it('each choice in the menu generates', () => {
    expect(KEY_CHOICES.map((c) => c.value)).toEqual(['RSA-2048', 'RSA-3072', 'RSA-4096', 'EC-P-256', 'EC-P-384', 'EC-P-521', 'Ed25519', 'HMAC-32', 'HMAC-48', 'HMAC-64']);
  });
});
