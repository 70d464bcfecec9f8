import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as jose from 'jose';
import { parseKeyInput } from '../keys/parseKeyInput';
import type { CandidateKey } from '../keys/candidateKey';
import { algorithmSpec, type AlgorithmSpec } from './algorithms';
import { checkSignatureWithKey, type SigningParts } from './checkSignatureWithKey';

// jose stays real; each test may make one call misbehave.
vi.mock('jose', async (importOriginal) => {
  const original = await importOriginal<typeof import('jose')>();
  return { ...original, importJWK: vi.fn(original.importJWK), flattenedVerify: vi.fn(original.flattenedVerify) };
});

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const partsOf = (token: string): SigningParts => {
  const [p = '', q = '', s = ''] = token.trim().split('.');
  return { protected: p, payload: q, signature: s };
};
const spec = (alg: string) => algorithmSpec(alg) as AlgorithmSpec;
const keyFrom = async (file: string, encoding: 'utf8' | 'base64url' = 'utf8'): Promise<CandidateKey> => (await parseKeyInput(fixture(file), { secretEncoding: encoding, textIsHmacSecret: true })).candidates[0] as CandidateKey;
const sigBytes = (parts: SigningParts) => Buffer.from(parts.signature, 'base64url').length;

afterEach(() => vi.restoreAllMocks());

describe('checkSignatureWithKey', () => {
  it('matches the key that signed the token and no other', async () => {
    const parts = partsOf(fixture('tokens/pod-bound.jwt'));
    expect(await checkSignatureWithKey(parts, spec('RS256'), await keyFrom('keys/sa-rsa.pub.pem'), sigBytes(parts))).toEqual({ outcome: 'match' });
    expect(await checkSignatureWithKey(parts, spec('RS256'), await keyFrom('keys/sa-rsa-rotated-out.pub.pem'), sigBytes(parts))).toEqual({ outcome: 'mismatch', detail: null });
  });

  it('verifies ECDSA, EdDSA, PSS and HMAC', async () => {
    const cases: [string, string, string][] = [
      ['tokens/secret-bound.jwt', 'ES256', 'keys/sa-ec.pub.pem'],
      ['tokens/eddsa-generic.jwt', 'EdDSA', 'keys/other-ed25519.pub.pem'],
      ['tokens/ps256-generic.jwt', 'PS256', 'keys/other-rsa-pss.pub.pem'],
      ['tokens/hs256-generic.jwt', 'HS256', 'keys/hmac-secret.txt'],
    ];
    for (const [token, alg, key] of cases) {
      const parts = partsOf(fixture(token));
      expect(await checkSignatureWithKey(parts, spec(alg), await keyFrom(key), sigBytes(parts))).toEqual({ outcome: 'match' });
    }
  });

  it('explains a signature whose length cannot fit the key', async () => {
    const parts = partsOf(fixture('tokens/secret-bound.jwt'));
    const der = { ...parts, signature: Buffer.concat([Buffer.from([0x30, 0x44, 0x02, 0x20]), Buffer.from(parts.signature, 'base64url'), Buffer.alloc(4)]).toString('base64url') };
    const check = await checkSignatureWithKey(der, spec('ES256'), await keyFrom('keys/sa-ec.pub.pem'), 72);
    expect(check).toEqual({ outcome: 'mismatch', detail: 'the signature has 72 bytes; ES256 signatures have 64 (it may be DER-encoded; JWS uses raw r‖s)' });
    const rsaParts = partsOf(fixture('tokens/pod-bound.jwt'));
    const short = { ...rsaParts, signature: rsaParts.signature.slice(0, 300) };
    expect(await checkSignatureWithKey(short, spec('RS256'), await keyFrom('keys/sa-rsa.pub.pem'), 225)).toMatchObject({ outcome: 'mismatch', detail: expect.stringMatching(/makes 256-byte signatures/) });
  });

  it('reports a failed import as an error, not a mismatch', async () => {
    vi.mocked(jose.importJWK).mockRejectedValueOnce(new TypeError('bad key'));
    const parts = partsOf(fixture('tokens/pod-bound.jwt'));
    expect(await checkSignatureWithKey(parts, spec('RS256'), await keyFrom('keys/sa-rsa.pub.pem'), 256)).toEqual({ outcome: 'error', message: 'the key could not be imported for RS256 (TypeError: bad key)' });
  });

  it('reports a crypto exception as an error even when jose wraps it as a verification failure', async () => {
    vi.spyOn(globalThis.crypto.subtle, 'verify').mockRejectedValueOnce(new DOMException('engine failure', 'OperationError'));
    const parts = partsOf(fixture('tokens/pod-bound.jwt'));
    expect(await checkSignatureWithKey(parts, spec('RS256'), await keyFrom('keys/sa-rsa.pub.pem'), 256)).toEqual({ outcome: 'error', message: 'the check could not be completed (OperationError: engine failure)' });
  });

  it('never reports a match when jose throws anything at all', async () => {
    const parts = partsOf(fixture('tokens/pod-bound.jwt'));
    const key = await keyFrom('keys/sa-rsa.pub.pem');
    for (const thrown of [new Error('x'), 'a string', null, undefined, { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', cause: 1 }]) {
      vi.mocked(jose.flattenedVerify).mockRejectedValueOnce(thrown);
      const check = await checkSignatureWithKey(parts, spec('RS256'), key, 256);
      expect(check.outcome).not.toBe('match');
    }
  });

  it('refuses an HMAC key without secret bytes', async () => {
    const key = { ...(await keyFrom('keys/hmac-secret.txt')), secret: undefined } as CandidateKey;
    const parts = partsOf(fixture('tokens/hs256-generic.jwt'));
    expect((await checkSignatureWithKey(parts, spec('HS256'), key, 32)).outcome).toBe('error');
  });
});
