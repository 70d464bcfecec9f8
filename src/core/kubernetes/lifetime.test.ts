import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { lifetimeOf } from './lifetime';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const decodeFixture = (path: string) => decodeToken(fixture(path).trim());
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const withTimes = (iat: number, ttl: number, k: Record<string, unknown> = { pod: { name: 'p', uid: 'u' } }) =>
  decodeToken(`${b64({ alg: 'RS256' })}.${b64({ iat, nbf: iat, exp: iat + ttl, 'kubernetes.io': { namespace: 'ns', serviceaccount: { name: 's' }, ...k } })}.c2ln`);

/** fixtures/MANIFEST.json: iat = nbf = 2026-01-15T09:30:00Z. */
const IAT = 1768469400;

describe('lifetimeOf: extended pod token (fixtures/tokens/pod-bound-extended.jwt)', () => {
  const token = decodeFixture('tokens/pod-bound-extended.jwt');

  it('separates the effective lifetime (warnafter − iat) from the hard exp', () => {
    const l = lifetimeOf(token, IAT + 60);
    expect(l.extended).toBe(true);
    expect(l.effectiveLifetimeSeconds).toBe(3607);
    expect(l.hardLifetimeSeconds).toBe(31536000);
    expect(l.effectiveEnd).toBe(1768473007);
    expect(l.notes[0]).toMatch(/effective lifetime 1 h 0 min 7 s \(3607 s, until warnafter\); hard expiry 365 days/);
  });

  it('refreshes at 80 % of the requested 3607 s: 2886 s after issue', () => {
    const l = lifetimeOf(token, IAT + 60);
    expect(l.requestedTtlSeconds).toBe(3607);
    expect(l.ttlSource).toBe('warnafter');
    expect(l.kubeletRefresh).toEqual({ at: IAT + 2886, afterSeconds: 2886, rule: '80%', due: false, jitterSeconds: 10 });
    expect(lifetimeOf(token, IAT + 2886).kubeletRefresh?.due).toBe(true);
  });

  it('is stale once past warnafter', () => {
    expect(lifetimeOf(token, 1768473007).stale).toBe(false);
    const l = lifetimeOf(token, 1768473007 + 90);
    expect(l.stale).toBe(true);
    expect(l.secondsPastWarnafter).toBe(90);
    expect(l.notes.join(' ')).toMatch(/authentication\.k8s\.io\/stale-token/);
  });

  it('accepts it until exp + 60 s', () => {
    expect(lifetimeOf(token, IAT).acceptedUntil).toBe(1800005400 + 60);
  });

  it('a TokenRequest expirationTimestamp earlier than exp reveals the extension', () => {
    const l = lifetimeOf(token, IAT, { expirationTimestamp: IAT + 3607 });
    expect(l.extensionRevealed).toBe(true);
    expect(l.ttlSource).toBe('expiration-timestamp');
    expect(l.notes.join(' ')).toMatch(/earlier than exp/);
  });
});

describe('lifetimeOf: other tokens', () => {
  it('a 3607 s pod token that was not extended says why it may not be', () => {
    const l = lifetimeOf(decodeFixture('tokens/pod-bound.jwt'), IAT);
    expect(l.extended).toBe(false);
    expect(l.effectiveLifetimeSeconds).toBe(3607);
    expect(l.kubeletRefresh?.afterSeconds).toBe(2886);
    expect(l.notes.join(' ')).toMatch(/not extended/);
  });

  it('the TokenRequest fixture: expirationTimestamp equals exp, no kubelet (not a pod token)', () => {
    const l = lifetimeOf(decodeFixture('tokens/unbound-tokenrequest.jwt'), IAT, { expirationTimestamp: Date.parse('2026-01-15T10:30:00Z') / 1000 });
    expect(l.extensionRevealed).toBe(false);
    expect(l.requestedTtlSeconds).toBe(3600);
    expect(l.kubeletRefresh).toBeNull();
  });

  it('uses integer math: TTL*20/100 rounds down', () => {
    expect(lifetimeOf(withTimes(IAT, 3601), IAT).kubeletRefresh?.afterSeconds).toBe(3601 - 720);
    expect(lifetimeOf(withTimes(IAT, 3603), IAT).kubeletRefresh?.afterSeconds).toBe(3603 - 720); // 720.6 → 720
    expect(lifetimeOf(withTimes(IAT, 600), IAT).kubeletRefresh?.afterSeconds).toBe(480);
  });

  it('caps the refresh at 24 h, which matters only past 30 h', () => {
    expect(lifetimeOf(withTimes(IAT, 108000), IAT).kubeletRefresh).toMatchObject({ afterSeconds: 86400, rule: '80%' });
    expect(lifetimeOf(withTimes(IAT, 108001), IAT).kubeletRefresh).toMatchObject({ afterSeconds: 86400, rule: '24h' });
    expect(lifetimeOf(withTimes(IAT, 200000), IAT).kubeletRefresh).toMatchObject({ at: IAT + 86400, rule: '24h' });
  });

  it('prefers a requested TTL given by the caller', () => {
    const l = lifetimeOf(withTimes(IAT, 7200), IAT, { requestedTtlSeconds: 3600 });
    expect(l.ttlSource).toBe('option');
    expect(l.kubeletRefresh?.afterSeconds).toBe(2880);
  });

  it('a legacy token has no lifetime at all', () => {
    const l = lifetimeOf(decodeFixture('tokens/legacy-secret.jwt'), IAT);
    expect(l).toMatchObject({ iat: null, exp: null, extended: false, hardLifetimeSeconds: null, kubeletRefresh: null, stale: false, acceptedUntil: null });
    expect(l.notes).toEqual([]);
  });
});
