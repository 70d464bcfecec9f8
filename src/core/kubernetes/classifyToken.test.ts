import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { classifyToken } from './classifyToken';
import { KIND_CATALOGUE } from './kindCatalogue';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const decodeFixture = (path: string) => decodeToken(fixture(path).trim());
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const makeToken = (header: unknown, payload: unknown) => decodeToken(`${b64(header)}.${b64(payload)}.c2ln`);
const RS256 = { alg: 'RS256', kid: 'c0eSayKH-WrWn6IO3oCrVQS-cz6tQBw3_OxIET0Y_VQ' };

interface ManifestToken {
  file: string;
  kind?: string;
  extended?: boolean;
}
const manifest = JSON.parse(fixture('MANIFEST.json')) as { tokens: ManifestToken[] };

describe('classifyToken: fixtures/MANIFEST.json', () => {
  const withKind = manifest.tokens.filter((t) => t.kind);
  it('covers every kind of the contract', () => {
    expect(new Set(withKind.map((t) => t.kind))).toEqual(new Set(Object.keys(KIND_CATALOGUE)));
  });
  it.each(withKind.map((t) => [t.file, t] as const))('%s', (_file, entry) => {
    const c = classifyToken(decodeFixture(entry.file));
    expect(c.kind).toBe(entry.kind);
    expect(c.extended).toBe(entry.extended === true);
    expect(c.title).toContain(KIND_CATALOGUE[c.kind].title);
  });
});

describe('classifyToken: the blog post’s tokens (fixtures/seed)', () => {
  it('v1.20 legacy token', () => {
    const c = classifyToken(decodeFixture('seed/v1.20-legacy.jwt'));
    expect(c).toMatchObject({ kind: 'legacy', extended: false, legacyHeader: 'kid-sha256' });
    expect(c.versions).toMatch(/^1\.16 or later/);
  });
  it('v1.24 projected token: pod-bound, extended, no jti', () => {
    const c = classifyToken(decodeFixture('seed/v1.24-projected.jwt'));
    expect(c).toMatchObject({ kind: 'pod-bound', extended: true, boundObject: { kind: 'Pod', name: 'busybox', uid: 'd822ba5f-4290-4bca-94ce-f3bc0dca2e36' } });
    expect(c.versions).toMatch(/^1\.21 or later/);
    expect(c.versions).toMatch(/before 1\.30/);
    expect(c.evidence.join('\n')).toContain('warnafter − iat = 3607 s');
    expect(c.evidence.join('\n')).toContain('hard exp after 365 days');
  });
  it('v1.24 explicit Secret token: legacy', () => {
    expect(classifyToken(decodeFixture('seed/v1.24-explicit-secret.jwt')).kind).toBe('legacy');
  });
});

describe('classifyToken: fixtures/vectors', () => {
  const vectors = [
    ['k8s-derived-bound-node-es256', 'node-bound', false],
    ['k8s-derived-bound-pod-extended-v1.21-1.28-rs256', 'pod-bound', true],
    ['k8s-derived-bound-pod-extended-v1.30plus-es256', 'pod-bound', true],
    ['k8s-derived-bound-secret-rs256', 'secret-bound', false],
    ['k8s-derived-unbound-rs256', 'unbound', false],
    ['k8s-derived-legacy-rs256', 'legacy', false],
    ['k8s-derived-legacy-es256', 'legacy', false],
  ] as const;
  it.each(vectors)('%s → %s', (id, kind, extended) => {
    const v = JSON.parse(fixture(`vectors/derived/${id}.json`)) as { token: string; expect_detail: { classification: string } };
    const c = classifyToken(decodeToken(v.token));
    expect(c.kind).toBe(kind);
    expect(c.extended).toBe(extended);
    // The vector's own words agree.
    expect(/(?<!not )extended/.test(v.expect_detail.classification)).toBe(extended);
    expect(v.expect_detail.classification).toMatch(kind === 'unbound' ? /not bound to any object/ : kind === 'legacy' ? /legacy/ : new RegExp(kind));
  });

  it('k8s-legacy-token-no-key: legacy with kid "" → before 1.16', () => {
    const v = JSON.parse(fixture('vectors/k8s-legacy-token-no-key.json')) as { token: string };
    const c = classifyToken(decodeToken(v.token));
    expect(c).toMatchObject({ kind: 'legacy', legacyHeader: 'kid-empty' });
    expect(c.versions).toMatch(/^Before 1\.16/);
    expect(c.evidence).toContain('kid is "" → minted before 1.16 (go-jose era, before key IDs)');
    expect(c.evidence).toContain('kubernetes.io/serviceaccount/secret.name is "sdn-token-g6wmc" → the Secret that holds it; deleting that Secret revokes it');
  });

  it('1.30+ pod token with node and jti → 1.29 or later', () => {
    const v = JSON.parse(fixture('vectors/derived/k8s-derived-bound-pod-extended-v1.30plus-es256.json')) as { token: string };
    const c = classifyToken(decodeToken(v.token));
    expect(c.versions).toMatch(/^1\.29 or later: jti and node info .* on by default from 1\.30/);
    expect(c.evidence).toContain('also has kubernetes.io.node "mynode" → the node the pod ran on (informational only; not validated)');
  });
});

