import { describe, expect, it } from 'vitest';
import { EKS_ISSUER, NOW, boundToken, fixtureToken } from '../../testing/trustTokens';
import { evaluateTrust } from './evaluateTrust';
import type { TrustReport } from './trustReport';

// `vault read -format=json auth/kubernetes/role/demo` and `auth/jwt/role/demo`, with the fields of
// Vault's Kubernetes and JWT auth method API docs.
const wrap = (data: Record<string, unknown>) => JSON.stringify({ request_id: 'a1b2', lease_id: '', lease_duration: 0, renewable: false, data, warnings: null });

const k8sRole = (overrides: Record<string, unknown> = {}) =>
  wrap({
    alias_name_source: 'serviceaccount_uid',
    audience: 'vault',
    bound_service_account_names: ['sa-token-demo'],
    bound_service_account_namespace_selector: '',
    bound_service_account_namespaces: ['default'],
    token_policies: ['demo'],
    token_ttl: 3600,
    ...overrides,
  });

const jwtRole = (overrides: Record<string, unknown> = {}) =>
  wrap({ role_type: 'jwt', bound_audiences: ['vault'], user_claim: 'sub', bound_subject: '', bound_claims: null, bound_claims_type: 'string', claim_mappings: null, token_policies: ['demo'], ...overrides });

const custom = () => fixtureToken('tokens/custom-audience.jwt'); // aud vault + sts.amazonaws.com, default/sa-token-demo
const codes = (r: TrustReport) => r.reasons.map((x) => `${x.code}:${x.effect}`);
const attribute = (r: TrustReport, name: string) => r.identity?.attributes.find((a) => a.name === name)?.values;

describe('Vault Kubernetes auth role', () => {
  it('accepts the custom-audience token and shows the entity alias; names TokenReview', () => {
    const r = evaluateTrust(k8sRole(), custom(), NOW);
    expect(r.kind).toBe('vault-kubernetes-role');
    expect(r.accepted).toBe('true');
    expect(codes(r)).toEqual(expect.arrayContaining(['audience-match:pass', 'claim-match:pass', 'vault-alias:info', 'vault-tokenreview:info']));
    expect(attribute(r, 'alias')).toEqual(['3743eb1d-ae51-43ed-ae31-90bca3f5ea20']);
    expect(attribute(r, 'policies')).toEqual(['demo']);
    // The in-cluster issuer does not matter: Vault asks the cluster.
    expect(codes(r).some((c) => c.startsWith('issuer-'))).toBe(false);
  });

  it('globs names and namespaces: *, prefix* and *suffix', () => {
    expect(evaluateTrust(k8sRole({ bound_service_account_names: ['*'], bound_service_account_namespaces: ['def*'] }), custom(), NOW).accepted).toBe('true');
    expect(evaluateTrust(k8sRole({ bound_service_account_names: ['*-demo'] }), custom(), NOW).accepted).toBe('true');
    expect(evaluateTrust(k8sRole({ bound_service_account_names: ['sa-*'], bound_service_account_namespaces: ['prod-*'] }), custom(), NOW).accepted).toBe('false');
    const r = evaluateTrust(k8sRole({ bound_service_account_names: ['other'] }), custom(), NOW);
    expect(r.reasons.find((x) => x.code === 'claim-mismatch')!.explanation).toContain('"sa-token-demo"');
  });

  it('a namespace selector is evaluated by Vault against the cluster: unknown', () => {
    const r = evaluateTrust(k8sRole({ bound_service_account_namespaces: [], bound_service_account_namespace_selector: '{"matchLabels":{"vault":"yes"}}' }), custom(), NOW);
    expect(r.accepted).toBe('unknown');
    expect(r.reasons.find((x) => x.code === 'cannot-evaluate')!.title).toContain('bound_service_account_namespace_selector');
  });

  it('refuses a token without the role’s audience and offers one with it', () => {
    const r = evaluateTrust(k8sRole(), fixtureToken('tokens/pod-bound.jwt'), NOW);
    expect(r.accepted).toBe('false');
    expect(codes(r)).toContain('audience-mismatch:reject');
    expect(r.fixes[0]!.text).toBe('kubectl create token --audience vault -n default -- sa-token-demo');
  });

  it('without an audience on the role, warns that any token works', () => {
    const r = evaluateTrust(k8sRole({ audience: '' }), fixtureToken('tokens/pod-bound.jwt'), NOW);
    expect(r.accepted).toBe('true');
    expect(codes(r)).toContain('audience-unchecked:warn');
  });

  it('alias_name_source serviceaccount_name gives namespace/name', () => {
    expect(attribute(evaluateTrust(k8sRole({ alias_name_source: 'serviceaccount_name' }), custom(), NOW), 'alias')).toEqual(['default/sa-token-demo']);
  });

  it('accepts a legacy token (TokenReview does) but warns', () => {
    const r = evaluateTrust(k8sRole({ audience: '', bound_service_account_names: ['default'] }), fixtureToken('seed/v1.20-legacy.jwt'), NOW);
    expect(r.accepted).toBe('true');
    expect(codes(r)).toContain('token-legacy-tokenreview:warn');
  });

  it('refuses an expired token', () => {
    const r = evaluateTrust(k8sRole({ audience: '', bound_service_account_names: ['default'] }), fixtureToken('seed/v1.24-projected.jwt'), NOW);
    expect(codes(r)).toContain('token-expired:reject');
  });
});

