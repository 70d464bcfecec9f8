import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeToken } from '../jws/decodeToken';
import { classifyToken } from './classifyToken';
import { optionArguments, positionalArguments, runWithStubKubectl } from '../../testing/stubKubectl';
import { identityOf } from './identity';
import { migrationFor, type MigrationStep } from './migration';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const stepsFor = (token: string, options = {}) => {
  const d = decodeToken(token.trim());
  const c = classifyToken(d);
  return migrationFor(identityOf(d, c), c, options);
};
const text = (steps: MigrationStep[], id: string) => steps.find((s) => s.id === id)?.text ?? '';
const legacyToken = (claims: Record<string, string>) =>
  `${b64({ alg: 'RS256', kid: '' })}.${b64({
    iss: 'kubernetes/serviceaccount',
    'kubernetes.io/serviceaccount/namespace': 'prod',
    'kubernetes.io/serviceaccount/secret.name': 'builder-token-x',
    'kubernetes.io/serviceaccount/service-account.name': 'builder',
    'kubernetes.io/serviceaccount/service-account.uid': 'u',
    sub: 'system:serviceaccount:prod:builder',
    ...claims,
  })}.c2ln`;

interface PodSpec {
  metadata: { namespace: string };
  spec: { serviceAccountName: string; volumes: { projected: { sources: { serviceAccountToken: Record<string, unknown> }[] } }[]; containers: { volumeMounts: { mountPath: string }[] }[] };
}

describe('migrationFor: a legacy token (fixtures/tokens/legacy-secret.jwt)', () => {
  const steps = stepsFor(fixture('tokens/legacy-secret.jwt'));

  it('offers all four helpers, each with a title and explanation', () => {
    expect(steps.map((s) => s.id)).toEqual(['create-token', 'projected-volume', 'explicit-secret', 'delete-secret']);
    for (const s of steps) expect(s.title.length * s.description.length).toBeGreaterThan(0);
  });

  it('kubectl create token with the namespace and a 1 h duration, no audience', () => {
    expect(text(steps, 'create-token')).toBe('kubectl create token -n default --duration=1h -- sa-token-demo');
    expect(text(stepsFor(fixture('tokens/legacy-secret.jwt'), { duration: '10m', audience: 'vault' }), 'create-token')).toBe(
      'kubectl create token -n default --duration=10m --audience=vault -- sa-token-demo',
    );
  });

  it('the explicit Secret has the shape of the blog post’s manifest, filled in', () => {
    const blog = parse(fixture('seed/explicit-sa-token-manifest.yaml')) as Record<string, unknown> & { metadata: { annotations: Record<string, string> } };
    const ours = parse(text(steps, 'explicit-secret')) as typeof blog & { metadata: { name: string; namespace: string } };
    expect(Object.keys(ours).sort()).toEqual(Object.keys(blog).sort());
    expect(ours.type).toBe(blog.type);
    expect(ours.metadata.annotations).toEqual(blog.metadata.annotations); // both name sa-token-demo
    expect(ours.metadata.namespace).toBe('default');
    // The token’s own Secret is sa-token-demo-token, so the new one gets another name.
    expect(ours.metadata.name).toBe('sa-token-demo-long-lived-token');
  });

  it('the projected volume Pod mounts a token for the service account', () => {
    const pod = parse(text(steps, 'projected-volume')) as PodSpec;
    expect(pod.metadata.namespace).toBe('default');
    expect(pod.spec.serviceAccountName).toBe('sa-token-demo');
    expect(pod.spec.volumes[0]?.projected.sources[0]?.serviceAccountToken).toEqual({ path: 'token', expirationSeconds: 3600 });
    expect(pod.spec.containers[0]?.volumeMounts[0]?.mountPath).toBe('/var/run/secrets/tokens');
    const withAudience = parse(text(stepsFor(fixture('tokens/legacy-secret.jwt'), { audience: 'vault', expirationSeconds: 60 }), 'projected-volume')) as PodSpec;
    expect(withAudience.spec.volumes[0]?.projected.sources[0]?.serviceAccountToken).toEqual({ path: 'token', expirationSeconds: 600, audience: 'vault' });
  });

  it('deletes the old Secret', () => {
    expect(text(steps, 'delete-secret')).toBe('kubectl delete secret -n default -- sa-token-demo-token');
    expect(steps.every((s) => s.warning === null)).toBe(true);
  });

  it('uses the blog post’s names for the v1.20 token', () => {
    const s = stepsFor(fixture('seed/v1.20-legacy.jwt'));
    expect((parse(text(s, 'explicit-secret')) as { metadata: { name: string } }).metadata.name).toBe('default-token');
  });
});

