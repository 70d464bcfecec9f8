import { describe, expect, it } from 'vitest';
import { EKS_ISSUER, NOW, boundToken, fixtureToken } from '../../testing/trustTokens';
import { evaluateTrust } from './evaluateTrust';
import type { TrustReport } from './trustReport';

// Shaped like `gcloud iam workload-identity-pools providers describe --format=json`; mappings and
// conditions as in Google's "Configure Workload Identity Federation with Kubernetes" guide.
const NAME = 'projects/123456789012/locations/global/workloadIdentityPools/k8s-pool/providers/prod-cluster';

function provider(overrides: Record<string, unknown> = {}, oidc: Record<string, unknown> = {}) {
  return JSON.stringify({
    name: NAME,
    displayName: 'prod cluster',
    state: 'ACTIVE',
    disabled: false,
    attributeMapping: {
      'google.subject': 'assertion.sub',
      'attribute.namespace': "assertion['kubernetes.io']['namespace']",
      'attribute.service_account_name': "assertion['kubernetes.io']['serviceaccount']['name']",
      'attribute.pod': "assertion['kubernetes.io']['pod']['name']",
    },
    attributeCondition: "assertion['kubernetes.io']['namespace'] == 'prod'",
    oidc: { issuerUri: EKS_ISSUER, allowedAudiences: [], ...oidc },
    ...overrides,
  });
}

const GCP_AUDIENCE = `https://iam.googleapis.com/${NAME}`;
const codes = (r: TrustReport) => r.reasons.map((x) => `${x.code}:${x.effect}`);
const attribute = (r: TrustReport, name: string) => r.identity?.attributes.find((a) => a.name === name)?.values;

