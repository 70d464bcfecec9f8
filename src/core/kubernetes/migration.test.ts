import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeToken } from '../jws/decodeToken';
import { classifyToken } from './classifyToken';
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

/** What a POSIX shell would pass to kubectl. */
const argv = (command: string) => execFileSync('sh', ['-c', `for a in ${command}; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' }).split('\0').slice(0, -1);

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
    expect(text(steps, 'create-token')).toBe('kubectl create token sa-token-demo -n default --duration=1h');
    expect(text(stepsFor(fixture('tokens/legacy-secret.jwt'), { duration: '10m', audience: 'vault' }), 'create-token')).toBe(
      'kubectl create token sa-token-demo -n default --duration=10m --audience=vault',
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
    expect(text(steps, 'delete-secret')).toBe('kubectl delete secret sa-token-demo-token -n default');
  });

  it('uses the blog post’s names for the v1.20 token', () => {
    const s = stepsFor(fixture('seed/v1.20-legacy.jwt'));
    expect((parse(text(s, 'explicit-secret')) as { metadata: { name: string } }).metadata.name).toBe('default-token');
  });
});

describe('migrationFor: hostile names from an untrusted token', () => {
  const ns = `x'; rm -rf ~; echo "$(id)"\n#`;
  const sa = `yes: no\n  - evil: "1"\u2028`;
  const secret = '`reboot`';
  const token = `${b64({ alg: 'RS256', kid: '' })}.${b64({
    iss: 'kubernetes/serviceaccount',
    'kubernetes.io/serviceaccount/namespace': ns,
    'kubernetes.io/serviceaccount/secret.name': secret,
    'kubernetes.io/serviceaccount/service-account.name': sa,
    'kubernetes.io/serviceaccount/service-account.uid': 'u',
    sub: 'x',
  })}.c2ln`;
  const steps = stepsFor(token);

  it('YAML reads back exactly the names, nothing more', () => {
    const secretDoc = parse(text(steps, 'explicit-secret')) as { metadata: { namespace: string; annotations: Record<string, string>; name: string }; type: string };
    expect(secretDoc.metadata.namespace).toBe(ns);
    expect(secretDoc.metadata.annotations).toEqual({ 'kubernetes.io/service-account.name': sa });
    expect(secretDoc.type).toBe('kubernetes.io/service-account-token');
    const pod = parse(text(steps, 'projected-volume')) as PodSpec;
    expect(pod.spec.serviceAccountName).toBe(sa);
    expect(pod.metadata.namespace).toBe(ns);
  });

  it('the shell passes exactly the names to kubectl', () => {
    expect(argv(text(steps, 'create-token'))).toEqual(['kubectl', 'create', 'token', sa, '-n', ns, '--duration=1h']);
    expect(argv(text(steps, 'delete-secret'))).toEqual(['kubectl', 'delete', 'secret', secret, '-n', ns]);
  });
});

describe('migrationFor: not for other tokens', () => {
  it.each(['tokens/pod-bound.jwt', 'tokens/unbound-tokenrequest.jwt', 'tokens/hs256-generic.jwt'])('%s', (path) => {
    expect(stepsFor(fixture(path))).toEqual([]);
  });
});
