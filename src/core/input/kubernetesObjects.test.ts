import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RecognizedInput } from './inputKinds';
import { recognizeKubernetesDocument } from './kubernetesObjects';
import { recognizeInput } from './recognizeInput';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const json = (path: string): unknown => JSON.parse(fixture(path));
const yaml = (path: string): unknown => parse(fixture(path));
const opts = { parseYaml: parse };
const fact = (r: RecognizedInput | null, label: string) => r?.facts?.find((f) => f.label === label)?.value;
const fromBase64 = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

describe('recognizeKubernetesDocument: Secrets', () => {
  const secretJson = json('inputs/secret.json') as { data: Record<string, string> };
  const legacyJwt = fixture('tokens/legacy-secret.jwt').trim();

  it('takes data.token from a Secret in JSON and decodes its base64', () => {
    const r = recognizeKubernetesDocument(secretJson, {});
    expect(r?.kind).toBe('secret');
    expect(r?.token).toBe(fromBase64(secretJson.data.token as string));
    expect(r?.token).toBe(legacyJwt);
    expect(r?.hint).toBeUndefined();
  });

  it('reads the same Secret from YAML', () => {
    const fromYaml = recognizeKubernetesDocument(yaml('inputs/secret.yaml'), opts);
    const fromJson = recognizeKubernetesDocument(secretJson, {});
    expect(fromYaml?.token).toBe(legacyJwt);
    expect(fromYaml?.facts).toEqual(fromJson?.facts);
  });

  it('states name, namespace, type, service account and the ca.crt summary', () => {
    const r = recognizeKubernetesDocument(secretJson, {});
    const caBytes = Buffer.from(secretJson.data['ca.crt'] as string, 'base64').length;
    expect(fact(r, 'Secret')).toBe('sa-token-demo-token');
    expect(fact(r, 'Namespace')).toBe('default');
    expect(fact(r, 'Type')).toBe('kubernetes.io/service-account-token');
    expect(fact(r, 'Service account')).toBe('sa-token-demo');
    expect(fact(r, 'Service account UID')).toBe('3743eb1d-ae51-43ed-ae31-90bca3f5ea20');
    expect(fact(r, 'ca.crt')).toBe(`${caBytes} bytes, PEM, 1 certificate`);
  });

  it('reads the blog post’s explicit Secret, with a real CA certificate', () => {
    const r = recognizeKubernetesDocument(yaml('seed/explicit-sa-token-secret.yaml'), opts);
    expect(r?.token).toBe(fixture('seed/v1.24-explicit-secret.jwt').trim());
    expect(fact(r, 'Secret')).toBe('explicit-sa-token');
    expect(fact(r, 'ca.crt')).toBe('1099 bytes, PEM, 1 certificate');
    expect(fact(r, 'Created')).toBe('2022-08-19T13:36:42Z');
  });

  it('takes the namespace from data.namespace when metadata has none', () => {
    const r = recognizeKubernetesDocument(
      { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name: 's' }, data: { namespace: Buffer.from('team-a').toString('base64') } },
      {},
    );
    expect(fact(r, 'Namespace')).toBe('team-a (from data.namespace)');
  });

  it('takes stringData.token as written', () => {
    const r = recognizeKubernetesDocument({ kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name: 'x' }, stringData: { token: `  ${legacyJwt}\n` } }, {});
    expect(r?.token).toBe(legacyJwt);
    expect(r?.notes.join(' ')).toMatch(/stringData\.token/);
  });

  it('shows the legacy token labels', () => {
    const doc = {
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: { name: 'build-robot-secret', labels: { 'kubernetes.io/legacy-token-last-used': '2022-10-24', 'kubernetes.io/legacy-token-invalid-since': '2023-10-25' } },
      data: { token: secretJson.data.token },
    };
    const r = recognizeKubernetesDocument(doc, {});
    expect(fact(r, 'kubernetes.io/legacy-token-last-used')).toBe('2022-10-24');
    expect(fact(r, 'kubernetes.io/legacy-token-invalid-since')).toBe('2023-10-25');
  });

  it('explains a manually created token Secret the controller has not filled yet', () => {
    const r = recognizeKubernetesDocument(yaml('seed/explicit-sa-token-manifest.yaml'), opts);
    expect(r?.kind).toBe('secret');
    expect(r?.token).toBeNull();
    expect(r?.hint?.code).toBe('secret-token-pending');
    expect(r?.hint?.message).toMatch(/token controller/);
    expect(r?.hint?.message).toContain('"sa-token-demo"');
    expect(r?.hint?.message).toContain('kubectl get secret -n <namespace> --output=yaml -- explicit-sa-token');
  });

  it('says an Opaque Secret has no token, without showing its values', () => {
    const r = recognizeKubernetesDocument({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'db-password' }, data: { password: 'aHVudGVyMg==' } }, {});
    expect(r?.token).toBeNull();
    expect(r?.hint?.code).toBe('secret-without-token');
    expect(JSON.stringify(r)).not.toContain('hunter2');
    expect(JSON.stringify(r)).not.toContain('aHVudGVyMg==');
  });

  it('reports a data.token that is not base64', () => {
    const r = recognizeKubernetesDocument({ kind: 'Secret', type: 'kubernetes.io/service-account-token', data: { token: 'not base64 at all!' } }, {});
    expect(r?.token).toBeNull();
    expect(r?.hint?.code).toBe('secret-token-unreadable');
  });

  it('accepts a data.token that holds the JWT itself, and says so', () => {
    const r = recognizeKubernetesDocument({ kind: 'Secret', type: 'kubernetes.io/service-account-token', data: { token: legacyJwt } }, {});
    expect(r?.token).toBe(legacyJwt);
    expect(r?.notes.join(' ')).toMatch(/not its base64/);
  });
});

