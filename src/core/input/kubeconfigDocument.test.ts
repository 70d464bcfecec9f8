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

describe('recognizeKubernetesDocument: kubeconfig', () => {
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

describe('recognizeKubeconfig: labels stay short whatever the names', () => {
  const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

  it('cuts a 10 MB user name, context name and server in the picker and the facts', () => {
    const huge = 'u'.repeat(10_000_000);
    const doc = {
      kind: 'Config',
      'current-context': huge,
      contexts: [{ name: huge, context: { user: huge, cluster: 'c', namespace: huge } }],
      clusters: [{ name: 'c', cluster: { server: `https://${huge}` } }],
      users: [{ name: huge, user: { token } }],
    };
    const r = recognizeKubernetesDocument(doc, {});
    expect(r?.token).toBe(token);
    const choice = r?.choices?.[0];
    expect(choice?.label.length).toBeLessThan(300);
    expect(choice?.label).toMatch(/^u+… — context u+… \(current\)$/);
    expect(choice?.id.length).toBeLessThan(100);
    expect(r?.selected).toBe(choice?.id);
    for (const f of r?.facts ?? []) expect(f.value.length).toBeLessThanOrEqual(201);
    for (const note of r?.notes ?? []) expect(note.length).toBeLessThan(300);
  });

  it('keeps users apart whose long names start alike, and a choice of one selects it', () => {
    const name = (i: number) => `${'x'.repeat(500)}${i}`;
    const doc = { kind: 'Config', users: [1, 2].map((i) => ({ name: name(i), user: { token: `${token}${i}` } })) };
    const ids = recognizeKubernetesDocument(doc, {})?.choices?.map((c) => c.id) ?? [];
    expect(new Set(ids).size).toBe(2);
    expect(recognizeKubernetesDocument(doc, { choice: ids[1] })?.token).toBe(`${token}2`);
  });

  it('lists three contexts of a user and counts the rest', () => {
    const contexts = Array.from({ length: 1000 }, (_, i) => ({ name: `ctx-${i}`, context: { user: 'bot' } }));
    const r = recognizeKubernetesDocument({ kind: 'Config', contexts, users: [{ name: 'bot', user: { token } }] }, {});
    expect(r?.choices?.[0]?.label).toBe('bot — contexts ctx-0, ctx-1, ctx-2 and 997 more');
  });
});
