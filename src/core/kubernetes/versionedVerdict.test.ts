import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken, type JsonObject } from '../jws/decodeToken';
import { parseKeyInput } from '../keys/parseKeyInput';
import { verifySignature, type SignatureResult } from '../verify/verifySignature';
import type { ClaimPolicy } from './apiServerVerdict';
import { apiServerVerdictAcrossVersions } from './versionedVerdict';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8').trim();
const manifest = JSON.parse(fixture('MANIFEST.json')) as { issuer: string; iat: number };
const NOW = manifest.iat + 600;
const policy = (over: Partial<ClaimPolicy> = {}): ClaimPolicy => ({ issuers: [manifest.issuer], audiences: [], nowSeconds: NOW, ...over });

/** Signs `payload` with the cluster's sa-rsa key under `kid`, and verifies it with the public PEM. */
async function signed(payload: JsonObject, kid: string): Promise<{ claims: JsonObject; signature: SignatureResult }> {
  const input = `${Buffer.from(JSON.stringify({ alg: 'RS256', kid })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const token = `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(fixture('keys/sa-rsa.key.pem'))).toString('base64url')}`;
  const decoded = decodeToken(token);
  const signature = await verifySignature(decoded, await parseKeyInput(fixture('keys/sa-rsa.pub.pem'), { secretEncoding: 'utf8' }));
  expect(signature.state).toBe('verified');
  return { claims: decoded.claims as JsonObject, signature };
}
const podBound = () => decodeToken(fixture('tokens/pod-bound.jwt')).claims as JsonObject;
const derivedKid = () => decodeToken(fixture('tokens/pod-bound.jwt')).headerObject?.kid as string;

describe('a verdict that depends on the version says which versions, computed by judging every version', () => {
  it('D1 kid mismatch: refused from 1.31, accepted on 1.20–1.30', async () => {
    const { claims, signature } = await signed(podBound(), 'custom-signer-key-7');
    const latest = apiServerVerdictAcrossVersions(claims, policy(), signature);
    expect(latest.accepted).toBe(false);
    expect(latest.reasons).toEqual([expect.objectContaining({ code: 'kid-mismatch', versions: '1.31-latest', scope: 'from 1.31', text: expect.stringMatching(/^refused from 1\.31: kube-apiserver 1\.31 and later select keys by kid/) })]);
    expect(latest.acceptedBy).toBe('1.20-1.30');
    expect(latest.dependsOnVersion).toBe('accepted on 1.20–1.30, refused from 1.31: kube-apiserver would not select this key');

    const v130 = apiServerVerdictAcrossVersions(claims, policy({ version: '1.30' }), signature);
    expect(v130.accepted).toBe(true);
    expect(v130.reasons).toEqual([]);
    expect(v130.elsewhere).toEqual([expect.objectContaining({ code: 'kid-mismatch', versions: '1.31-latest' })]);
  });

  it('the genuine token (derived kid) is the same everywhere: no ranges, no "depends"', async () => {
    const { claims, signature } = await signed(podBound(), derivedKid());
    const verdict = apiServerVerdictAcrossVersions(claims, policy({ version: '1.24' }), signature);
    expect(verdict).toMatchObject({ accepted: true, reasons: [], elsewhere: [], acceptedBy: '1.20-latest', dependsOnVersion: null });
  });

  it('D2 missing exp: refused on 1.20–1.26, a warning from 1.27', async () => {
    const { claims, signature } = await signed({ ...podBound(), exp: undefined }, derivedKid());
    const v126 = apiServerVerdictAcrossVersions(claims, policy({ version: '1.26' }), signature);
    expect(v126.reasons).toEqual([expect.objectContaining({ code: 'missing-exp', versions: '1.20-1.26', text: expect.stringMatching(/^refused on 1\.20–1\.26: service account token has expired/) })]);
    const latest = apiServerVerdictAcrossVersions(claims, policy(), signature);
    expect(latest.accepted).toBe(true);
    expect(latest.warnings).toEqual([expect.objectContaining({ code: 'no-exp', versions: '1.27-latest', text: 'from 1.27: The token has no "exp": it does not expire by itself.' })]);
    expect(latest.elsewhere.map((r) => [r.code, r.versions])).toEqual([['missing-exp', '1.20-1.26']]);
    expect(latest.dependsOnVersion).toMatch(/^accepted from 1\.27, refused on 1\.20–1\.26/);
  });

  it('D3 future iat: accepted on 1.20–1.26, refused from 1.27', async () => {
    const { claims, signature } = await signed({ ...podBound(), nbf: undefined, iat: NOW + 3600 }, derivedKid());
    const latest = apiServerVerdictAcrossVersions(claims, policy(), signature);
    expect(latest.reasons).toEqual([expect.objectContaining({ code: 'issued-in-future', versions: '1.27-latest' })]);
    expect(latest.acceptedBy).toBe('1.20-1.26');
    expect(apiServerVerdictAcrossVersions(claims, policy({ version: '1.22' }), signature)).toMatchObject({ accepted: true, reasons: [] });
  });

  it('a reason on every version carries the full range and its plain message', async () => {
    const { claims, signature } = await signed({ ...podBound(), aud: ['vault'] }, derivedKid());
    const verdict = apiServerVerdictAcrossVersions(claims, policy(), signature);
    expect(verdict.reasons).toEqual([expect.objectContaining({ code: 'audience-mismatch', versions: '1.20-latest', scope: null })]);
    expect(verdict.reasons[0]?.text).toBe(verdict.reasons[0]?.message);
  });
});
