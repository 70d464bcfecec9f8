import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken, type JsonObject } from '../jws/decodeToken';
import { apiServerVerdict, type ClaimPolicy } from './apiServerVerdict';
import type { SignatureResult, SignatureState } from '../verify/verifySignature';
import { overallVerdict } from './overallVerdict';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const manifest = JSON.parse(fixture('MANIFEST.json')) as { issuer: string; iat: number };
const claimsOf = (file: string) => decodeToken(fixture(`tokens/${file}`).trim()).claims as JsonObject;
const policy = (nowSeconds = manifest.iat + 600): ClaimPolicy => ({ issuers: [manifest.issuer], audiences: [], nowSeconds });
const signature = (state: SignatureState): SignatureResult => ({ state, message: state, alg: 'RS256', tokenKid: null, kubernetesAlgorithm: true, attempts: [], kidsPresent: [], notes: [], warnings: [] });
const judge = (file: string, state: SignatureState | undefined, now?: number) =>
  overallVerdict(apiServerVerdict(claimsOf(file), policy(now), state ? signature(state) : undefined), state);

describe('overallVerdict', () => {
  it('a healthy token with no key is undecided and neutral, never refused', () => {
    const v = judge('pod-bound.jwt', 'no-key');
    expect(v.accepted).toBe('undecided');
    expect(v.tone).toBe('neutral');
    expect(v.headline).not.toMatch(/refuse/i);
    expect(v.headline).toContain("add the cluster's public key");
    expect(v.refusedBy).toEqual([]);
    expect(v.keyDependent.map((r) => r.code)).toEqual(['signature-not-checked']);
  });

  it('a verified signature and no reason accepts', () => {
    const v = judge('pod-bound.jwt', 'verified');
    expect(v).toMatchObject({ accepted: 'true', tone: 'good', refusedBy: [], keyDependent: [] });
  });

  it('an expired token is refused whatever the key: no key, a wrong key or the right one', () => {
    const twoDays = manifest.iat + 2 * 86400;
    for (const state of ['no-key', 'invalid', 'verified'] as const) {
      const v = judge('pod-bound.jwt', state, twoDays);
      expect(v.accepted, state).toBe('false');
      expect(v.refusedBy.map((r) => r.code)).toEqual(['expired']);
      expect(v.headline).toContain('1 reason');
    }
  });

  it('a signature that fails with the key given leaves it undecided, in a warning tone', () => {
    for (const state of ['invalid', 'no-matching-key', 'error', 'unsupported'] as const) {
      const v = judge('pod-bound.jwt', state);
      expect(v.accepted, state).toBe('undecided');
      expect(v.tone).toBe('warning');
      expect(v.headline).not.toMatch(/^Accepted/);
    }
  });

  it('alg none is refused: no key can make it acceptable', () => {
    expect(judge('pod-bound.jwt', 'unsecured').accepted).toBe('false');
  });

  it('while the signature is checked, a token with no other reason is undecided', () => {
    expect(judge('pod-bound.jwt', undefined)).toMatchObject({ accepted: 'undecided', tone: 'neutral' });
  });

  it('a legacy token with a missing claim is refused even without a key', () => {
    const claims = claimsOf('legacy-secret.jwt');
    delete claims['kubernetes.io/serviceaccount/secret.name'];
    const v = overallVerdict(apiServerVerdict(claims, policy(), signature('no-key')), 'no-key');
    expect(v.accepted).toBe('false');
    expect(v.refusedBy.map((r) => r.code)).toEqual(['legacy-secret-missing']);
  });
});
