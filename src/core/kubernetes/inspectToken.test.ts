import { describe, expect, it } from 'vitest';
import { FIXTURE_IAT, readFixture, readFixtureJson } from '../../testing/fixtures';
import { analyzeSecret, analyzeTokenLine } from '../audit/analyzeSecret';
import { indexPodSecrets } from '../audit/podSecretReferences';
import { indexServiceAccounts } from '../audit/secretOrigin';
import type { JsonRecord } from '../input/documentFields';
import { recognizeInput } from '../input/recognizeInput';
import { decodeToken } from '../jws/decodeToken';
import { evaluateValidity } from '../time/validity';
import { findingsOf } from './findings';
import { inspectToken, tokenContextFrom, type TokenContext } from './inspectToken';

const now = FIXTURE_IAT + 600;
const items = readFixtureJson<{ items: JsonRecord[] }>('inputs/secret-list.json').items;
const audit = { nowSeconds: now, serviceAccounts: indexServiceAccounts([]), pods: indexPodSecrets([]) };
const brief = (f: { code: string; severity: string }) => ({ code: f.code, severity: f.severity });

/** What the decoder shows for a pasted text: recognise, decode, inspect (as useKubernetesFacts does). */
function decoderFacts(text: string, at = now) {
  const recognized = recognizeInput(text);
  const decoded = decodeToken(recognized.token as string);
  return inspectToken(decoded, tokenContextFrom(recognized), at);
}

describe('inspectToken: the decoder and the audit read one Secret alike', () => {
  const secrets = items.filter((item) => (item.type as string) === 'kubernetes.io/service-account-token');

  it.each(secrets.map((item, i) => [(item.metadata as { name: string }).name, item, i] as const))('%s', (_name, item, i) => {
    const facts = decoderFacts(JSON.stringify({ apiVersion: 'v1', kind: 'Secret', ...item }));
    const { row } = analyzeSecret(item, i, audit);
    expect(row).toMatchObject({
      kind: facts.classification.kind,
      extended: facts.classification.extended,
      findings: facts.findings.map(brief),
      namespace: facts.identity?.namespace,
      serviceAccount: facts.identity?.serviceAccount,
      serviceAccountUid: facts.identity?.uid,
      issuedAt: facts.lifetime.iat,
      expiresAt: facts.lifetime.exp,
    });
  });

  it('the labels of the Secret reach the findings on both sides', () => {
    const item = secrets[2] as JsonRecord;
    const facts = decoderFacts(JSON.stringify({ apiVersion: 'v1', kind: 'Secret', ...item }));
    const codes = ['legacy-token-invalidated', 'legacy-token', 'no-expiry', 'legacy-token-last-used'];
    expect(facts.findings.map((f) => f.code)).toEqual(codes);
    expect(analyzeSecret(item, 2, audit).row.findings.map((f) => f.code)).toEqual(codes);
  });

  it('a bare token line in the audit is the decoder’s bare token', () => {
    const token = readFixture('tokens/legacy-secret.jwt');
    const facts = decoderFacts(token);
    expect(analyzeTokenLine(token, 0, now)).toMatchObject({ kind: 'legacy', findings: facts.findings.map(brief), ...facts.owner });
    expect(facts.owner).toEqual({ namespace: 'default', secretName: 'sa-token-demo-token', serviceAccount: 'sa-token-demo', serviceAccountUid: expect.any(String) });
  });
});

describe('inspectToken: each part computed once and handed on', () => {
  it('Compare’s classification, identity and validity are the inspection’s', () => {
    const facts = decoderFacts(readFixture('tokens/pod-bound.jwt'), FIXTURE_IAT + 3700);
    expect(facts.classification.kind).toBe('pod-bound');
    expect(facts.identity?.username).toBe(`system:serviceaccount:${facts.identity?.namespace}:${facts.identity?.serviceAccount}`);
    expect(facts.validity).toEqual(evaluateValidity(decodeToken(readFixture('tokens/pod-bound.jwt')).claims, FIXTURE_IAT + 3700));
    expect(facts.findings.map((f) => f.code)).toContain('expired');
  });

  it('a TokenRequest’s expirationTimestamp reaches the lifetime, and the findings read that lifetime', () => {
    const token = readFixture('tokens/pod-bound-extended.jwt');
    const response = { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', status: { token, expirationTimestamp: '2026-01-15T10:30:07Z' } };
    const facts = decoderFacts(JSON.stringify(response));
    expect(facts.lifetime).toMatchObject({ expirationTimestamp: FIXTURE_IAT + 3607, extensionRevealed: true });
    expect(facts.findings.map((f) => f.code)).toContain('extension-revealed');
    // The same token with nothing around it: no expirationTimestamp, so nothing is revealed.
    expect(decoderFacts(token).findings.map((f) => f.code)).not.toContain('extension-revealed');
  });

  it('findings take the lifetime and validity they are given instead of recomputing them', () => {
    const decoded = decodeToken(readFixture('tokens/pod-bound.jwt'));
    const facts = inspectToken(decoded, { source: 'token' }, now);
    expect(facts.findings).toEqual([]);
    const later = evaluateValidity(decoded.claims, FIXTURE_IAT + 7200);
    expect(findingsOf({ ...facts, decoded, validity: later }, now).map((f) => f.code)).toEqual(['expired']);
  });

  it('a Secret’s annotations name the owner before the token does; no Secret, the token alone', () => {
    const decoded = decodeToken(readFixture('tokens/legacy-secret.jwt'));
    const around: TokenContext = {
      source: 'secret',
      secret: { name: 'copied', namespace: 'elsewhere', labels: {}, annotations: { 'kubernetes.io/service-account.name': 'other' } },
    };
    expect(inspectToken(decoded, around, now).owner).toMatchObject({ namespace: 'elsewhere', secretName: 'copied', serviceAccount: 'other' });
    expect(inspectToken(decoded, { source: 'token' }, now).owner).toMatchObject({ namespace: 'default', secretName: 'sa-token-demo-token', serviceAccount: 'sa-token-demo' });
  });

  it('migration is built from the inspection’s identity', () => {
    const facts = inspectToken(decodeToken(readFixture('tokens/legacy-secret.jwt')), { source: 'token' }, now);
    expect(facts.migration.map((s) => s.id)).toEqual(['create-token', 'projected-volume', 'explicit-secret', 'delete-secret']);
    expect(inspectToken(decodeToken(readFixture('tokens/pod-bound.jwt')), { source: 'token' }, now).migration).toEqual([]);
  });
});
