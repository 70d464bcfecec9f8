import { describe, expect, it } from 'vitest';
import { EKS_ISSUER, NOW, boundToken, fixtureToken } from '../../testing/trustTokens';
import { evaluateTrust } from './evaluateTrust';
import type { TrustReport } from './trustReport';

// Policies follow the EKS IRSA guide ("Assign IAM roles to Kubernetes service accounts") and the
// IAM User Guide's condition operator reference.
const PROVIDER = EKS_ISSUER.slice('https://'.length);
const ARN = `arn:aws:iam::111122223333:oidc-provider/${PROVIDER}`;

function statement(condition: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) {
  return { Effect: 'Allow', Principal: { Federated: ARN }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}), ...extra };
}

const policy = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

const IRSA = statement({ StringEquals: { [`${PROVIDER}:sub`]: 'system:serviceaccount:prod:s3-reader', [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } });

const codes = (r: TrustReport) => r.reasons.map((x) => `${x.code}:${x.effect}`);

describe('AWS IAM role trust policy', () => {
  it('accepts the IRSA guide policy for its own service account and names the allowing statement', () => {
    const r = evaluateTrust(policy(IRSA), boundToken(), NOW);
    expect(r.kind).toBe('aws-trust-policy');
    expect(r.accepted).toBe('true');
    expect(codes(r)).toContain('aws-statement-allows:pass');
    expect(r.reasons.find((x) => x.code === 'aws-statement-allows')?.title).toBe('Statement 1 allows it');
    expect(r.fixes).toEqual([]);
  });

  it('refuses another service account and says which condition failed', () => {
    const r = evaluateTrust(policy(IRSA), boundToken({ sub: 'system:serviceaccount:prod:other' }), NOW);
    expect(r.accepted).toBe('false');
    expect(codes(r)).toEqual(expect.arrayContaining(['aws-implicit-deny:reject', 'aws-statement-condition:reject']));
    const why = r.reasons.find((x) => x.code === 'aws-statement-condition')!;
    expect(why.explanation).toContain(`StringEquals on ${PROVIDER}:sub`);
    expect(why.explanation).toContain('"system:serviceaccount:prod:other"');
    // The fix is a statement for this token's sub.
    const fix = r.fixes.find((f) => f.id === 'aws-trust-condition')!;
    expect(JSON.parse(fix.text).Condition.StringEquals[`${PROVIDER}:sub`]).toBe('system:serviceaccount:prod:other');
    expect(JSON.parse(fix.text).Principal.Federated).toBe(ARN);
  });

  it('refuses a token for another audience and offers kubectl create token for sts.amazonaws.com', () => {
    const r = evaluateTrust(policy(IRSA), boundToken({ aud: ['vault'] }), NOW);
    expect(r.accepted).toBe('false');
    expect(r.reasons.find((x) => x.code === 'aws-statement-condition')!.explanation).toContain(':aud');
    expect(r.fixes.find((f) => f.id === 'kubectl-create-token')?.text).toBe('kubectl create token --audience sts.amazonaws.com -n prod -- s3-reader');
  });

  it('refuses a token from another issuer: the Federated principal names another provider', () => {
    const r = evaluateTrust(policy(IRSA), boundToken({ iss: 'https://oidc.example.com/cluster-b' }), NOW);
    expect(r.accepted).toBe('false');
    expect(codes(r)).toContain('aws-statement-principal:reject');
    expect(r.reasons.find((x) => x.code === 'aws-statement-principal')!.explanation).toContain('oidc-provider/oidc.example.com/cluster-b');
  });

  it('StringLike matches * and ? wildcards', () => {
    const like = (pattern: string) => policy(statement({ StringLike: { [`${PROVIDER}:sub`]: pattern }, StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } }));
    expect(evaluateTrust(like('system:serviceaccount:prod:*'), boundToken(), NOW).accepted).toBe('true');
    expect(evaluateTrust(like('system:serviceaccount:prod:s3-reade?'), boundToken(), NOW).accepted).toBe('true');
    expect(evaluateTrust(like('system:serviceaccount:dev:*'), boundToken(), NOW).accepted).toBe('false');
    expect(evaluateTrust(like('system:serviceaccount:prod:s3-?'), boundToken(), NOW).accepted).toBe('false');
  });

  it('several values are alternatives (OR) and several keys must all hold (AND)', () => {
    const either = policy(statement({ StringEquals: { [`${PROVIDER}:sub`]: ['system:serviceaccount:a:b', 'system:serviceaccount:prod:s3-reader'], [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } }));
    expect(evaluateTrust(either, boundToken(), NOW).accepted).toBe('true');
    const both = policy(statement({ StringEquals: { [`${PROVIDER}:sub`]: 'system:serviceaccount:prod:s3-reader', [`${PROVIDER}:aud`]: 'other' } }));
    expect(evaluateTrust(both, boundToken(), NOW).accepted).toBe('false');
  });

  it('condition keys are case-insensitive, values are not', () => {
    const upperKey = policy(statement({ StringEquals: { [`${PROVIDER}:SUB`]: 'system:serviceaccount:prod:s3-reader', [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } }));
    expect(evaluateTrust(upperKey, boundToken(), NOW).accepted).toBe('true');
    const upperValue = policy(statement({ StringEquals: { [`${PROVIDER}:sub`]: 'SYSTEM:serviceaccount:prod:s3-reader', [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } }));
    expect(evaluateTrust(upperValue, boundToken(), NOW).accepted).toBe('false');
    const ignoreCase = policy(statement({ StringEqualsIgnoreCase: { [`${PROVIDER}:sub`]: 'SYSTEM:serviceaccount:prod:s3-reader' }, StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } }));
    expect(evaluateTrust(ignoreCase, boundToken(), NOW).accepted).toBe('true');
  });

  it('StringNotEquals and StringNotLike exclude', () => {
    const notProd = policy(statement({ StringNotLike: { [`${PROVIDER}:sub`]: 'system:serviceaccount:prod:*' }, StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } }));
    expect(evaluateTrust(notProd, boundToken(), NOW).accepted).toBe('false');
    const notOther = policy(statement({ StringNotEquals: { [`${PROVIDER}:sub`]: 'system:serviceaccount:kube-system:default' }, StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } }));
    expect(evaluateTrust(notOther, boundToken(), NOW).accepted).toBe('true');
  });

  it('an absent key is false, but true for ...IfExists, negated operators and ForAllValues', () => {
    const amr = `${PROVIDER}:amr`;
    const aud = { StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com', [`${PROVIDER}:sub`]: 'system:serviceaccount:prod:s3-reader' } };
    expect(evaluateTrust(policy(statement({ ...aud, StringLike: { [amr]: 'authenticated' } })), boundToken(), NOW).accepted).toBe('false');
    expect(evaluateTrust(policy(statement({ ...aud, StringLikeIfExists: { [amr]: 'authenticated' } })), boundToken(), NOW).accepted).toBe('true');
    expect(evaluateTrust(policy(statement({ ...aud, StringNotEquals: { [amr]: 'unauthenticated' } })), boundToken(), NOW).accepted).toBe('true');
    expect(evaluateTrust(policy(statement({ ...aud, 'ForAllValues:StringEquals': { [amr]: 'authenticated' } })), boundToken(), NOW).accepted).toBe('true');
    expect(evaluateTrust(policy(statement({ ...aud, 'ForAnyValue:StringEquals': { [amr]: 'authenticated' } })), boundToken(), NOW).accepted).toBe('false');
    expect(evaluateTrust(policy(statement({ ...aud, Null: { [amr]: 'true' } })), boundToken(), NOW).accepted).toBe('true');
  });

  it('ForAnyValue and ForAllValues over the amr claim', () => {
    const token = boundToken({ amr: ['authenticated', 'mfa'] });
    const base = { StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com', [`${PROVIDER}:sub`]: 'system:serviceaccount:prod:s3-reader' } };
    const amr = `${PROVIDER}:amr`;
    expect(evaluateTrust(policy(statement({ ...base, 'ForAnyValue:StringLike': { [amr]: 'mfa' } })), token, NOW).accepted).toBe('true');
    expect(evaluateTrust(policy(statement({ ...base, 'ForAllValues:StringLike': { [amr]: 'mfa' } })), token, NOW).accepted).toBe('false');
    expect(evaluateTrust(policy(statement({ ...base, 'ForAllValues:StringLike': { [amr]: ['mfa', 'auth*'] } })), token, NOW).accepted).toBe('true');
  });

  it('an explicit Deny wins over an Allow', () => {
    const deny = { Sid: 'NoProd', Effect: 'Deny', Principal: { Federated: ARN }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { [`${PROVIDER}:sub`]: 'system:serviceaccount:prod:*' } } };
    const r = evaluateTrust(policy(IRSA, deny), boundToken(), NOW);
    expect(r.accepted).toBe('false');
    expect(codes(r)).toEqual(expect.arrayContaining(['aws-statement-denies:reject', 'aws-statement-allows:info']));
    expect(r.reasons.find((x) => x.code === 'aws-statement-denies')!.title).toBe('Statement "NoProd" denies it');
  });

  it('with several statements, explains each one that does not apply', () => {
    const other = statement({ StringEquals: { [`${PROVIDER}:sub`]: 'system:serviceaccount:ci:deployer' } }, { Sid: 'CI' });
    const s3 = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
    const r = evaluateTrust(policy(other, s3), boundToken(), NOW);
    expect(r.accepted).toBe('false');
    expect(r.reasons.filter((x) => x.code === 'aws-statement-condition').map((x) => x.title)).toEqual(['Statement "CI": condition not met']);
    expect(r.reasons.find((x) => x.code === 'aws-statement-skipped')!.explanation).toContain('not sts:AssumeRoleWithWebIdentity');
  });

  it('without an aud condition, says that STS checks the provider’s client IDs (sts.amazonaws.com)', () => {
    const noAud = policy(statement({ StringEquals: { [`${PROVIDER}:sub`]: 'system:serviceaccount:prod:s3-reader' } }));
    const ok = evaluateTrust(noAud, boundToken(), NOW);
    expect(ok.accepted).toBe('true');
    expect(codes(ok)).toContain('aws-audience-client-id:info');
    const other = evaluateTrust(noAud, boundToken({ aud: ['vault'] }), NOW);
    expect(other.accepted).toBe('unknown');
    expect(other.reasons.find((x) => x.code === 'cannot-evaluate')!.explanation).toContain('sts.amazonaws.com');
  });

  it('warns when any service account of the issuer may assume the role', () => {
    const r = evaluateTrust(policy(statement({ StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } })), boundToken(), NOW);
    expect(r.accepted).toBe('true');
    expect(codes(r)).toContain('aws-sub-unrestricted:warn');
  });

  it('keys that depend on the request, and other operators, cannot be evaluated', () => {
    const ip = policy(statement({ StringEquals: { [`${PROVIDER}:sub`]: 'system:serviceaccount:prod:s3-reader', [`${PROVIDER}:aud`]: 'sts.amazonaws.com' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }));
    const r = evaluateTrust(ip, boundToken(), NOW);
    expect(r.accepted).toBe('unknown');
    expect(r.reasons.find((x) => x.code === 'cannot-evaluate')!.explanation).toContain('aws:SourceIp');
    const email = policy(statement({ StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com', [`${PROVIDER}:email`]: 'a@example.com' } }));
    expect(evaluateTrust(email, boundToken(), NOW).reasons.find((x) => x.code === 'cannot-evaluate')!.explanation).toContain('aud, sub and amr');
    const azp = evaluateTrust(policy(IRSA), boundToken({ azp: 'client-1' }), NOW);
    expect(azp.accepted).toBe('unknown');
  });

  it('reads aws iam get-role output, with the document as JSON or URL-encoded', () => {
    const document = JSON.parse(policy(IRSA));
    const asJson = JSON.stringify({ Role: { RoleName: 's3-reader', Arn: 'arn:aws:iam::111122223333:role/s3-reader', AssumeRolePolicyDocument: document } });
    const encoded = JSON.stringify({ Role: { RoleName: 's3-reader', AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(document)) } });
    expect(evaluateTrust(asJson, boundToken(), NOW)).toMatchObject({ kind: 'aws-trust-policy', accepted: 'true' });
    expect(evaluateTrust(encoded, boundToken(), NOW)).toMatchObject({ kind: 'aws-trust-policy', accepted: 'true' });
  });

  it('refuses the seed projected token: in-cluster issuer, API server audience, expired', () => {
    const r = evaluateTrust(policy(IRSA), fixtureToken('seed/v1.24-projected.jwt'), NOW);
    expect(r.accepted).toBe('false');
    expect(codes(r)).toEqual(expect.arrayContaining(['token-expired:reject', 'issuer-not-public:reject', 'token-audience-api-server:warn']));
    // Token-wide reasons come first.
    expect(r.reasons[0]!.group).toBe('token');
    // No trust statement is offered for an issuer AWS cannot reach.
    expect(r.fixes.some((f) => f.id === 'aws-trust-condition')).toBe(false);
  });

  it('refuses a legacy token before looking at the policy', () => {
    const r = evaluateTrust(policy(IRSA), fixtureToken('seed/v1.20-legacy.jwt'), NOW);
    expect(r.accepted).toBe('false');
    expect(r.headline).toBe('AWS STS would refuse this token: legacy Secret-based token.');
    expect(codes(r)).toContain('token-legacy:reject');
  });

  it('a policy without any web identity statement refuses every token', () => {
    const r = evaluateTrust(policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), boundToken(), NOW);
    expect(codes(r)).toContain('aws-no-web-identity-statement:reject');
  });
});
