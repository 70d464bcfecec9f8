import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RecognizedInput } from './inputKinds';
import { recognizeKubernetesDocument } from './kubernetesObjects';
import { recognizeInput } from './recognizeInput';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const yaml = (path: string): unknown => parse(fixture(path));
const opts = { parseYaml: parse };
const fact = (r: RecognizedInput | null, label: string) => r?.facts?.find((f) => f.label === label)?.value;

describe('recognizeKubernetesDocument: kubeconfig (§9g)', () => {
  const config = yaml('inputs/kubeconfig.yaml');
  const tokenOf = (user: string) => (fixture('inputs/kubeconfig.yaml').split(`- name: ${user}`)[1] ?? '').match(/token: (\S+)/)?.[1];

  it('offers every user and selects the current context’s user', () => {
    const r = recognizeKubernetesDocument(config, opts);
    expect(r?.kind).toBe('kubeconfig');
    expect(r?.choices?.map((c) => c.id)).toEqual(['ci-bot', 'old-bot', 'admin']);
    expect(r?.selected).toBe('ci-bot');
    expect(r?.token).toBe(tokenOf('ci-bot'));
    expect(r?.choices?.[0]?.label).toContain('ci (current)');
    expect(r?.choices?.[1]?.label).toContain('legacy');
    expect(fact(r, 'Server')).toBe('https://127.0.0.1:6443');
    expect(fact(r, 'Namespace')).toBe('default');
  });

  it('honours a chosen user, and falls back when the choice is unknown', () => {
    const old = recognizeKubernetesDocument(config, { ...opts, choice: 'old-bot' });
    expect(old?.selected).toBe('old-bot');
    expect(old?.token).toBe(tokenOf('old-bot'));
    expect(old?.token).not.toBe(tokenOf('ci-bot'));
    expect(recognizeKubernetesDocument(config, { ...opts, choice: 'nobody' })?.selected).toBe('ci-bot');
  });

  it('explains a client-certificate user', () => {
    const r = recognizeKubernetesDocument(config, { ...opts, choice: 'admin' });
    expect(r?.token).toBeNull();
    expect(r?.choices?.[2]?.token).toBeNull();
    expect(r?.choices?.[2]?.reason).toMatch(/client certificate/);
    expect(r?.hint?.message).toMatch(/client certificate/);
  });

  const redacted = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://10.0.0.1:6443
  name: prod
contexts:
- context:
    cluster: prod
    user: deployer
  name: prod
- context:
    cluster: prod
    user: eks
  name: eks
- context:
    cluster: prod
    user: files
  name: files
current-context: prod
preferences: {}
users:
- name: deployer
  user:
    token: REDACTED
- name: eks
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws
      args: [eks, get-token, --cluster-name, prod]
- name: files
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
`;

  it('explains REDACTED, DATA+OMITTED, exec and tokenFile users', () => {
    const r = recognizeInput(redacted, opts);
    expect(r.kind).toBe('kubeconfig');
    expect(r.token).toBeNull();
    expect(r.selected).toBe('deployer');
    const [deployer, eks, files] = r.choices ?? [];
    expect(deployer?.reason).toMatch(/REDACTED.*--raw/);
    expect(eks?.reason).toMatch(/exec plugin "aws eks get-token --cluster-name prod"/);
    expect(files?.reason).toContain('"/var/run/secrets/kubernetes.io/serviceaccount/token"');
    expect(r.notes.join(' ')).toMatch(/without --raw.*DATA\+OMITTED/);
    expect(r.hint?.code).toBe('kubeconfig-without-token');
  });

  it('selects the first user with a token when the current context’s user has none', () => {
    const doc = parse(redacted) as { users: { name: string; user: Record<string, unknown> }[] };
    doc.users.push({ name: 'robot', user: { token: fixture('tokens/unbound-tokenrequest.jwt').trim() } });
    const r = recognizeKubernetesDocument(doc, {});
    expect(r?.selected).toBe('robot');
    expect(r?.token).toBe(fixture('tokens/unbound-tokenrequest.jwt').trim());
  });
});
