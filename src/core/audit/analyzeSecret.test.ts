import { describe, expect, it } from 'vitest';
import { FIXTURE_IAT, readFixture, readFixtureJson } from '../../testing/fixtures';
import type { JsonRecord } from '../input/documentFields';
import { analyzeSecret, analyzeTokenLine, type AnalysisContext } from './analyzeSecret';
import { indexPodSecrets } from './podSecretReferences';
import { indexServiceAccounts } from './secretOrigin';

const now = FIXTURE_IAT + 600;
const items = readFixtureJson<{ items: JsonRecord[] }>('inputs/secret-list.json').items;
const context = (serviceAccounts: JsonRecord[] = [], pods: JsonRecord[] = []): AnalysisContext => ({ nowSeconds: now, serviceAccounts: indexServiceAccounts(serviceAccounts), pods: indexPodSecrets(pods) });
const codes = (row: { findings: { code: string }[] }) => row.findings.map((f) => f.code);

describe('analyzeSecret on fixtures/inputs/secret-list.json', () => {
  it('a legacy token Secret: names, kind, no expiry, findings', () => {
    const { row, token } = analyzeSecret(items[0] as JsonRecord, 0, context());
    expect(row).toMatchObject({
      id: 0,
      source: 'secret',
      namespace: 'default',
      secretName: 'builder-0-token',
      serviceAccount: 'builder-0',
      serviceAccountUid: '3743eb1d-ae51-43ed-ae31-90bca3f5ea20',
      kind: 'legacy',
      issuedAt: null,
      expiresAt: null,
      lastUsed: null,
      invalidSince: null,
      origin: 'unknown',
      originReason: 'no-service-accounts',
      mountedBy: null,
      alg: 'RS256',
      problem: null,
    });
    expect(codes(row)).toEqual(['legacy-token', 'no-expiry']);
    expect(token).toMatch(/^eyJ/);
    expect(JSON.stringify(row)).not.toContain(token?.split('.')[1]);
  });

  it('shows the tracker’s and the cleaner’s labels, and their findings', () => {
    const used = analyzeSecret(items[1] as JsonRecord, 1, context()).row;
    expect(used.lastUsed).toBe('2026-01-10');
    expect(codes(used)).toContain('legacy-token-last-used');
    const invalid = analyzeSecret(items[2] as JsonRecord, 2, context()).row;
    expect([invalid.lastUsed, invalid.invalidSince]).toEqual(['2025-09-01', '2026-01-02']);
    expect(invalid.findings[0]).toEqual({ code: 'legacy-token-invalidated', severity: 'danger' });
  });

  it('auto-generated when a ServiceAccount in the paste lists the Secret, manual when it does not', () => {
    const sas = [
      { kind: 'ServiceAccount', metadata: { name: 'builder-0', namespace: 'default' }, secrets: [{ name: 'builder-0-token' }] },
      { kind: 'ServiceAccount', metadata: { name: 'builder-1', namespace: 'default' }, secrets: [] },
    ];
    expect(analyzeSecret(items[0] as JsonRecord, 0, context(sas)).row).toMatchObject({ origin: 'auto', originReason: 'listed' });
    expect(analyzeSecret(items[1] as JsonRecord, 1, context(sas)).row).toMatchObject({ origin: 'manual', originReason: 'not-listed' });
    expect(analyzeSecret(items[3] as JsonRecord, 3, context(sas)).row).toMatchObject({ origin: 'unknown', originReason: 'service-account-not-in-paste' });
  });

  it('names the pods that use the Secret when Pods are in the paste', () => {
    const pod = { kind: 'Pod', metadata: { name: 'ci-runner', namespace: 'default' }, spec: { volumes: [{ secret: { secretName: 'builder-0-token' } }] } };
    expect(analyzeSecret(items[0] as JsonRecord, 0, context([], [pod])).row.mountedBy).toEqual(['ci-runner']);
    expect(analyzeSecret(items[1] as JsonRecord, 1, context([], [pod])).row.mountedBy).toEqual([]);
  });

  it('a service account token Secret still waiting for its token', () => {
    const pending = { kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name: 'new-token', namespace: 'ci', annotations: { 'kubernetes.io/service-account.name': 'deployer' } } };
    const { row, token } = analyzeSecret(pending, 0, context());
    expect(row).toMatchObject({ kind: 'no-token', namespace: 'ci', secretName: 'new-token', serviceAccount: 'deployer', findings: [] });
    expect(row.problem).toMatch(/no token yet/);
    expect(token).toBeNull();
  });
});

describe('analyzeTokenLine', () => {
  it('takes names from the claims of a bare token', () => {
    const row = analyzeTokenLine(readFixture('tokens/legacy-secret.jwt'), 4, now);
    expect(row).toMatchObject({ id: 4, source: 'token-line', kind: 'legacy', namespace: 'default', serviceAccount: 'sa-token-demo', secretName: 'sa-token-demo-token', originReason: 'token-line' });
  });

  it('a pod-bound token: times and its findings', () => {
    const row = analyzeTokenLine(readFixture('tokens/pod-bound.jwt'), 0, now);
    expect(row).toMatchObject({ kind: 'pod-bound', issuedAt: FIXTURE_IAT, expiresAt: 1768473007, secretName: null });
    expect(codes(analyzeTokenLine(readFixture('tokens/pod-bound.jwt'), 0, 1768473007 + 61))).toContain('expired');
  });

  it('a broken token is a row with its problem, not an exception', () => {
    const row = analyzeTokenLine('eyJhbGciOiJSUzI1NiJ9.eyJ!.sig', 0, now);
    expect(row.kind).toBe('not-kubernetes');
    expect(row.problem).toMatch(/payload/i);
  });
});