describe('recognizeKubernetesDocument: lists of Secrets', () => {
  it('hands `kubectl get secrets -o json` to the audit view with counts', () => {
    const doc = json('inputs/secret-list.json');
    const r = recognizeKubernetesDocument(doc, {});
    expect(r?.kind).toBe('secret-list');
    expect(r?.token).toBeNull();
    expect(r?.list).toBe(doc);
    expect(fact(r, 'Items')).toBe('7');
    expect(fact(r, 'Service account token Secrets')).toBe('6');
    expect(fact(r, 'With a token')).toBe('6');
    expect(fact(r, 'Labelled kubernetes.io/legacy-token-invalid-since')).toBe('1');
  });

  it('accepts a raw SecretList whose items have no kind', () => {
    const doc = json('inputs/secret-list.json') as { items: Record<string, unknown>[] };
    const raw = { kind: 'SecretList', apiVersion: 'v1', items: doc.items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest) };
    const r = recognizeKubernetesDocument(raw, {});
    expect(r?.kind).toBe('secret-list');
    expect(fact(r, 'Secrets')).toBe('7');
    expect(fact(r, 'Service account token Secrets')).toBe('6');
  });

  it('accepts a YAML List', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  type: kubernetes.io/service-account-token
  metadata: {name: a-token, namespace: default}
  data: {token: ${fixture('inputs/token-base64.txt').trim()}}
- apiVersion: v1
  kind: ServiceAccount
  metadata: {name: a, namespace: default}
metadata:
  resourceVersion: ""
`;
    const r = recognizeInput(text, opts);
    expect(r.kind).toBe('secret-list');
    expect(fact(r, 'ServiceAccounts')).toBe('1');
    expect(fact(r, 'Other items')).toBe('1');
  });

  it('does not take a list of other objects', () => {
    expect(recognizeKubernetesDocument({ kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'p' } }] }, {})).toBeNull();
    expect(recognizeKubernetesDocument({ kind: 'PodList', items: [] }, {})).toBeNull();
  });
});

describe('recognizeKubernetesDocument: anything else', () => {
  it.each([null, 42, 'text', [], [1, 2], {}, { kind: 'Pod' }, { kind: 'ConfigMap', data: { token: 'x' } }])('returns null for %j', (value) => {
    expect(recognizeKubernetesDocument(value, {})).toBeNull();
  });

  it('explains that a ServiceAccount holds no token', () => {
    const r = recognizeKubernetesDocument({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'build-robot', namespace: 'ci' } }, {});
    expect(r?.kind).toBe('unknown');
    expect(r?.hint?.message).toContain('kubectl create token -n ci -- build-robot');
    // A name kubectl would read as an option is never put into the command.
    const hostile = recognizeKubernetesDocument({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: '--all', namespace: '-A' } }, {});
    expect(hostile?.hint?.message).toContain('kubectl create token -n <namespace> -- <service-account>');
    expect(hostile?.hint?.message).not.toMatch(/--all|-A\b/);
  });

  it('explains an audit event, and takes a token logged at RequestResponse level', () => {
    const event = { kind: 'Event', apiVersion: 'audit.k8s.io/v1', user: { username: 'system:serviceaccount:myns:mysvcacct' } };
    expect(recognizeKubernetesDocument(event, {})?.hint?.code).toBe('audit-event-without-token');
    const token = fixture('tokens/unbound-tokenrequest.jwt').trim();
    const logged = { ...event, responseObject: { kind: 'TokenRequest', status: { token, expirationTimestamp: '2026-01-15T10:30:00Z' } } };
    const r = recognizeKubernetesDocument(logged, {});
    expect(r?.kind).toBe('tokenrequest');
    expect(r?.token).toBe(token);
  });

  it('takes status.token from an exec plugin’s ExecCredential', () => {
    const token = fixture('tokens/unbound-tokenrequest.jwt').trim();
    const r = recognizeInput(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', spec: {}, status: { expirationTimestamp: '2026-01-15T10:30:00Z', token } }));
    expect(r).toMatchObject({ kind: 'jwt', token });
    expect(recognizeKubernetesDocument({ kind: 'ExecCredential', status: { clientCertificateData: 'x' } }, {})?.hint?.code).toBe('exec-credential-without-token');
  });

  it('does not trip over __proto__ keys', () => {
    const doc = JSON.parse('{"kind":"Secret","type":"kubernetes.io/service-account-token","__proto__":{"polluted":1},"metadata":{"__proto__":{"name":"x"}}}');
    const r = recognizeKubernetesDocument(doc, {});
    expect(r?.kind).toBe('secret');
    expect(fact(r, 'Secret')).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
