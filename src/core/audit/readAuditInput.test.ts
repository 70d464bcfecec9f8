import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readFixture } from '../../testing/fixtures';
import { collectAuditItems, readAuditInput, type SecretListInput } from './readAuditInput';
import { yamlDocumentsParser } from './yamlDocuments';

const parseYaml = yamlDocumentsParser(parseAllDocuments);
const list = readFixture('inputs/secret-list.json');
const legacyToken = readFixture('tokens/legacy-secret.jwt');
const podToken = readFixture('tokens/pod-bound.jwt');

function secretsOf(text: string): SecretListInput {
  const read = readAuditInput(text, parseYaml);
  if (!read.ok || read.value.source !== 'secrets') throw new Error(`not a secret list: ${JSON.stringify(read)}`);
  return read.value;
}

const names = (input: SecretListInput) => input.secrets.map((s) => (s.metadata as { name: string }).name);

describe('readAuditInput', () => {
  it('reads kubectl get secrets -A -o json (fixtures/inputs/secret-list.json): all 7 Secrets, in order', () => {
    const input = secretsOf(list);
    expect(names(input)).toEqual(['builder-0-token', 'builder-1-token', 'builder-2-token', 'builder-3-token', 'builder-4-token', 'builder-5-token', 'db-password']);
    expect(input.serviceAccounts).toEqual([]);
  });

  it('reads the same list as YAML (kubectl get secrets -A -o yaml)', () => {
    const yaml = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  type: kubernetes.io/service-account-token
  metadata:
    name: build-robot-secret
    namespace: default
    labels:
      kubernetes.io/legacy-token-last-used: 2022-10-24
  data:
    token: ${Buffer.from(legacyToken).toString('base64')}
- apiVersion: v1
  kind: Secret
  type: Opaque
  metadata: {name: db, namespace: default}
  data: {password: aHVudGVyMg==}
`;
    expect(names(secretsOf(yaml))).toEqual(['build-robot-secret', 'db']);
    expect(readAuditInput(yaml)).toMatchObject({ ok: false, error: { code: 'needs-yaml' } });
  });

  it('reads several YAML documents, and Lists inside them', () => {
    const yaml = `kind: Secret\ntype: Opaque\nmetadata: {name: a}\n---\nkind: SecretList\nitems:\n- type: kubernetes.io/service-account-token\n  metadata: {name: b}\n  data: {}\n`;
    expect(names(secretsOf(yaml))).toEqual(['a', 'b']);
  });

  it('takes kind-less items of a raw SecretList, and a jq array', () => {
    const raw = JSON.stringify({ kind: 'SecretList', apiVersion: 'v1', items: [{ type: 'Opaque', metadata: { name: 'x' } }] });
    expect(names(secretsOf(raw))).toEqual(['x']);
    expect(names(secretsOf(JSON.stringify([{ type: 'Opaque', metadata: { name: 'y' }, data: {} }])))).toEqual(['y']);
  });

  it('sorts ServiceAccounts, Pods and the tracking ConfigMap out of a mixed list', () => {
    const mixed = {
      kind: 'List',
      items: [
        { kind: 'Secret', type: 'Opaque', metadata: { name: 's' } },
        { kind: 'ServiceAccount', metadata: { name: 'sa', namespace: 'ns' } },
        { kind: 'Pod', metadata: { name: 'p', namespace: 'ns' } },
        { kind: 'ConfigMap', metadata: { name: 'kube-apiserver-legacy-service-account-token-tracking', namespace: 'kube-system' }, data: { since: '2024-02-01' } },
        { kind: 'ConfigMap', metadata: { name: 'other', namespace: 'kube-system' }, data: { since: '1999-01-01' } },
      ],
    };
    const input = secretsOf(JSON.stringify(mixed));
    expect([input.secrets.length, input.serviceAccounts.length, input.pods.length, input.otherItems]).toEqual([1, 1, 1, 1]);
    expect(input.trackingSince).toBe('2024-02-01');
  });

  it('reads many tokens, one per line', () => {
    expect(readAuditInput(`${legacyToken}\n${podToken}\n`)).toEqual({ ok: true, value: { source: 'token-lines', tokens: [legacyToken, podToken] } });
  });

  it('accepts an empty List (nothing to audit) but refuses documents without Secrets', () => {
    expect(readAuditInput('{"kind":"List","items":[]}').ok).toBe(true);
    expect(collectAuditItems({ kind: 'ConfigMapList', items: [{ metadata: { name: 'x' } }] })).toBeNull();
    expect(readAuditInput('{"kind":"PodList","items":[{"metadata":{}}]}')).toMatchObject({ ok: false, error: { code: 'not-a-list' } });
  });

  it.each([
    ['', 'empty'],
    ['{"items": [', 'bad-json'],
    ['kind: List\nitems: [', 'bad-yaml'],
    [legacyToken, 'not-a-list'],
    ['hello\nworld', 'not-a-list'],
  ])('says what is wrong with %j', (text, code) => {
    const read = readAuditInput(text, parseYaml);
    expect(read).toMatchObject({ ok: false, error: { code } });
  });
});

describe('readAuditInput: deeply nested YAML', () => {
  it('says it is nested too deeply instead of "Maximum call stack size exceeded"', () => {
    const r = readAuditInput(`apiVersion: v1\nkind: List\nitems:\n${'- '.repeat(5000)}x\n`, parseYaml);
    expect(r).toEqual({ ok: false, error: { code: 'bad-yaml', message: expect.stringContaining('nested too deeply (more than 64 levels)') } });
    expect(JSON.stringify(r)).not.toMatch(/call stack/i);
  });
});

