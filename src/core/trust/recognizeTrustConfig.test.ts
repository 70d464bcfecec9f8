import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { MAX_TRUST_CONFIG_CHARS, recognizeTrustConfig } from './recognizeTrustConfig';

const parseYaml = (text: string) => parse(text, { maxAliasCount: 100 });
const kind = (text: string) => recognizeTrustConfig(text, { parseYaml }).kind;

const IRSA = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::1:oidc-provider/x' }, Action: 'sts:AssumeRoleWithWebIdentity' }] };

describe('recognising relying-party configurations', () => {
  it('AWS: a bare policy, aws iam get-role output, and a URL-encoded document', () => {
    expect(kind(JSON.stringify(IRSA))).toBe('aws-trust-policy');
    expect(kind(JSON.stringify({ Role: { RoleName: 'r', AssumeRolePolicyDocument: IRSA } }))).toBe('aws-trust-policy');
    const encoded = recognizeTrustConfig(JSON.stringify({ Role: { RoleName: 'r', AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(IRSA)) } }));
    expect(encoded).toMatchObject({ kind: 'aws-trust-policy', config: { form: 'get-role', roleName: 'r' } });
    expect(kind(encodeURIComponent(JSON.stringify(IRSA)))).toBe('aws-trust-policy');
  });

  it('Google: gcloud … providers describe --format=json', () => {
    expect(kind(JSON.stringify({ name: 'projects/1/locations/global/workloadIdentityPools/p/providers/q', oidc: { issuerUri: 'https://x' }, attributeMapping: {} }))).toBe('gcp-wif-provider');
  });

  it('Azure: managed identity, app registration, ARM properties and Graph lists', () => {
    const fic = { issuer: 'https://x/', subject: 'system:serviceaccount:a:b', audiences: ['api://AzureADTokenExchange'] };
    expect(recognizeTrustConfig(JSON.stringify({ ...fic, type: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials' }))).toMatchObject({
      kind: 'azure-federated-credential',
      config: { form: 'managed-identity' },
    });
    expect(recognizeTrustConfig(JSON.stringify(fic))).toMatchObject({ kind: 'azure-federated-credential', config: { form: 'app-registration' } });
    expect(kind(JSON.stringify({ name: 'n', properties: fic }))).toBe('azure-federated-credential');
    expect(kind(JSON.stringify({ '@odata.context': 'x', value: [fic, fic] }))).toBe('azure-federated-credential');
    expect(kind(JSON.stringify([fic]))).toBe('azure-federated-credential');
  });

  it('Vault: vault read -format=json of a Kubernetes or a JWT role, with or without the data wrapper', () => {
    expect(kind(JSON.stringify({ data: { bound_service_account_names: ['a'], bound_service_account_namespaces: ['b'] } }))).toBe('vault-kubernetes-role');
    expect(kind(JSON.stringify({ data: { role_type: 'jwt', bound_audiences: ['vault'], user_claim: 'sub' } }))).toBe('vault-jwt-role');
    expect(kind(JSON.stringify({ bound_audiences: ['vault'] }))).toBe('vault-jwt-role');
  });

  it('Kubernetes: AuthenticationConfiguration in YAML (v1beta1 and v1)', () => {
    for (const version of ['v1beta1', 'v1']) {
      expect(kind(`apiVersion: apiserver.config.k8s.io/${version}\nkind: AuthenticationConfiguration\njwt:\n- issuer:\n    url: https://x\n    audiences: [a]\n`)).toBe('k8s-authentication-config');
    }
  });

  it('anything else is unknown, with a hint that says what to paste', () => {
    const token = recognizeTrustConfig(readFixture('tokens/custom-audience.jwt'));
    expect(token.kind).toBe('unknown');
    expect(token.config).toMatchObject({ hint: expect.stringContaining('This is a token') });
    expect(recognizeTrustConfig('{"iss":"https://x","sub":"y"}').config).toMatchObject({ hint: expect.stringContaining('token’s claims') });
    expect(recognizeTrustConfig('{"a":').config).toMatchObject({ hint: expect.stringContaining('Not valid JSON') });
    expect(recognizeTrustConfig('kind: Pod\n', { parseYaml }).config).toMatchObject({ hint: expect.stringContaining('Paste an AWS IAM trust policy') });
    expect(recognizeTrustConfig('a: b').config).toMatchObject({ hint: expect.stringContaining('no YAML support loaded') });
    expect(recognizeTrustConfig('x'.repeat(MAX_TRUST_CONFIG_CHARS + 1)).config).toMatchObject({ hint: expect.stringContaining('not read') });
  });

  it('does not feed large YAML to the YAML reader (it is slow on hostile documents)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n');
    expect(recognizeTrustConfig(keys, { parseYaml }).config).toMatchObject({ hint: expect.stringContaining('Paste it as JSON') });
  });

  it('recognises a hostile JSON paste without throwing', () => {
    expect(kind('['.repeat(100_000))).toBe('unknown');
    expect(kind(`{"Statement": ${'['.repeat(70)}${']'.repeat(70)}}`)).toBe('unknown');
  });
});
