import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../testing/runInWorker';
import { KUBECTL_JWKS_COMMAND, assessKeyFetch, classifyHost, describeFetchedKeys, discoveryUrlFor, explainFetchFailure } from './discovery';

describe('discoveryUrlFor', () => {
  it('appends the well-known path, with or without a trailing slash', () => {
    expect(discoveryUrlFor('https://kubernetes.default.svc.cluster.local')).toEqual({ ok: true, value: 'https://kubernetes.default.svc.cluster.local/.well-known/openid-configuration' });
    expect(discoveryUrlFor('https://oidc.eks.us-east-1.amazonaws.com/id/ABC/')).toEqual({ ok: true, value: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC/.well-known/openid-configuration' });
  });

  it('refuses issuers that have no discovery document', () => {
    expect(discoveryUrlFor('kubernetes/serviceaccount')).toMatchObject({ ok: false, error: { code: 'legacy-issuer' } });
    expect(discoveryUrlFor('not a url')).toMatchObject({ ok: false, error: { code: 'issuer-not-url' } });
    expect(discoveryUrlFor('spiffe://cluster.local')).toMatchObject({ ok: false, error: { code: 'issuer-not-http' } });
    expect(discoveryUrlFor('https://issuer.example/?x=1')).toMatchObject({ ok: false, error: { code: 'issuer-has-query' } });
  });

  it('finishes on a megabyte of slashes followed by another character (hang guard, not a timing)', { timeout: 120_000 }, async () => {
    // `/\/+$/` retried the run from every "/": quadratic in V8.
    const outcome = await runInWorker({ base: import.meta.url, module: './discovery.ts', exportName: 'discoveryUrlFor', args: [`https://issuer.example/${'/'.repeat(1 << 20)}x`], summarize: true });
    expect(outcome).toMatchObject({ completed: true, value: { ok: true } });
  });
});

describe('classifyHost', () => {
  it.each([
    ['https://kubernetes.default.svc/openid/v1/jwks', 'in-cluster'],
    ['https://kubernetes.default.svc.cluster.local', 'in-cluster'],
    ['https://api.my-ns.svc:6443', 'in-cluster'],
    ['https://kubernetes', 'in-cluster'],
    ['https://localhost:6443', 'loopback'],
    ['https://127.0.0.1:6443', 'loopback'],
    ['https://[::1]:6443', 'loopback'],
    ['https://10.96.0.1', 'private'],
    ['https://172.20.0.1', 'private'],
    ['https://192.168.49.2:8443', 'private'],
    ['https://[fd00::1]', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[::ffff:169.254.169.254]/', 'link-local'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'link-local'],
    ['http://0.0.0.0:8080/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0xa9.0xfe.0xa9.0xfe/', 'link-local'],
    ['https://control-plane', 'private'],
    ['https://oidc.eks.us-east-1.amazonaws.com/id/ABC', 'public'],
    ['https://172.32.0.1', 'public'],
    ['nonsense', 'invalid'],
  ])('%s is %s', (url, kind) => {
    expect(classifyHost(url)).toBe(kind);
  });
});

describe('assessKeyFetch', () => {
  const issuer = 'https://oidc.example.com/id/ABC';
  const discovery = { step: 'discovery', issuer, expectedIssuers: [issuer] } as const;

  it('lets a public https issuer in the policy through with nothing to warn about', () => {
    expect(assessKeyFetch(`${issuer}/.well-known/openid-configuration`, discovery)).toEqual({ url: `${issuer}/.well-known/openid-configuration`, hostKind: 'public', refusal: null, warnings: [] });
  });

  it('refuses link-local and metadata hosts, credentials and other schemes, at every step', () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/iam/', 'http://[fe80::1]/jwks', 'http://metadata.google.internal/x', 'http://[::ffff:a9fe:a9fe]/']) {
      for (const step of [discovery, { step: 'jwks-uri', from: `${issuer}/.well-known/openid-configuration` }, { step: 'jwks-url' }] as const) {
        expect(assessKeyFetch(url, step).refusal, url).toMatch(/link-local or metadata address/);
      }
    }
    expect(assessKeyFetch('https://user:pw@oidc.example.com/jwks', { step: 'jwks-url' }).refusal).toMatch(/user name or password/);
    expect(assessKeyFetch('file:///etc/passwd', { step: 'jwks-url' }).refusal).toMatch(/file: URLs are not fetched/);
    expect(assessKeyFetch('not a url', { step: 'jwks-url' }).refusal).toMatch(/not a valid URL/);
  });

  it('refuses a public discovery document that points its jwks_uri inside the network', () => {
    const from = `${issuer}/.well-known/openid-configuration`;
    for (const url of ['https://10.0.0.5/jwks', 'http://localhost:8001/openid/v1/jwks', 'https://kubernetes.default.svc/openid/v1/jwks']) {
      expect(assessKeyFetch(url, { step: 'jwks-uri', from }).refusal, url).toMatch(/^The discovery document from oidc\.example\.com, a public host, sends the key request to/);
    }
  });

  it('warns on private hosts, plain http, a host change and an issuer outside the policy', () => {
    const local = 'https://192.168.49.2:8443';
    expect(assessKeyFetch(`${local}/.well-known/openid-configuration`, { step: 'discovery', issuer: local, expectedIssuers: [local] })).toMatchObject({
      refusal: null,
      warnings: ['192.168.49.2:8443 is an address on a private network: the request goes there from your browser.'],
    });
    expect(assessKeyFetch('https://192.168.49.2:8443/openid/v1/jwks', { step: 'jwks-uri', from: `${local}/.well-known/openid-configuration` }).refusal).toBeNull();
    expect(assessKeyFetch('http://oidc.example.com/jwks', { step: 'jwks-url' }).warnings).toEqual([expect.stringMatching(/^It uses plain http/)]);
    expect(assessKeyFetch('https://keys.elsewhere.example/jwks', { step: 'jwks-uri', from: `${issuer}/.well-known/openid-configuration` }).warnings).toEqual([
      'The key set is on another host than the discovery document: oidc.example.com sends the request to keys.elsewhere.example.',
    ]);
    const stranger = assessKeyFetch('https://evil.example/.well-known/openid-configuration', { step: 'discovery', issuer: 'https://evil.example', expectedIssuers: [issuer] });
    expect(stranger.refusal).toBeNull();
    expect(stranger.warnings).toEqual([expect.stringMatching(/^The token's issuer https:\/\/evil\.example is not one of the expected issuers/)]);
  });
});

describe('describeFetchedKeys', () => {
  it("says keys found through the token's own issuer prove only who controls that host", () => {
    expect(describeFetchedKeys({ jwksUrl: 'https://keys.example/jwks', issuer: 'https://evil.example' }, 'https://evil.example')).toMatch(
      /^These keys were fetched from keys\.example through the token's own issuer: a signature they verify proves only that whoever controls that host signed the token/,
    );
    expect(describeFetchedKeys({ jwksUrl: 'https://evil.example/jwks', issuer: null }, 'https://evil.example')).toMatch(/through the token's own issuer/);
    expect(describeFetchedKeys({ jwksUrl: 'https://keys.example/jwks', issuer: null }, 'https://cluster.example')).toBe(
      'These keys were fetched from keys.example: a signature they verify proves only that whoever controls keys.example signed the token.',
    );
  });
});

describe('explainFetchFailure', () => {
  const failedToFetch = new TypeError('Failed to fetch');

  it('says an in-cluster issuer cannot be reached from a browser', () => {
    const e = explainFetchFailure('https://kubernetes.default.svc.cluster.local/.well-known/openid-configuration', failedToFetch);
    expect(e).toMatchObject({ code: 'in-cluster-host', hostKind: 'in-cluster' });
    expect(e.message).toMatch(/inside the cluster/);
    expect(e.suggestion).toContain(KUBECTL_JWKS_COMMAND);
  });

  it('names CORS and TLS for a public host that gives no readable answer', () => {
    const e = explainFetchFailure('https://oidc.example.com/.well-known/openid-configuration', failedToFetch);
    expect(e.code).toBe('fetch-failed');
    expect(e.message).toMatch(/Failed to fetch/);
    expect(e.message).toMatch(/CORS/);
    expect(e.message).toMatch(/TLS certificate/);
    expect(e.message).not.toMatch(/plain http/);
  });

  it('mentions mixed content for plain http', () => {
    expect(explainFetchFailure('http://oidc.example.com/x', failedToFetch).message).toMatch(/plain http/);
  });

  it('explains private addresses, timeouts, statuses and non-JSON bodies', () => {
    expect(explainFetchFailure('https://192.168.1.10/x', failedToFetch).code).toBe('private-host');
    expect(explainFetchFailure('https://oidc.example.com/x', new DOMException('timeout', 'TimeoutError')).code).toBe('fetch-aborted');
    expect(explainFetchFailure('https://oidc.example.com/x', { kind: 'status', status: 403, statusText: 'Forbidden' }).message).toMatch(/403 Forbidden: the discovery endpoints need credentials/);
    expect(explainFetchFailure('https://oidc.example.com/x', { kind: 'status', status: 404 }).code).toBe('fetch-not-found');
    expect(explainFetchFailure('https://oidc.example.com/x', { kind: 'status', status: 502 }).message).toBe('The server answered 502 instead of the document.');
    expect(explainFetchFailure('https://oidc.example.com/x', { kind: 'not-json', contentType: 'text/html' }).message).toMatch(/not JSON \(Content-Type text\/html\): a login page/);
    expect(explainFetchFailure('https://oidc.example.com/x', { kind: 'unexpected-json' }).code).toBe('fetch-unexpected-json');
    expect(explainFetchFailure('::', failedToFetch).code).toBe('invalid-url');
  });
});
