import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { FIXTURE_IAT, readFixture } from '../../testing/fixtures';
import type { AuditResponse } from './auditProtocol';
import { createAuditSession } from './auditSession';
import { yamlDocumentsParser } from './yamlDocuments';

const now = FIXTURE_IAT + 600;

function session(batchSize = 4) {
  const messages: AuditResponse[] = [];
  const s = createAuditSession({ post: (m) => messages.push(m), parseYaml: yamlDocumentsParser(parseAllDocuments), batchSize });
  return { s, messages, of: <T extends AuditResponse['type']>(type: T) => messages.filter((m): m is Extract<AuditResponse, { type: T }> => m.type === type) };
}

describe('createAuditSession', () => {
  it('streams progress, the counts, the rows in batches, then done', async () => {
    const { s, messages, of } = session();
    await s.handle({ type: 'start', runId: 1, text: readFixture('inputs/secret-list.json'), nowSeconds: now });
    expect(messages.map((m) => m.type)).toEqual(['progress', 'started', 'rows', 'rows', 'progress', 'done']);
    expect(of('started')[0]).toMatchObject({ source: 'secrets', total: 6, others: { total: 1, byType: { Opaque: 1 } } });
    expect(of('rows').map((m) => [m.rows.length, m.done, m.total])).toEqual([
      [4, 4, 6],
      [2, 6, 6],
    ]);
    expect(of('progress').at(-1)).toMatchObject({ phase: 'done', done: 6, total: 6 });
  });

  it('never posts a token value', async () => {
    const { s, messages } = session();
    await s.handle({ type: 'start', runId: 1, text: readFixture('inputs/secret-list.json'), nowSeconds: now });
    await s.handle({ type: 'verify', runId: 1, verifyId: 1, keyText: readFixture('keys/sa-rsa.pub.pem'), secretEncoding: 'utf8' });
    const posted = JSON.stringify(messages);
    const payload = readFixture('tokens/legacy-secret.jwt').split('.')[1] as string;
    expect(posted).not.toContain(payload.slice(0, 40));
    expect(posted).not.toContain('eyJhbGci');
  });

  it('verifies the kept tokens on request, parsing the keys inside the session', async () => {
    const { s, of } = session();
    await s.handle({ type: 'start', runId: 1, text: readFixture('inputs/secret-list.json'), nowSeconds: now });
    await s.handle({ type: 'verify', runId: 1, verifyId: 7, keyText: readFixture('keys/cluster-jwks.json'), secretEncoding: 'utf8' });
    const results = of('signatures').flatMap((m) => m.results);
    expect(results).toEqual([0, 1, 2, 3, 4, 5].map((id) => ({ id, state: 'verified' })));
    expect(of('verify-done')[0]).toMatchObject({ verifyId: 7, keys: { description: 'JWKS with 2 keys', candidates: 2, error: null } });
    await s.handle({ type: 'verify', runId: 1, verifyId: 8, keyText: readFixture('keys/sa-ec.pub.pem'), secretEncoding: 'utf8' });
    const second = of('signatures').filter((m) => m.verifyId === 8);
    expect(second.flatMap((m) => m.results.map((r) => r.state))).toEqual(Array(6).fill('no-matching-key'));
  });

  it('reads YAML and token lines too', async () => {
    const { s, of } = session();
    const yaml = `kind: List\nitems:\n- kind: Secret\n  type: kubernetes.io/service-account-token\n  metadata: {name: a, namespace: ns}\n  data: {token: ${Buffer.from(readFixture('tokens/legacy-secret.jwt')).toString('base64')}}\n`;
    await s.handle({ type: 'start', runId: 1, text: yaml, nowSeconds: now });
    await s.handle({ type: 'start', runId: 2, text: `${readFixture('tokens/pod-bound.jwt')}\n${readFixture('tokens/unbound-tokenrequest.jwt')}`, nowSeconds: now });
    expect(of('started').map((m) => [m.runId, m.source, m.total])).toEqual([
      [1, 'secrets', 1],
      [2, 'token-lines', 2],
    ]);
  });

  it('joins a large text sent in parts, for that run only', async () => {
    const { s, of } = session();
    const text = readFixture('inputs/secret-list.json');
    await s.handle({ type: 'text-part', runId: 4, part: 'garbage from an older run' });
    for (let i = 0; i < text.length; i += 1000) await s.handle({ type: 'text-part', runId: 5, part: text.slice(i, i + 1000) });
    await s.handle({ type: 'start', runId: 5, nowSeconds: now });
    expect(of('started')[0]).toMatchObject({ runId: 5, total: 6 });
  });

  it('reports unreadable text as an error', async () => {
    const { s, of } = session();
    await s.handle({ type: 'start', runId: 3, text: '{"items": [', nowSeconds: now });
    expect(of('error')[0]).toMatchObject({ runId: 3, error: { code: 'bad-json' } });
  });

  it('a newer run supersedes an older one at the next batch', async () => {
    const messages: AuditResponse[] = [];
    const waiting: (() => void)[] = [];
    const releaseAll = async () => {
      waiting.splice(0).forEach((resume) => resume());
      await new Promise((r) => setTimeout(r, 0));
    };
    const s = createAuditSession({ post: (m) => messages.push(m), batchSize: 2, pause: () => new Promise<void>((r) => waiting.push(r)) });
    const first = s.handle({ type: 'start', runId: 1, text: readFixture('inputs/secret-list.json'), nowSeconds: now });
    await releaseAll();
    const second = s.handle({ type: 'start', runId: 2, text: readFixture('inputs/secret-list.json'), nowSeconds: now });
    for (let i = 0; i < 10; i++) await releaseAll();
    await Promise.all([first, second]);
    expect(messages.filter((m) => m.type === 'done').map((m) => m.runId)).toEqual([2]);
    expect(messages.filter((m) => m.type === 'rows' && m.runId === 1)).toHaveLength(1);
  });
});
