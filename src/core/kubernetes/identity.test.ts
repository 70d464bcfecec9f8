import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { classifyToken } from './classifyToken';
import { runWithStubKubectl } from '../../testing/stubKubectl';
import { apiServerVerdict } from './apiServerVerdict';
import { EXTRA_KEYS, identityForVersion, identityOf, kubectlAuthCanIList, type Identity } from './identity';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decoded = (token: string) => decodeToken(token.trim());
const identity = (token: string) => {
  const d = decoded(token);
  return identityOf(d, classifyToken(d));
};
const ofPayload = (payload: unknown) => identity(`${b64({ alg: 'RS256', kid: '' })}.${b64(payload)}.c2ln`);
const vector = (id: string) => JSON.parse(fixture(`vectors/${id}.json`)) as { token: string; expect_detail: Record<string, unknown> };

interface ManifestIdentity {
  namespace: string;
  serviceAccount: string;
  serviceAccountUid: string;
  username: string;
  groups: string[];
  secret?: string;
  pod?: string;
  node?: string;
}
const manifest = JSON.parse(fixture('MANIFEST.json')) as { tokens: { file: string; identity?: ManifestIdentity }[] };

describe('identityOf: fixtures/MANIFEST.json', () => {
  it.each(manifest.tokens.filter((t) => t.identity).map((t) => [t.file, t.identity as ManifestIdentity] as const))('%s', (file, expected) => {
    const id = identity(fixture(file));
    expect(id).not.toBeNull();
    expect(id?.username).toBe(expected.username);
    expect(id?.namespace).toBe(expected.namespace);
    expect(id?.serviceAccount).toBe(expected.serviceAccount);
    expect(id?.uid).toBe(expected.serviceAccountUid);
    expect(id?.groups).toEqual(expected.groups);
    expect(id?.secret?.name ?? undefined).toBe(expected.secret);
    expect(id?.pod?.name ?? undefined).toBe(expected.pod);
    expect(id?.node?.name ?? undefined).toBe(expected.node);
    expect(id?.problems).toEqual([]);
  });
});

describe('identityOf: user extra against fixtures/vectors', () => {
  it.each([
    'derived/k8s-derived-bound-node-es256',
    'derived/k8s-derived-bound-pod-extended-v1.21-1.28-rs256',
    'derived/k8s-derived-bound-pod-extended-v1.30plus-es256',
  ])('%s', (id) => {
    const v = vector(id);
    const got = identity(v.token);
    expect(got?.extra).toEqual(v.expect_detail.user_extra);
  });

  it('writes the extra in the API server’s order', () => {
    const got = identity(vector('derived/k8s-derived-bound-pod-extended-v1.30plus-es256').token);
    expect(Object.keys(got?.extra ?? {})).toEqual([EXTRA_KEYS.podName, EXTRA_KEYS.podUid, EXTRA_KEYS.nodeName, EXTRA_KEYS.nodeUid, EXTRA_KEYS.credentialId]);
  });

  it('a secret-bound token has no pod extra, only the credential id', () => {
    const got = identity(vector('derived/k8s-derived-bound-secret-rs256').token);
    expect(got?.extra).toEqual({ [EXTRA_KEYS.credentialId]: ['JTI=7c9e6679-7425-40de-944b-e07fc1f90ae7'] });
    expect(got?.secret).toEqual({ name: 'mysecret', uid: 'mysecret-uid' });
  });

  it('a legacy token has no extra, and the groups the vector lists', () => {
    const v = vector('derived/k8s-derived-legacy-rs256');
    const got = identity(v.token);
    expect(got?.extra).toEqual({});
    expect(got?.username).toBe(v.expect_detail.username);
    expect(got?.uid).toBe(v.expect_detail.uid);
    // The vector lists MakeGroupNames; the authenticator chain appends system:authenticated.
    expect(got?.groups).toEqual([...(v.expect_detail.groups as string[]), 'system:authenticated']);
    expect(got?.secret).toEqual({ name: 'my-rsa-secret', uid: null });
  });

  it('the legacy vector with kid "" names its Secret', () => {
    const got = identity(vector('k8s-legacy-token-no-key').token);
    expect(got?.username).toBe('system:serviceaccount:openshift-sdn:sdn');
    expect(got?.secret?.name).toBe('sdn-token-g6wmc');
  });
});