describe('migrationFor: names from an untrusted token', () => {
  it.each([['--all'], ['-A'], ['$(id)'], ['a;b'], ['`reboot`'], ['x\u202e']])('a Secret named %j gets a warning, never a delete command', (secret) => {
    const steps = stepsFor(legacyToken({ 'kubernetes.io/serviceaccount/secret.name': secret }));
    const remove = steps.find((s) => s.id === 'delete-secret');
    expect(remove?.text).toBeNull();
    expect(remove?.warning).toMatch(/^The Secret name ".*" is not a valid Kubernetes name \(.*\)\. No command is generated for it/);
    // The replacements name only the service account and namespace, which are valid.
    expect(steps.filter((s) => s.text !== null).map((s) => s.id)).toEqual(['create-token', 'projected-volume', 'explicit-secret']);
    expect(steps.map((s) => s.text ?? '').join('\n')).not.toContain(secret);
  });

  it('an invalid namespace or service account name gives warnings for every step that uses it', () => {
    const ns = `x'; rm -rf ~; echo "$(id)"\n#`;
    const sa = `yes: no\n  - evil: "1"\u2028`;
    const steps = stepsFor(legacyToken({ 'kubernetes.io/serviceaccount/namespace': ns, 'kubernetes.io/serviceaccount/service-account.name': sa }));
    expect(steps.map((s) => [s.id, s.text])).toEqual([
      ['create-token', null],
      ['projected-volume', null],
      ['explicit-secret', null],
      ['delete-secret', null],
    ]);
    expect(steps.find((s) => s.id === 'create-token')?.warning).toMatch(/^The namespace .* The service account name .* No command is generated/s);
    expect(steps.find((s) => s.id === 'projected-volume')?.warning).toMatch(/No manifest is generated for it: the API server would refuse it\.$/);
  });

  it('a long service account name (no per-label limit) gets a valid explicit Secret name: cut, without a trailing "."', () => {
    const sa = `${'s'.repeat(239)}.${'t'.repeat(10)}`;
    const steps = stepsFor(legacyToken({ 'kubernetes.io/serviceaccount/service-account.name': sa, sub: `system:serviceaccount:prod:${sa}` }));
    expect(steps.every((s) => s.text !== null)).toBe(true);
    expect((parse(text(steps, 'explicit-secret')) as { metadata: { name: string } }).metadata.name).toBe(`${'s'.repeat(239)}-token`);
  });

  it.each(['sh', 'bash'] as const)('%s hands a stub kubectl exactly the names, after "--"', (shell) => {
    const steps = stepsFor(legacyToken({ 'kubernetes.io/serviceaccount/secret.name': 'a.b-c' }));
    const run = runWithStubKubectl(`${text(steps, 'create-token')}\n${text(steps, 'delete-secret')}`, shell);
    expect(run.stray).toBe('');
    expect(run.calls).toEqual([
      ['create', 'token', '-n', 'prod', '--duration=1h', '--', 'builder'],
      ['delete', 'secret', '-n', 'prod', '--', 'a.b-c'],
    ]);
    expect(run.calls.map(positionalArguments)).toEqual([
      ['create', 'token', 'builder'],
      ['delete', 'secret', 'a.b-c'],
    ]);
    expect(run.calls.map(optionArguments)).toEqual([['-n', '--duration=1h'], ['-n']]);
  });
});

describe('migrationFor: not for other tokens', () => {
  it.each(['tokens/pod-bound.jwt', 'tokens/unbound-tokenrequest.jwt', 'tokens/hs256-generic.jwt'])('%s', (path) => {
    expect(stepsFor(fixture(path))).toEqual([]);
  });
});
