import { describe, expect, it } from 'vitest';
import { EKS_ISSUER, NOW, boundToken, fixtureToken, makeToken } from '../../testing/trustTokens';
import { evaluateTrust } from './evaluateTrust';
import { TRUST_REASON_CATALOGUE, TRUST_REASON_CODES, makeTrustReason } from './trustCatalogue';

const PROVIDER = EKS_ISSUER.slice(8);
const IRSA = JSON.stringify({
  Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${PROVIDER}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com', [`${PROVIDER}:sub`]: 'system:serviceaccount:prod:s3-reader' } } }],
});

describe('evaluateTrust', () => {
  it('an unrecognised configuration is unknown with cannot-evaluate and the hint', () => {
    const r = evaluateTrust('{"hello": "world"}', boundToken(), NOW);
    expect(r).toMatchObject({ kind: 'unknown', accepted: 'unknown' });
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toMatchObject({ code: 'cannot-evaluate', effect: 'unknown' });
  });

  it('without a token, the verdict is unknown and says to paste one', () => {
    const r = evaluateTrust(IRSA, null, NOW);
    expect(r.accepted).toBe('unknown');
    expect(r.reasons[0]!.explanation).toContain('Paste a token');
  });

  it('reasons come in order: the token, what only the relying party can check, then its configuration', () => {
    const r = evaluateTrust(IRSA, boundToken(), NOW);
    expect(r.reasons.map((x) => x.code)).toEqual(['token-time-valid', 'issuer-public', 'rp-signature', 'rp-clock', 'rp-network', 'aws-statement-allows']);
    expect(r.reasons.map((x) => x.group)).toEqual(['token', 'relying-party-only', 'relying-party-only', 'relying-party-only', 'relying-party-only', 'relying-party']);
    expect(r.reasons.find((x) => x.code === 'rp-signature')!.explanation).toContain(`${EKS_ISSUER}/.well-known/openid-configuration`);
  });

  it('an unsigned token and a token without exp are refused by OIDC relying parties', () => {
    const none = makeToken({ iss: EKS_ISSUER, sub: 'system:serviceaccount:prod:s3-reader', aud: ['sts.amazonaws.com'], exp: NOW + 600 }, { alg: 'none' });
    expect(evaluateTrust(IRSA, none, NOW).reasons.map((x) => x.code)).toContain('token-unsigned');
    const noExp = makeToken({ iss: EKS_ISSUER, sub: 'system:serviceaccount:prod:s3-reader', aud: ['sts.amazonaws.com'] });
    const r = evaluateTrust(IRSA, noExp, NOW);
    expect(r.accepted).toBe('false');
    expect(r.reasons.map((x) => `${x.code}:${x.effect}`)).toContain('token-no-expiry:reject');
  });

  it('an expired token is refused by every relying party, first among the reasons', () => {
    const expired = boundToken({ exp: NOW - 3600 });
    const r = evaluateTrust(IRSA, expired, NOW);
    expect(r.reasons[0]).toMatchObject({ code: 'token-expired', effect: 'reject', group: 'token' });
    expect(r.headline).toBe('AWS STS would refuse this token: expired.');
  });

  it('a token not valid yet, without iss, with an http issuer, or not from Kubernetes says so', () => {
    const codes = (claims: Record<string, unknown>) => evaluateTrust(IRSA, makeToken(claims), NOW).reasons.map((x) => `${x.code}:${x.effect}`);
    const base = { sub: 'system:serviceaccount:prod:s3-reader', aud: ['sts.amazonaws.com'], exp: NOW + 3600 };
    expect(codes({ ...base, iss: EKS_ISSUER, nbf: NOW + 600 })).toContain('token-not-yet-valid:reject');
    expect(codes(base)).toContain('issuer-missing:reject');
    expect(codes({ ...base, iss: 'http://oidc.example.com' })).toContain('issuer-not-https:reject');
    expect(codes({ ...base, iss: EKS_ISSUER })).toContain('token-not-kubernetes:info');
  });

  it('a condition that reads a missing claim fails at the relying party too', () => {
    const gcp = JSON.stringify({
      name: 'projects/1/locations/global/workloadIdentityPools/p/providers/q',
      attributeMapping: { 'google.subject': 'assertion.sub' },
      attributeCondition: "assertion.email.endsWith('@example.com')",
      oidc: { issuerUri: EKS_ISSUER, allowedAudiences: ['sts.amazonaws.com'] },
    });
    const r = evaluateTrust(gcp, boundToken(), NOW);
    expect(r.accepted).toBe('false');
    expect(r.reasons.find((x) => x.code === 'expression-error')!.explanation).toContain('email');
  });

  it('the report is plain data (it crosses a worker boundary unchanged)', () => {
    const r = evaluateTrust(IRSA, fixtureToken('tokens/custom-audience.jwt'), NOW);
    expect(structuredClone(r)).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('trust reason catalogue', () => {
  it('every code has a title and an explanation', () => {
    const sample = { field: 'f', rp: 'RP', iss: 'i', aud: 'a', sub: 's', expected: 'e', hint: '', claim: 'c', actual: 'v', source: 'x', failing: '', message: 'm', subject: 'the subject', detail: 'the detail', statement: 'Statement 1', why: 'the why', principals: 'p', detailText: '', exp: 'e', ago: 'a', nbf: 'n', until: 'u', state: 's', bytes: 1, type: 't', alias: 'a', summary: 's', issuers: 'i', how: 'the how text', consequence: 'c' };
    for (const code of TRUST_REASON_CODES) {
      const reason = makeTrustReason(code, 'info', 'token', sample as never);
      expect(reason.title.length, code).toBeGreaterThan(3);
      expect(reason.explanation.length, code).toBeGreaterThan(3);
      expect(Object.hasOwn(TRUST_REASON_CATALOGUE, code)).toBe(true);
    }
  });
});
