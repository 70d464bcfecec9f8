import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SecretKeyMaterial, describeKeyShape, publicCandidate, secretCandidate } from './candidateKey';
import { KeyFormatError } from './keyFormatError';
import { factsFromPublicJwk, type PublicJwk } from './publicJwk';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const facts = (file: string) => factsFromPublicJwk(createPublicKey(fixture(file)).export({ format: 'jwk' }) as PublicJwk);

afterEach(() => vi.restoreAllMocks());

describe('publicCandidate', () => {
  it('lists everything the UI shows about a key', async () => {
    const candidate = await publicCandidate(facts('keys/sa-ec.pub.pem'), { id: 'key-1', label: 'PEM block 1 (PUBLIC KEY)', fromPrivateKey: false, givenKid: 'mine', jwkAlg: 'ES256', use: 'sig' });
    expect(candidate).toMatchObject({
      id: 'key-1',
      kty: 'EC',
      curve: 'P-256',
      sizeBits: 256,
      kubernetesKid: 'IsfKdZRDAKoTXC6bDBanu2u2W1Cc4tD2BRn-sti0LjM',
      thumbprint: 'XLl3Y3T-lUFArcRWbChQhuJCGBE_8rI1LrIQVkrc2AM',
      givenKid: 'mine',
      publicJwk: { kty: 'EC', crv: 'P-256', kid: 'mine', alg: 'ES256', use: 'sig' },
    });
    expect(candidate.secret).toBeUndefined();
    expect(candidate.unusableReason).toBeUndefined();
  });

  it('refuses an EC point that is not on its curve', async () => {
    const jwk = createPublicKey(fixture('keys/sa-ec.pub.pem')).export({ format: 'jwk' }) as { x: string; y: string };
    const offCurve = factsFromPublicJwk({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.x });
    await expect(publicCandidate(offCurve, { id: 'k', label: 'k', fromPrivateKey: false })).rejects.toThrow(KeyFormatError);
  });

  it('keeps a key the browser cannot use, marked unusable', async () => {
    vi.spyOn(globalThis.crypto.subtle, 'importKey').mockRejectedValueOnce(new DOMException('Ed25519 unsupported', 'NotSupportedError'));
    const candidate = await publicCandidate(facts('keys/other-ed25519.pub.pem'), { id: 'k', label: 'k', fromPrivateKey: false });
    expect(candidate.unusableReason).toBe('this browser cannot use Ed25519 keys');
    expect(candidate.kubernetesKid).toBe('Vqw_tTxvSuFA4KFQKrqBXsjh4p5HWFubPx-8dq5vmrc');
  });
});

describe('secretCandidate and SecretKeyMaterial', () => {
  it('holds the bytes for verification but never prints them', () => {
    const candidate = secretCandidate(new TextEncoder().encode('hunter2-hunter2'), { id: 'key-1', label: 'HMAC secret', fromPrivateKey: false });
    expect(candidate).toMatchObject({ kty: 'oct', sizeBits: 120, kubernetesKid: null, thumbprint: null, publicJwk: { kty: 'oct' } });
    expect(JSON.stringify(candidate)).not.toContain('hunter2');
    expect(`${candidate.secret}`).toBe('[hidden secret, 15 bytes]');
    expect(Object.keys(candidate.secret as object)).toEqual([]);
    expect(new TextDecoder().decode(candidate.secret?.bytes())).toBe('hunter2-hunter2');
  });

  it('hands out copies, so the held secret cannot be changed from outside', () => {
    const source = Uint8Array.of(1, 2, 3);
    const secret = new SecretKeyMaterial(source);
    source[0] = 9;
    secret.bytes()[1] = 9;
    expect(secret.bytes()).toEqual(Uint8Array.of(1, 2, 3));
    expect(secret.byteLength).toBe(3);
  });
});

describe('describeKeyShape', () => {
  it('says type and size in a few words', () => {
    expect(describeKeyShape({ kty: 'RSA', sizeBits: 2048 })).toBe('RSA 2048-bit');
    expect(describeKeyShape({ kty: 'EC', curve: 'P-521' })).toBe('EC P-521');
    expect(describeKeyShape({ kty: 'OKP', curve: 'Ed25519' })).toBe('Ed25519');
    expect(describeKeyShape({ kty: 'oct', sizeBits: 304 })).toBe('HMAC secret, 304 bits');
  });
});
