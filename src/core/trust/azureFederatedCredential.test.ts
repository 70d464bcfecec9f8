import { describe, expect, it } from 'vitest';
import { NOW, makeToken } from '../../testing/trustTokens';
import { FIXTURE_IAT } from '../../testing/fixtures';
import { evaluateTrust } from './evaluateTrust';
import type { TrustReport } from './trustReport';

// Shapes of `az identity federated-credential show` (managed identity) and
// `az ad app federated-credential show` (app registration, Microsoft Graph), with an AKS issuer
// and the subject and audience of the Azure Workload Identity docs.
const AKS_ISSUER = 'https://eastus.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/';
const SUBJECT = 'system:serviceaccount:prod:workload-sa';

const managedIdentity = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    audiences: ['api://AzureADTokenExchange'],
    id: '/subscriptions/0000/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1/federatedIdentityCredentials/prod-workload',
    issuer: AKS_ISSUER,
    name: 'prod-workload',
    resourceGroup: 'rg',
    subject: SUBJECT,
    systemData: null,
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
    ...overrides,
  });

const token = (overrides: Record<string, unknown> = {}) =>
  makeToken({
    aud: ['api://AzureADTokenExchange'],
    exp: FIXTURE_IAT + 3600,
    iat: FIXTURE_IAT,
    iss: AKS_ISSUER,
    'kubernetes.io': { namespace: 'prod', serviceaccount: { name: 'workload-sa', uid: '9d0c5a2e-8b7f-4f1e-9c3d-2a1b0c9d8e7f' } },
    nbf: FIXTURE_IAT,
    sub: SUBJECT,
    ...overrides,
  });

const codes = (r: TrustReport) => r.reasons.map((x) => `${x.code}:${x.effect}`);

describe('Azure federated identity credential', () => {
  it('accepts a token whose issuer, subject and audience match exactly', () => {
    const r = evaluateTrust(managedIdentity(), token(), NOW);
    expect(r.kind).toBe('azure-federated-credential');
    expect(r.accepted).toBe('true');
    expect(codes(r)).toEqual(expect.arrayContaining(['issuer-match:pass', 'subject-match:pass', 'audience-match:pass']));
  });

  it('compares the issuer exactly: a missing trailing slash refuses, and says so', () => {
    const r = evaluateTrust(managedIdentity({ issuer: AKS_ISSUER.slice(0, -1) }), token(), NOW);
    expect(r.accepted).toBe('false');
    expect(r.reasons.find((x) => x.code === 'issuer-mismatch')!.explanation).toContain('trailing "/"');
  });

  it('compares the subject case-sensitively and without wildcards', () => {
    expect(codes(evaluateTrust(managedIdentity({ subject: 'system:serviceaccount:prod:Workload-SA' }), token(), NOW))).toContain('subject-mismatch:reject');
    expect(codes(evaluateTrust(managedIdentity({ subject: 'system:serviceaccount:prod:*' }), token(), NOW))).toContain('subject-mismatch:reject');
  });

  it('refuses another audience and offers a token for api://AzureADTokenExchange', () => {
    const r = evaluateTrust(managedIdentity(), token({ aud: ['sts.amazonaws.com'] }), NOW);
    expect(codes(r)).toContain('audience-mismatch:reject');
    expect(r.fixes[0]!.text).toBe('kubectl create token --audience api://AzureADTokenExchange -n prod -- workload-sa');
  });

  it('reads the app-registration (Microsoft Graph) form and lists of credentials', () => {
    const graph = { audiences: ['api://AzureADTokenExchange'], description: null, id: '5a2c…', issuer: AKS_ISSUER, name: 'prod', subject: SUBJECT };
    expect(evaluateTrust(JSON.stringify(graph), token(), NOW)).toMatchObject({ kind: 'azure-federated-credential', accepted: 'true' });
    const other = { ...graph, name: 'staging', subject: 'system:serviceaccount:staging:workload-sa' };
    expect(evaluateTrust(JSON.stringify([other, graph]), token(), NOW).accepted).toBe('true');
    const none = evaluateTrust(JSON.stringify([other]), token(), NOW);
    expect(none.accepted).toBe('false');
  });

  it('evaluates a flexible credential’s claimsMatchingExpression, and says Entra documents it only for some issuers', () => {
    const flexible = (value: string) =>
      JSON.stringify({ audiences: ['api://AzureADTokenExchange'], issuer: AKS_ISSUER, name: 'flex', subject: null, claimsMatchingExpression: { value, languageVersion: 1 } });
    const matches = evaluateTrust(flexible("claims['sub'] matches 'system:serviceaccount:prod:*'"), token(), NOW);
    expect(codes(matches)).toContain('expression-true:pass');
    expect(matches.accepted).toBe('unknown');
    const fails = evaluateTrust(flexible("claims['sub'] matches 'system:serviceaccount:dev:*' and claims['iss'] eq 'x'"), token(), NOW);
    expect(fails.accepted).toBe('false');
    expect(fails.reasons.find((x) => x.code === 'expression-false')!.explanation).toContain("claims['sub']");
    const unsupported = evaluateTrust(flexible("claims['sub'] startswith 'x'"), token(), NOW);
    expect(unsupported.accepted).toBe('unknown');
  });
});