describe('classifyToken: evidence and versions', () => {
  it('explains a pod-bound token', () => {
    const c = classifyToken(decodeFixture('tokens/pod-bound.jwt'));
    expect(c.evidence[0]).toBe('has a kubernetes.io object claim (iss "https://kubernetes.default.svc.cluster.local") → bound (TokenRequest) token');
    expect(c.evidence).toContain('has kubernetes.io.pod → bound to pod "busybox"');
    expect(c.evidence).toContain('has jti → minted by 1.29+ with ServiceAccountTokenJTI (on by default from 1.30)');
    expect(c.versions).toMatch(/^1\.29 or later/);
  });

  it('explains a legacy token', () => {
    const c = classifyToken(decodeFixture('tokens/legacy-secret.jwt'));
    expect(c.evidence[0]).toBe('iss is "kubernetes/serviceaccount" and has the flat kubernetes.io/serviceaccount/* claims → legacy Secret-based token');
    expect(c.evidence).toContain('no exp → never expires');
  });

  it('dates node-bound tokens from 1.29 (default 1.31)', () => {
    const c = classifyToken(decodeFixture('tokens/node-bound.jwt'));
    expect(c.versions).toMatch(/^1\.29 or later: .*issued by default from 1\.31/);
    expect(c.boundObject).toEqual({ kind: 'Node', name: 'kind-control-plane', uid: 'a47b72dc-f4fd-4c45-ba9f-2741e35749f8' });
  });

  it('dates a non-extended bound token without jti from the TokenRequest API', () => {
    const v = JSON.parse(fixture('vectors/derived/k8s-derived-unbound-rs256.json')) as { token: string };
    expect(classifyToken(decodeToken(v.token)).versions).toMatch(/^1\.12 or later.*kubectl 1\.24.*before 1\.30/);
  });

  it.each([
    [{ alg: 'RS256', typ: 'JWT' }, 'no-kid-typ-jwt', /^Very old/],
    [{ alg: 'RS256' }, 'no-kid', /^Before 1\.16/],
    [{ alg: 'RS256', kid: 'my-key' }, 'kid-other', /^Unknown/],
  ] as const)('dates legacy header %j', (header, era, versions) => {
    const payload = JSON.parse(Buffer.from(fixture('tokens/legacy-secret.jwt').split('.')[1] as string, 'base64url').toString()) as unknown;
    const c = classifyToken(makeToken(header, payload));
    expect(c.legacyHeader).toBe(era);
    expect(c.versions).toMatch(versions);
  });
});

describe('classifyToken: the order of the kinds', () => {
  const bound = (k: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    classifyToken(makeToken(RS256, { iss: 'https://kubernetes.default.svc', sub: 'system:serviceaccount:ns:sa', 'kubernetes.io': { namespace: 'ns', serviceaccount: { name: 'sa', uid: 'u' }, ...k }, ...extra }));
  const ref = { name: 'x', uid: 'y' };

  it('legacy comes first, even with a kubernetes.io object', () => {
    const c = classifyToken(makeToken(RS256, { iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': 'ns', 'kubernetes.io': { pod: ref } }));
    expect(c.kind).toBe('legacy');
  });

  it('the legacy issuer without the namespace claim is not legacy', () => {
    expect(classifyToken(makeToken(RS256, { iss: 'kubernetes/serviceaccount', sub: 'x' })).kind).toBe('not-kubernetes');
    expect(classifyToken(makeToken(RS256, { iss: 'kubernetes/serviceaccount', 'kubernetes.io': {} })).kind).toBe('unbound');
  });

  it('pod wins over secret, and says Kubernetes never binds twice', () => {
    const c = bound({ pod: ref, secret: ref });
    expect(c.kind).toBe('pod-bound');
    expect(c.evidence.join('\n')).toMatch(/can only be bound to one object type/);
  });

  it('secret wins over node; node without pod is node-bound', () => {
    expect(bound({ secret: ref, node: ref }).kind).toBe('secret-bound');
    expect(bound({ node: ref }).kind).toBe('node-bound');
    expect(bound({ pod: ref, node: ref }).kind).toBe('pod-bound');
  });

  it('reports webhook-bound tokens as unbound with a variant', () => {
    const c = bound({ validatingWebhookConfiguration: { name: 'policy', uid: 'w1' } });
    expect(c).toMatchObject({ kind: 'unbound', variant: 'webhook-bound', boundObject: { kind: 'ValidatingWebhookConfiguration', name: 'policy' } });
    expect(c.versions).toMatch(/^1\.37/);
    expect(c.title).toMatch(/Webhook-bound/);
  });

  it('treats warnafter as extended on any bound token', () => {
    expect(bound({ warnafter: 1 }).extended).toBe(true);
    expect(bound({}).extended).toBe(false);
  });

  it.each([
    ['a payload that is not an object', decodeToken(`${b64(RS256)}.${b64('[1,2]')}.c2ln`)],
    ['garbage', decodeToken('not a token')],
    ['kubernetes.io as a string', makeToken(RS256, { iss: 'x', 'kubernetes.io': 'pod' })],
    ['an OIDC ID token', decodeFixture('tokens/eddsa-generic.jwt')],
  ])('%s is not a Kubernetes token', (_name, decoded) => {
    const c = classifyToken(decoded);
    expect(c.kind).toBe('not-kubernetes');
    expect(c.extended).toBe(false);
    expect(c.evidence.length).toBeGreaterThan(0);
  });
});