describe('Google workload identity pool provider', () => {
  it('accepts the default audience (the provider’s resource name, with or without https:) and shows the mapped attributes', () => {
    for (const aud of [GCP_AUDIENCE, `//iam.googleapis.com/${NAME}`]) {
      const r = evaluateTrust(provider(), boundToken({ aud: [aud] }), NOW);
      expect(r.kind).toBe('gcp-wif-provider');
      expect(r.accepted).toBe('true');
      expect(codes(r)).toEqual(expect.arrayContaining(['issuer-match:pass', 'audience-match:pass', 'expression-true:pass']));
    }
    const r = evaluateTrust(provider(), boundToken({ aud: [GCP_AUDIENCE] }), NOW);
    expect(attribute(r, 'google.subject')).toEqual(['system:serviceaccount:prod:s3-reader']);
    expect(attribute(r, 'attribute.namespace')).toEqual(['prod']);
    expect(attribute(r, 'attribute.pod')).toEqual(['my-app-7d4b9c']);
    expect(attribute(r, 'principal')).toEqual([
      'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/k8s-pool/subject/system:serviceaccount:prod:s3-reader',
    ]);
  });

  it('refuses sts.amazonaws.com when allowedAudiences is empty, and offers the Google audience', () => {
    const r = evaluateTrust(provider(), boundToken(), NOW);
    expect(r.accepted).toBe('false');
    expect(codes(r)).toContain('audience-mismatch:reject');
    expect(r.fixes[0]!.text).toBe(`kubectl create token --audience ${GCP_AUDIENCE} -n prod -- s3-reader`);
  });

  it('uses allowedAudiences when set', () => {
    const r = evaluateTrust(provider({}, { allowedAudiences: ['sts.amazonaws.com'] }), boundToken(), NOW);
    expect(r.accepted).toBe('true');
    expect(evaluateTrust(provider({}, { allowedAudiences: ['gcp'] }), boundToken(), NOW).accepted).toBe('false');
  });

  it('refuses when the attribute condition is false and shows the failing sub-expression', () => {
    const condition = "assertion.sub.startsWith('system:serviceaccount:') && attribute.namespace == 'payments' && google.subject != ''";
    const r = evaluateTrust(provider({ attributeCondition: condition }), boundToken({ aud: [GCP_AUDIENCE] }), NOW);
    expect(r.accepted).toBe('false');
    const reason = r.reasons.find((x) => x.code === 'expression-false')!;
    expect(reason.effect).toBe('reject');
    expect(reason.explanation).toContain("attribute.namespace == 'payments' → false");
    expect(reason.explanation).not.toContain('startsWith');
  });

  it('evaluates conditions over google.groups-style lists and the extract() function', () => {
    const token = boundToken({ aud: [GCP_AUDIENCE], groups: ['devs', 'admins'] });
    const groups = provider({ attributeMapping: { 'google.subject': 'assertion.sub', 'google.groups': 'assertion.groups' }, attributeCondition: "'admins' in google.groups" });
    expect(evaluateTrust(groups, token, NOW).accepted).toBe('true');
    const extract = provider({
      attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.ns': "assertion.sub.extract('system:serviceaccount:{ns}:')" },
      attributeCondition: "attribute.ns == 'prod'",
    });
    const r = evaluateTrust(extract, token, NOW);
    expect(r.accepted).toBe('true');
    expect(attribute(r, 'attribute.ns')).toEqual(['prod']);
  });

  it('refuses when the issuer differs', () => {
    const r = evaluateTrust(provider({}, { issuerUri: 'https://container.googleapis.com/v1/projects/p/locations/l/clusters/c' }), boundToken({ aud: [GCP_AUDIENCE] }), NOW);
    expect(codes(r)).toContain('issuer-mismatch:reject');
  });

  it('a mapping that reads a missing claim refuses the token', () => {
    const r = evaluateTrust(provider({ attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.email': 'assertion.email' }, attributeCondition: '' }), boundToken({ aud: [GCP_AUDIENCE] }), NOW);
    expect(r.accepted).toBe('false');
    expect(r.reasons.find((x) => x.code === 'mapping-failed')!.explanation).toContain('email');
  });

  it('refuses a google.subject longer than 127 bytes', () => {
    const long = `system:serviceaccount:prod:${'a'.repeat(120)}`;
    const r = evaluateTrust(provider({ attributeCondition: '' }), boundToken({ aud: [GCP_AUDIENCE], sub: long }), NOW);
    expect(codes(r)).toContain('gcp-subject-too-long:reject');
  });

  it('invalid CEL is unknown with cannot-evaluate and the parser’s message', () => {
    const r = evaluateTrust(provider({ attributeCondition: "assertion.sub == 'x' &&" }), boundToken({ aud: [GCP_AUDIENCE] }), NOW);
    expect(r.accepted).toBe('unknown');
    const reason = r.reasons.find((x) => x.code === 'cannot-evaluate')!;
    expect(reason.title).toBe('Cannot be evaluated here: attributeCondition');
    expect(reason.explanation).toMatch(/^<input>:1:\d+: found /);
  });

  it('a disabled provider refuses every token', () => {
    expect(codes(evaluateTrust(provider({ disabled: true }), boundToken({ aud: [GCP_AUDIENCE] }), NOW))).toContain('gcp-provider-disabled:reject');
  });

  it('uploaded keys (oidc.jwksJson) make an in-cluster issuer usable', () => {
    const inCluster = 'https://kubernetes.default.svc.cluster.local';
    const token = fixtureToken('tokens/custom-audience.jwt');
    const withKeys = provider({ attributeCondition: "assertion['kubernetes.io']['namespace'] == 'default'" }, { issuerUri: inCluster, allowedAudiences: ['vault'], jwksJson: '{"keys":[]}' });
    const r = evaluateTrust(withKeys, token, NOW);
    expect(r.accepted).toBe('true');
    expect(codes(r)).toEqual(expect.arrayContaining(['issuer-not-public:info', 'gcp-keys-uploaded:info']));
    const withoutKeys = provider({ attributeCondition: "assertion['kubernetes.io']['namespace'] == 'default'" }, { issuerUri: inCluster, allowedAudiences: ['vault'] });
    expect(codes(evaluateTrust(withoutKeys, token, NOW))).toContain('issuer-not-public:reject');
  });

  it('an AWS-type provider does not take OIDC tokens', () => {
    const aws = JSON.stringify({ name: NAME, attributeMapping: { 'google.subject': 'assertion.arn' }, aws: { accountId: '111122223333' } });
    expect(codes(evaluateTrust(aws, boundToken(), NOW))).toContain('gcp-not-oidc:reject');
  });
});
