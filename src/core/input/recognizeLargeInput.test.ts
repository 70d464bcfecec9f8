import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { parse } from 'yaml';
import { DOCUMENT_RECOGNIZERS, recognizeInput } from './recognizeInput';
import { MAIN_THREAD_DOCUMENT_CHARS, recognizeText } from './recognizeText';

/** A `kubectl get secrets -A -o json` of about `megabytes` MB, made of the fixture's own items. */
function bigList(megabytes: number, order: 'kubectl' | 'raw-api' = 'kubectl'): string {
  const items = (JSON.parse(readFixture('inputs/secret-list.json')) as { items: unknown[] }).items;
  const one = JSON.stringify(items, null, 4).length;
  const all = Array.from({ length: Math.ceil((megabytes * 1e6) / one) }, () => items).flat();
  // kubectl prints items before kind; the raw API prints kind first, with kind-less items.
  const doc = order === 'kubectl' ? { apiVersion: 'v1', items: all, kind: 'List', metadata: {} } : { kind: 'SecretList', apiVersion: 'v1', metadata: {}, items: all };
  return JSON.stringify(doc, null, 4);
}

afterEach(() => vi.restoreAllMocks());

describe('recognizeInput: a large secret list is sniffed, not parsed on the main thread', () => {
  it.each(['kubectl', 'raw-api'] as const)('a 3 MB JSON list (%s order) is a secret-list without JSON.parse', (order) => {
    const text = bigList(3, order);
    const parse = vi.spyOn(JSON, 'parse');
    const r = recognizeInput(text);
    expect(parse).not.toHaveBeenCalled();
    expect(r).toMatchObject({ kind: 'secret-list', token: null, facts: [{ label: 'Size', value: `${(text.length / 1e6).toFixed(1)} MB` }] });
    expect(r.list).toBeUndefined();
  });

  it('a large list that starts with ServiceAccounts (kubectl get serviceaccounts,secrets)', () => {
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'x'.repeat(200), namespace: 'default' }, secrets: [{ name: 'x-token' }] };
    const text = JSON.stringify({ apiVersion: 'v1', items: [...Array(6000).fill(sa), ...JSON.parse(bigList(0.1)).items], kind: 'List' });
    expect(text.length).toBeGreaterThan(1 << 20);
    const parse = vi.spyOn(JSON, 'parse');
    expect(recognizeInput(text).kind).toBe('secret-list');
    expect(parse).not.toHaveBeenCalled();
  });

  it('a large YAML list needs no YAML parser', () => {
    const item = `- apiVersion: v1\n  data:\n    token: ${'Q'.repeat(1200)}\n  kind: Secret\n  metadata:\n    name: a\n  type: kubernetes.io/service-account-token\n`;
    const r = recognizeInput(`apiVersion: v1\nitems:\n${item.repeat(300)}kind: List\n`);
    expect(r.kind).toBe('secret-list');
    expect(r.pending).toBeUndefined();
  });

  it('other large JSON is still parsed and explained', () => {
    const keys = { keys: Array.from({ length: 5000 }, (_, i) => ({ kty: 'RSA', kid: `k${i}`, n: 'x'.repeat(300), e: 'AQAB' })) };
    expect(recognizeInput(JSON.stringify(keys)).hint?.message).toMatch(/key/);
  });

  it('small lists are still parsed, with their counts', () => {
    const r = recognizeInput(readFixture('inputs/secret-list.json'));
    expect(r.facts).toContainEqual({ label: 'Service account token Secrets', value: '6' });
    expect(r.list).toBeDefined();
  });
});

describe('recognizeText: documents too large for the main thread are left to a worker', () => {
  const secretYaml = readFixture('inputs/secret.yaml');
  const padded = (text: string) => `${text}\n${'# padding\n'.repeat(30_000)}`;

  it('a 300 KB YAML Secret or kubeconfig is pending for the worker, parsed by no one here', () => {
    const parseYaml = vi.fn((t: string) => JSON.parse(t) as unknown);
    const text = padded(secretYaml);
    expect(text.length).toBeGreaterThan(MAIN_THREAD_DOCUMENT_CHARS);
    expect(recognizeText(text, { parseYaml, documents: DOCUMENT_RECOGNIZERS, parseLimit: MAIN_THREAD_DOCUMENT_CHARS })).toEqual({ kind: 'pending', token: null, notes: [], pending: 'worker' });
    expect(parseYaml).not.toHaveBeenCalled();
  });

  it('so is a 300 KB JSON document, before its reader is even loaded', () => {
    const text = JSON.stringify({ ...(JSON.parse(readFixture('inputs/secret.json')) as object), padding: 'x'.repeat(300_000) });
    const parse = vi.spyOn(JSON, 'parse');
    expect(recognizeText(text, { parseLimit: MAIN_THREAD_DOCUMENT_CHARS })).toMatchObject({ kind: 'pending', pending: 'worker' });
    expect(parse).not.toHaveBeenCalled();
  });

  it('without a limit (in the worker) the same text is read in full', () => {
    expect(recognizeInput(padded(secretYaml), { parseYaml: (t) => parse(t) as unknown }).kind).toBe('secret');
  });

  it('smaller documents and tokens are read at once', () => {
    const options = { parseYaml: (t: string) => parse(t) as unknown, documents: DOCUMENT_RECOGNIZERS, parseLimit: MAIN_THREAD_DOCUMENT_CHARS };
    expect(recognizeText(secretYaml, options).kind).toBe('secret');
    expect(recognizeText(readFixture('tokens/pod-bound.jwt'), options).kind).toBe('jwt');
  });
});
