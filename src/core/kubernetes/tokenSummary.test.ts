import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { evaluateValidity } from '../time/validity';
import type { SignatureResult, SignatureState } from '../verify/verifySignature';
import { classifyToken } from './classifyToken';
import { identityOf } from './identity';
import { lifetimeOf } from './lifetime';
import { summarizeToken } from './tokenSummary';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8').trim();
const IAT = 1768469400;
const signature = (state: SignatureState, over: Partial<SignatureResult> = {}): SignatureResult => ({ state, message: `message for ${state}`, alg: 'RS256', tokenKid: null, kubernetesAlgorithm: true, attempts: [], kidsPresent: [], notes: [], warnings: [], ...over });

function summarize(token: string, at: number, sig: SignatureResult | null = signature('no-key')) {
  const decoded = decodeToken(token);
  const classification = classifyToken(decoded);
  return summarizeToken({
    classification,
    validity: evaluateValidity(decoded.claims, at),
    lifetime: lifetimeOf(decoded, at),
    signature: sig ?? undefined,
    identity: identityOf(decoded, classification),
    atSeconds: at,
    pinned: false,
  });
}

describe('summarizeToken', () => {
  it('explains an extended token as fresh until warnafter and hard-expiring at exp, relative to now', () => {
    const s = summarize(fixture('tokens/pod-bound-extended.jwt'), IAT + 600);
    expect(s.kind).toMatchObject({ kind: 'pod-bound', extended: true, tone: 'info' });
    expect(s.kind.text).toBe('Extended expiry: fresh until warnafter (in 50 minutes), hard expiry at exp (in 12 months).');
    expect(s.time).toMatchObject({ state: 'valid', tone: 'good', icon: 'check', title: 'Valid' });
  });

  it('a legacy token: kind and time warn, never expires, identity is the service account', () => {
    const s = summarize(fixture('tokens/legacy-secret.jwt'), IAT);
    expect(s.kind).toMatchObject({ kind: 'legacy', extended: false, tone: 'warning', icon: 'alert' });
    expect(s.time).toMatchObject({ state: 'no-expiry', title: 'Never expires', tone: 'warning', icon: 'clock' });
    expect(s.identity).toMatchObject({ username: 'system:serviceaccount:default:sa-token-demo', title: 'system:serviceaccount:default:sa-token-demo', tone: 'info' });
    expect(s.identity.text).toContain('3 groups');
  });

  it('no key is neutral with a question mark and asks for the public key; never red', () => {
    const s = summarize(fixture('tokens/pod-bound.jwt'), IAT + 600);
    expect(s.signature).toMatchObject({ state: 'no-key', tone: 'neutral', icon: 'question', title: "Not checked — add the cluster's public key", matchedKid: null });
  });

  it('each signature state has its own icon and title, and the matched kid is carried', () => {
    const token = fixture('tokens/pod-bound.jwt');
    expect(summarize(token, IAT, signature('verified', { matchedKid: 'abc' })).signature).toMatchObject({ tone: 'good', icon: 'check', title: 'Verified', matchedKid: 'abc' });
    expect(summarize(token, IAT, signature('invalid')).signature).toMatchObject({ tone: 'danger', icon: 'cross', text: 'message for invalid' });
    expect(summarize(token, IAT, null).signature).toMatchObject({ state: 'pending', tone: 'neutral' });
  });

  it('an expired token is red with a cross; in the leeway it only warns', () => {
    const token = fixture('tokens/pod-bound.jwt');
    expect(summarize(token, IAT + 3607 + 3600).time).toMatchObject({ state: 'expired', tone: 'danger', icon: 'cross' });
    expect(summarize(token, IAT + 3607 + 30).time).toMatchObject({ state: 'valid', tone: 'warning', title: 'Valid (within the leeway)' });
  });

  it('a token that is not a Kubernetes token has no identity, said in words', () => {
    const s = summarize(fixture('tokens/hs256-generic.jwt'), IAT);
    expect(s.kind).toMatchObject({ kind: 'not-kubernetes', icon: 'question' });
    expect(s.identity).toMatchObject({ username: null, title: 'No service account', tone: 'neutral' });
  });
});