describe('identityOf: conditions of apiserver pkg/authentication/serviceaccount/util.go', () => {
  const base = { iss: 'https://k', sub: 'system:serviceaccount:ns:sa', jti: 'j-1' };
  const k = (rest: Record<string, unknown>) => ({ ...base, 'kubernetes.io': { namespace: 'ns', serviceaccount: { name: 'sa', uid: 'sa-uid' }, ...rest } });

  it('pod extras need both name and uid', () => {
    expect(ofPayload(k({ pod: { name: 'p' } }))?.extra).toEqual({ [EXTRA_KEYS.credentialId]: ['JTI=j-1'] });
    expect(ofPayload(k({ pod: { name: 'p' } }))?.pod).toEqual({ name: 'p', uid: null });
  });

  it('node-uid only when non-empty', () => {
    expect(ofPayload(k({ pod: { name: 'p', uid: 'pu' }, node: { name: 'n', uid: '' } }))?.extra).toEqual({
      [EXTRA_KEYS.podName]: ['p'],
      [EXTRA_KEYS.podUid]: ['pu'],
      [EXTRA_KEYS.nodeName]: ['n'],
      [EXTRA_KEYS.credentialId]: ['JTI=j-1'],
    });
  });

  it('no credential id without jti', () => {
    const { jti: _j, ...noJti } = k({});
    expect(ofPayload(noJti)?.extra).toEqual({});
  });

  it('a legacy token gets no extra even with a jti', () => {
    const legacy = JSON.parse(Buffer.from(fixture('tokens/legacy-secret.jwt').split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
    expect(ofPayload({ ...legacy, jti: 'x' })?.extra).toEqual({});
  });

  it('webhook-bound tokens get the webhook extra keys', () => {
    expect(ofPayload(k({ mutatingWebhookConfiguration: { name: 'w', uid: 'wu' } }))?.extra).toMatchObject({
      [EXTRA_KEYS.mutatingWebhookName]: ['w'],
      [EXTRA_KEYS.mutatingWebhookUid]: ['wu'],
    });
  });

  it('is null for tokens that are not Kubernetes tokens', () => {
    expect(identity(fixture('tokens/hs256-generic.jwt'))).toBeNull();
  });
});

describe('identityOf: problems', () => {
  const legacy = JSON.parse(Buffer.from(fixture('tokens/legacy-secret.jwt').split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;

  it('a legacy sub that does not match is refused: "sub claim is invalid"', () => {
    const got = ofPayload({ ...legacy, sub: 'system:serviceaccount:kube-system:admin' });
    expect(got?.problems.map((p) => p.code)).toEqual(['sub-invalid']);
    expect(got?.problems[0]?.message).toMatch(/sub claim is invalid/);
    // RBAC still sees the claims' identity, never the sub.
    expect(got?.username).toBe('system:serviceaccount:default:sa-token-demo');
  });

  it('a legacy sub with an extra ":" is invalid', () => {
    expect(ofPayload({ ...legacy, sub: 'system:serviceaccount:default:sa-token-demo:x' })?.problems.map((p) => p.code)).toEqual(['sub-invalid']);
  });

  it('a legacy token missing its uid is refused', () => {
    const { 'kubernetes.io/serviceaccount/service-account.uid': _u, ...rest } = legacy;
    const got = ofPayload(rest);
    expect(got?.problems.map((p) => p.code)).toEqual(['missing-claim']);
    expect(got?.problems[0]?.message).toContain('kubernetes.io/serviceaccount/service-account.uid');
  });

  it('a bound token whose sub disagrees with kubernetes.io (fixtures/tokens/tampered-payload.jwt)', () => {
    const got = identity(fixture('tokens/tampered-payload.jwt'));
    expect(got?.problems.map((p) => p.code)).toEqual(['sub-mismatch']);
    expect(got?.username).toBe('system:serviceaccount:default:sa-token-demo');
  });

  it('names that cannot exist', () => {
    const got = ofPayload({ sub: 'system:serviceaccount:Bad_NS:sa', 'kubernetes.io': { namespace: 'Bad_NS', serviceaccount: { name: 'sa' } } });
    expect(got?.problems.map((p) => p.code)).toEqual(['invalid-name']);
  });

  // D10: ValidateServiceAccountName is IsDNS1123Subdomain, with no 63-character limit per label
  // (kubernetes/kubernetes pkg/apis/core/validation/validation.go; kubernetes/apimachinery
  // pkg/util/validation/validation.go). Identity and the API-server verdict use the same rule.
  it('a 70-character service account name can exist, for identity and verdict alike', () => {
    const name = `a${'b'.repeat(68)}c`;
    const claims = {
      iss: 'kubernetes/serviceaccount',
      sub: `system:serviceaccount:ns:${name}`,
      'kubernetes.io/serviceaccount/namespace': 'ns',
      'kubernetes.io/serviceaccount/secret.name': `${name}-token-x`,
      'kubernetes.io/serviceaccount/service-account.name': name,
      'kubernetes.io/serviceaccount/service-account.uid': 'uid',
    };
    expect(ofPayload(claims)?.problems).toEqual([]);
    const verdict = apiServerVerdict(claims, { issuers: [], audiences: [], nowSeconds: 0 });
    expect(verdict.reasons.map((r) => r.code)).not.toContain('legacy-sub-invalid');
    // The same text as a namespace (a DNS-1123 label, at most 63) is refused by both.
    const asNamespace = { ...claims, sub: `system:serviceaccount:${name}:sa`, 'kubernetes.io/serviceaccount/namespace': name, 'kubernetes.io/serviceaccount/service-account.name': 'sa' };
    expect(ofPayload(asNamespace)?.problems.map((p) => p.code)).toEqual(['sub-invalid', 'invalid-name']);
    expect(apiServerVerdict(asNamespace, { issuers: [], audiences: [], nowSeconds: 0 }).reasons.map((r) => r.code)).toContain('legacy-sub-invalid');
  });

  it('a bound token without namespace has no username or groups', () => {
    const got = ofPayload({ 'kubernetes.io': { serviceaccount: { name: 'sa' } } });
    expect(got?.username).toBeNull();
    expect(got?.groups).toEqual([]);
    expect(got?.problems.map((p) => p.code)).toEqual(['missing-claim']);
  });
});

describe('kubectlAuthCanIList', () => {
  // D9: kubernetes/apiserver pkg/endpoints/filters/impersonation/impersonation.go (v0.20.0 to
  // today): an impersonated system:serviceaccount:<ns>:<name> gets the service account groups
  // (MakeGroupNames) only when no group is requested, and every requested group is authorized
  // separately as "impersonate groups" — so --as-group is redundant and can make the command Forbidden.
  it('impersonates the service account alone, in its namespace: no --as-group', () => {
    const got = identity(fixture('tokens/pod-bound.jwt'));
    expect(got && kubectlAuthCanIList(got)).toEqual({ ok: true, value: 'kubectl auth can-i -n default --list --as=system:serviceaccount:default:sa-token-demo' });
  });

  it.each(['sh', 'bash'] as const)('%s hands a stub kubectl exactly these arguments', (shell) => {
    const got = identity(fixture('tokens/pod-bound.jwt'));
    const command = got && kubectlAuthCanIList(got);
    const run = runWithStubKubectl(command?.ok ? command.value : '', shell);
    expect(run.calls).toEqual([['auth', 'can-i', '-n', 'default', '--list', '--as=system:serviceaccount:default:sa-token-demo']]);
    expect(run.calls.flat().some((a) => a.startsWith('--as-group'))).toBe(false);
  });

  it.each([
    ["x'; rm -rf ~; '", 'sa'],
    ['default', '$(id)'],
    ['-A', 'sa'],
    ['default', '--all'],
  ])('no command for the namespace %j and name %j: a warning instead', (namespace, name) => {
    const got = ofPayload({ 'kubernetes.io': { namespace, serviceaccount: { name } } });
    const command = got && kubectlAuthCanIList(got);
    expect(command?.ok).toBe(false);
    expect(command?.ok === false && command.error.message).toMatch(/is not a valid Kubernetes name .* No command is generated/);
  });

  it('is null without a namespace or service account', () => {
    expect(kubectlAuthCanIList({ username: null, uid: null, namespace: null, serviceAccount: 'sa', groups: [], extra: {}, pod: null, node: null, secret: null, problems: [] })).toBeNull();
  });
});

// D12: kubernetes/apiserver pkg/authentication/serviceaccount/util.go @ v0.28.0 has only the pod
// extras; kubernetes/kubernetes pkg/serviceaccount/claims.go (1.29+) gates node info and the JTI.
describe('identityForVersion: the user extras a chosen version sets', () => {
  const pod = () => identity(vector('derived/k8s-derived-bound-pod-extended-v1.30plus-es256').token) as Identity;
  const keys = (id: Identity) => Object.keys(id.extra);
  it('pod-bound: only the pod extras up to 1.29 (gates off in 1.29), all from 1.30', () => {
    expect(keys(identityForVersion(pod(), { version: '1.28' }))).toEqual([EXTRA_KEYS.podName, EXTRA_KEYS.podUid]);
    expect(keys(identityForVersion(pod(), { version: '1.29' }))).toEqual([EXTRA_KEYS.podName, EXTRA_KEYS.podUid]);
    expect(keys(identityForVersion(pod(), { version: '1.29', gates: { ServiceAccountTokenJTI: true } }))).toEqual([EXTRA_KEYS.podName, EXTRA_KEYS.podUid, EXTRA_KEYS.credentialId]);
    expect(identityForVersion(pod(), { version: '1.30' })).toEqual(pod());
    expect(identityForVersion(pod(), {})).toEqual(pod());
  });

  it('node-bound: no node extras up to 1.28, where the binding is ignored', () => {
    const node = identity(vector('derived/k8s-derived-bound-node-es256').token) as Identity;
    expect(keys(identityForVersion(node, { version: '1.28' }))).not.toContain(EXTRA_KEYS.nodeName);
    expect(keys(identityForVersion(node, { version: 'latest' }))).toContain(EXTRA_KEYS.nodeName);
  });
});