describe('Vault JWT auth role', () => {
  it('accepts a token with a bound audience and names the alias from user_claim', () => {
    const r = evaluateTrust(jwtRole(), custom(), NOW);
    expect(r.kind).toBe('vault-jwt-role');
    expect(r.accepted).toBe('true');
    expect(attribute(r, 'alias')).toEqual(['system:serviceaccount:default:sa-token-demo']);
  });

  it('bound_subject must equal sub', () => {
    expect(codes(evaluateTrust(jwtRole({ bound_subject: 'system:serviceaccount:default:other' }), custom(), NOW))).toContain('subject-mismatch:reject');
  });

  it('bound_claims with JSON pointers, lists and the glob type', () => {
    const ns = { '/kubernetes.io/namespace': 'default' };
    expect(evaluateTrust(jwtRole({ bound_claims: ns }), custom(), NOW).accepted).toBe('true');
    expect(evaluateTrust(jwtRole({ bound_claims: { '/kubernetes.io/namespace': ['prod', 'staging'] } }), custom(), NOW).accepted).toBe('false');
    expect(evaluateTrust(jwtRole({ bound_claims: { sub: 'system:serviceaccount:default:*' } }), custom(), NOW).accepted).toBe('false');
    expect(evaluateTrust(jwtRole({ bound_claims: { sub: 'system:serviceaccount:default:*' }, bound_claims_type: 'glob' }), custom(), NOW).accepted).toBe('true');
    const missing = evaluateTrust(jwtRole({ bound_claims: { '/kubernetes.io/node/name': 'n1' } }), custom(), NOW);
    expect(codes(missing)).toContain('claim-missing:reject');
  });

  it('a token with audiences and a role without bound_audiences depends on the auth method’s config: unknown', () => {
    const r = evaluateTrust(jwtRole({ bound_audiences: [], bound_subject: 'system:serviceaccount:default:sa-token-demo' }), custom(), NOW);
    expect(r.accepted).toBe('unknown');
    expect(r.reasons.find((x) => x.code === 'cannot-evaluate')!.explanation).toContain('audience claim found in JWT but no audiences bound to the role');
  });

  it('an oidc role refuses JWT logins', () => {
    expect(codes(evaluateTrust(jwtRole({ role_type: 'oidc' }), custom(), NOW))).toContain('vault-role-type-oidc:reject');
  });

  it('user_claim must be present and a string; claim_mappings fill metadata', () => {
    expect(codes(evaluateTrust(jwtRole({ user_claim: 'email' }), custom(), NOW))).toContain('claim-missing:reject');
    expect(codes(evaluateTrust(jwtRole({ user_claim: 'kubernetes.io' }), custom(), NOW))).toContain('mapping-failed:reject');
    const pointer = evaluateTrust(jwtRole({ user_claim: '/kubernetes.io/serviceaccount/name', user_claim_json_pointer: true, claim_mappings: { '/kubernetes.io/namespace': 'namespace' } }), custom(), NOW);
    expect(attribute(pointer, 'alias')).toEqual(['sa-token-demo']);
    expect(attribute(pointer, 'metadata namespace')).toEqual(['default']);
  });

  it('refuses a token for another audience and offers one for the bound audience', () => {
    const r = evaluateTrust(jwtRole({ bound_audiences: ['https://vault.example.com'] }), boundToken({ iss: EKS_ISSUER }), NOW);
    expect(codes(r)).toContain('audience-mismatch:reject');
    expect(r.fixes[0]!.text).toBe('kubectl create token --audience https://vault.example.com -n prod -- s3-reader');
  });
});
