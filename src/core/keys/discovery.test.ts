import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../testing/runInWorker';
import { KUBECTL_JWKS_COMMAND, classifyHost, discoveryUrlFor, explainFetchFailure } from './discovery';

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
    ['https://control-plane', 'private'],
    ['https://oidc.eks.us-east-1.amazonaws.com/id/ABC', 'public'],
    ['https://172.32.0.1', 'public'],
    ['nonsense', 'invalid'],
  ])('%s is %s', (url, kind) => {
    expect(classifyHost(url)).toBe(kind);
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
