import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EKS_ISSUER, NOW, boundToken, fixtureToken } from '../../testing/trustTokens';
import { evaluateTrust } from './evaluateTrust';
import type { TrustReport } from './trustReport';

// After the structured authentication configuration in the Kubernetes docs ("Authenticating",
// JWT authenticator section): another cluster trusting this cluster's service account tokens.
const parseYaml = (text: string) => parse(text, { maxAliasCount: 100 });

const config = (jwt: string) => `apiVersion: apiserver.config.k8s.io/v1beta1
kind: AuthenticationConfiguration
jwt:
- issuer:
    url: ${EKS_ISSUER}
    audiences:
    - cluster-b
    - sts.amazonaws.com
    audienceMatchPolicy: MatchAny
${jwt}`;

const BASIC = config(`  claimMappings:
    username:
      claim: sub
      prefix: "cluster-a:"
    groups:
      expression: "['cluster-a:' + claims['kubernetes.io'].namespace]"
    uid:
      claim: jti
    extra:
    - key: example.com/pod
      valueExpression: "claims['kubernetes.io'].pod.name"
  claimValidationRules:
  - claim: iss
    requiredValue: ${EKS_ISSUER}
  - expression: "claims.iat + 86400 >= claims.exp"
    message: tokens must live at most a day
  userValidationRules:
  - expression: "!user.username.startsWith('system:')"
    message: "username cannot use the reserved system: prefix"
`);

const codes = (r: TrustReport) => r.reasons.map((x) => `${x.code}:${x.effect}`);
const attribute = (r: TrustReport, name: string) => r.identity?.attributes.find((a) => a.name === name)?.values;

describe('Kubernetes AuthenticationConfiguration', () => {
  it('computes the username, groups, uid and extra the other cluster assigns', () => {
    const r = evaluateTrust(BASIC, boundToken(), NOW, { parseYaml });
    expect(r.kind).toBe('k8s-authentication-config');
    expect(r.accepted).toBe('true');
    expect(attribute(r, 'username')).toEqual(['cluster-a:system:serviceaccount:prod:s3-reader']);
    expect(attribute(r, 'groups')).toEqual(['cluster-a:prod', 'system:authenticated']);
    expect(attribute(r, 'uid')).toEqual(['3f0c2b1e-7d55-4e0a-9d1c-2c6c7e5c8b11']);
    expect(attribute(r, 'extra example.com/pod')).toEqual(['my-app-7d4b9c']);
    expect(codes(r)).toEqual(expect.arrayContaining(['issuer-match:pass', 'audience-match:pass', 'claim-match:pass', 'expression-true:pass', 'identity:pass']));
  });

  it('uses the token’s whole numbers as CEL ints, as kube-apiserver does (claims.iat + 86400)', () => {
    const r = evaluateTrust(BASIC, boundToken({ exp: 1768469400 + 90000 }), 1768469400 + 60, { parseYaml });
    expect(r.accepted).toBe('false');
    const rule = r.reasons.find((x) => x.code === 'expression-false')!;
    expect(rule.explanation).toContain('tokens must live at most a day');
  });

  it('no authenticator takes a token from another issuer', () => {
    const r = evaluateTrust(BASIC, fixtureToken('tokens/custom-audience.jwt'), 1768469400 + 60, { parseYaml });
    expect(codes(r)).toContain('k8s-no-issuer:reject');
    expect(r.reasons.find((x) => x.code === 'k8s-no-issuer')!.explanation).toContain('https://kubernetes.default.svc.cluster.local');
  });

  it('refuses a token without one of the audiences and offers a token for the first', () => {
    const r = evaluateTrust(BASIC, boundToken({ aud: ['vault'] }), NOW, { parseYaml });
    expect(codes(r)).toContain('audience-mismatch:reject');
    expect(r.fixes[0]!.text).toBe('kubectl create token --audience cluster-b -n prod -- s3-reader');
  });

  it('a userValidationRule that rejects the mapped user names its message', () => {
    const noPrefix = BASIC.replace('prefix: "cluster-a:"', 'prefix: ""');
    const r = evaluateTrust(noPrefix, boundToken(), NOW, { parseYaml });
    expect(r.accepted).toBe('false');
    const rule = r.reasons.find((x) => x.code === 'expression-false')!;
    expect(rule.explanation).toContain('userValidationRules[0]');
    expect(rule.explanation).toContain('reserved system: prefix');
  });

  it('requiredValue must equal the claim', () => {
    const r = evaluateTrust(config(`  claimMappings:
    username:
      claim: sub
      prefix: ""
  claimValidationRules:
  - claim: hd
    requiredValue: example.com
`), boundToken(), NOW, { parseYaml });
    expect(codes(r)).toContain('claim-missing:reject');
  });

  it('a username expression that reads a missing claim refuses the token', () => {
    const r = evaluateTrust(config(`  claimMappings:
    username:
      expression: "claims.email"
`), boundToken(), NOW, { parseYaml });
    expect(r.accepted).toBe('false');
    expect(r.reasons.find((x) => x.code === 'mapping-failed')!.explanation).toContain('email');
  });

  it('email as username requires email_verified to be true when present', () => {
    const cfg = config(`  claimMappings:
    username:
      claim: email
      prefix: ""
`);
    expect(evaluateTrust(cfg, boundToken({ email: 'a@example.com' }), NOW, { parseYaml }).accepted).toBe('true');
    expect(codes(evaluateTrust(cfg, boundToken({ email: 'a@example.com', email_verified: false }), NOW, { parseYaml }))).toContain('k8s-email-not-verified:reject');
  });

  it('a configuration kube-apiserver would not load cannot be evaluated', () => {
    const noPrefix = config(`  claimMappings:
    username:
      claim: sub
`);
    const r = evaluateTrust(noPrefix, boundToken(), NOW, { parseYaml });
    expect(r.accepted).toBe('unknown');
    expect(r.reasons.find((x) => x.code === 'cannot-evaluate')!.explanation).toContain('prefix is required when claim is set');
  });

  it('CEL the tool cannot evaluate (optional fields, unknown functions) is unknown, not a guess', () => {
    const optional = config(`  claimMappings:
    username:
      expression: "claims.?email.orValue(claims.sub)"
`);
    const r = evaluateTrust(optional, boundToken(), NOW, { parseYaml });
    expect(r.accepted).toBe('unknown');
    expect(r.reasons.find((x) => x.code === 'cannot-evaluate')!.explanation).toContain('optional field selection');
    const url = config(`  claimMappings:
    username:
      claim: sub
      prefix: ""
  claimValidationRules:
  - expression: "url(claims.iss).getHost() == 'oidc.eks.us-west-2.amazonaws.com'"
`);
    expect(evaluateTrust(url, boundToken(), NOW, { parseYaml }).accepted).toBe('unknown');
  });

  it('a string groups claim is one group; a prefix is prepended', () => {
    const cfg = config(`  claimMappings:
    username:
      claim: sub
      prefix: ""
    groups:
      claim: team
      prefix: "oidc:"
`);
    const r = evaluateTrust(cfg, boundToken({ team: 'payments' }), NOW, { parseYaml });
    expect(attribute(r, 'groups')).toEqual(['oidc:payments', 'system:authenticated']);
  });
});
