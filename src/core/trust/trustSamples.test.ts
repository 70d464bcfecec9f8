import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixtureToken } from '../../testing/trustTokens';
import { evaluateTrust } from './evaluateTrust';
import { TRUST_SAMPLES } from './trustSamples';

const parseYaml = (text: string) => parse(text, { maxAliasCount: 100 });
const seed = fixtureToken('seed/v1.24-projected.jwt');
// An hour after the seed token was issued (2022-08-19T11:49:01Z): still valid then.
const SEED_NOW = 1660909741 + 3600;

describe('Trust samples', () => {
  it('one sample per relying party, each recognised as its kind', () => {
    expect(new Set(TRUST_SAMPLES.map((s) => s.kind)).size).toBe(TRUST_SAMPLES.length);
    expect(TRUST_SAMPLES).toHaveLength(6);
    for (const sample of TRUST_SAMPLES) expect(evaluateTrust(sample.text, seed, SEED_NOW, { parseYaml }).kind, sample.label).toBe(sample.kind);
  });

  it('each matches the seed token’s issuer and subject: nothing in the configuration fails to evaluate', () => {
    for (const sample of TRUST_SAMPLES) {
      const r = evaluateTrust(sample.text, seed, SEED_NOW, { parseYaml });
      expect(r.reasons.map((x) => x.code), sample.label).not.toContain('cannot-evaluate');
      expect(r.reasons.map((x) => x.code), sample.label).not.toContain('issuer-mismatch');
      expect(r.reasons.map((x) => x.code), sample.label).not.toContain('subject-mismatch');
    }
  });

  it('what refuses the seed token is the token: its in-cluster issuer for clouds, its audience for AWS and GCP', () => {
    const codes = (kind: string) => {
      const sample = TRUST_SAMPLES.find((s) => s.kind === kind)!;
      const r = evaluateTrust(sample.text, seed, SEED_NOW, { parseYaml });
      return { accepted: r.accepted, codes: r.reasons.filter((x) => x.effect === 'reject').map((x) => x.code) };
    };
    expect(codes('aws-trust-policy')).toMatchObject({ accepted: 'false', codes: expect.arrayContaining(['issuer-not-public']) });
    expect(codes('gcp-wif-provider')).toMatchObject({ accepted: 'false', codes: expect.arrayContaining(['issuer-not-public', 'audience-mismatch']) });
    expect(codes('azure-federated-credential')).toMatchObject({ accepted: 'false', codes: expect.arrayContaining(['issuer-not-public', 'audience-mismatch']) });
    // Vault's Kubernetes method asks TokenReview; the role's audience is the token's.
    expect(codes('vault-kubernetes-role')).toEqual({ accepted: 'true', codes: [] });
    // The other cluster reads the in-cluster issuer from its own network, and maps the identity.
    const k8s = evaluateTrust(TRUST_SAMPLES.find((s) => s.kind === 'k8s-authentication-config')!.text, seed, SEED_NOW, { parseYaml });
    expect(k8s.accepted).toBe('true');
    expect(k8s.identity?.attributes.find((a) => a.name === 'username')?.values).toEqual(['seed:system:serviceaccount:default:default']);
  });
});
