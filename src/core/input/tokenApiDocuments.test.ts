import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RecognizedInput } from './inputKinds';
import { recognizeKubernetesDocument } from './kubernetesObjects';
import { recognizeInput } from './recognizeInput';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const json = (path: string): unknown => JSON.parse(fixture(path));
const opts = { parseYaml: parse };
const fact = (r: RecognizedInput | null, label: string) => r?.facts?.find((f) => f.label === label)?.value;

describe('recognizeKubernetesDocument: TokenRequest and TokenReview', () => {
  it('takes status.token and the expirationTimestamp of a TokenRequest response', () => {
    const doc = json('inputs/tokenrequest-response.json') as { status: { token: string } };
    const r = recognizeKubernetesDocument(doc, {});
    expect(r?.kind).toBe('tokenrequest');
    expect(r?.token).toBe(doc.status.token);
    expect(r?.expirationTimestamp).toBe(Date.parse('2026-01-15T10:30:00Z') / 1000);
    expect(fact(r, 'Audiences')).toBe('https://kubernetes.default.svc.cluster.local');
    expect(fact(r, 'expirationSeconds')).toBe('3600 (1 h)');
    expect(fact(r, 'Bound object')).toMatch(/^none/);
    expect(fact(r, 'Service account')).toBe('default/sa-token-demo');
  });

  it('shows a bound object reference and explains a request without a token', () => {
    const r = recognizeKubernetesDocument(
      { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', spec: { audiences: [], expirationSeconds: 600, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'busybox', uid: 'u-1' } } },
      {},
    );
    expect(r?.token).toBeNull();
    expect(r?.hint?.code).toBe('tokenrequest-without-token');
    expect(fact(r, 'Bound object')).toBe('Pod busybox (uid u-1)');
    expect(fact(r, 'Audiences')).toMatch(/API server/);
    expect(r?.expirationTimestamp).toBeUndefined();
  });

  it('takes spec.token from a TokenReview and shows its status', () => {
    const token = fixture('tokens/pod-bound.jwt').trim();
    const text = `apiVersion: authentication.k8s.io/v1
kind: TokenReview
spec:
  token: ${token}
  audiences: [https://kubernetes.default.svc.cluster.local]
status:
  authenticated: true
  audiences: [https://kubernetes.default.svc.cluster.local]
  user:
    username: system:serviceaccount:default:sa-token-demo
    uid: 3743eb1d-ae51-43ed-ae31-90bca3f5ea20
    groups: [system:serviceaccounts, system:serviceaccounts:default, system:authenticated]
    extra:
      authentication.kubernetes.io/credential-id: [JTI=8a113764-3ed8-4206-9285-4e8a92936474]
      authentication.kubernetes.io/pod-name: [busybox]
`;
    const r = recognizeInput(text, opts);
    expect(r.kind).toBe('tokenreview');
    expect(r.token).toBe(token);
    expect(fact(r, 'Authenticated')).toBe('yes');
    expect(fact(r, 'Username')).toBe('system:serviceaccount:default:sa-token-demo');
    expect(fact(r, 'Groups')).toBe('system:serviceaccounts, system:serviceaccounts:default, system:authenticated');
    expect(fact(r, 'extra authentication.kubernetes.io/pod-name')).toBe('busybox');
    expect(fact(r, 'Requested audiences')).toBe('https://kubernetes.default.svc.cluster.local');
  });

  it('shows a failed TokenReview without a token', () => {
    const r = recognizeKubernetesDocument({ kind: 'TokenReview', spec: {}, status: { authenticated: false, error: 'service account token has expired' } }, {});
    expect(r?.kind).toBe('tokenreview');
    expect(r?.token).toBeNull();
    expect(fact(r, 'Authenticated')).toBe('no');
    expect(fact(r, 'Error')).toBe('service account token has expired');
  });
});

describe('TokenReview facts stay short whatever the document holds', () => {
  it('lists 20 groups and counts the rest; lists 10 extra keys and counts the rest', () => {
    const user = {
      username: 'u'.repeat(100_000),
      groups: Array.from({ length: 10_000 }, (_, i) => `group-${i}`),
      extra: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key-${i}`, ['v']])),
    };
    const r = recognizeKubernetesDocument({ kind: 'TokenReview', spec: { token: 'eyJ.eyJ.c2ln' }, status: { authenticated: true, user } }, {});
    expect(fact(r, 'Groups')).toMatch(/^group-0, group-1, .*group-19 and 9980 more$/);
    expect(fact(r, 'Username')).toHaveLength(201);
    expect(r?.facts?.filter((f) => f.label.startsWith('extra '))).toHaveLength(10);
    expect(fact(r, 'Other extra keys')).toBe('90, not listed');
  });
});
