import { describe, expect, it } from 'vitest';
import type { AuditRequest, AuditResponse } from '../../core/audit/auditProtocol';
import { createAuditSession } from '../../core/audit/auditSession';
import { FIXTURE_IAT, readFixture } from '../../testing/fixtures';
import { auditRunReducer, initialAuditRun, isForRun, isSignatureMessage, rowsWithSignatures, verificationKey, type AuditRunAction, type AuditRunSlots } from './auditRunState';

const NOW = FIXTURE_IAT + 600;
const KEYS = { enabled: true, keyText: readFixture('keys/cluster-jwks.json'), secretEncoding: 'utf8' as const, keyIsHmac: false, keyDigest: 'digest-of-the-key' };

/** The messages the real audit engine sends for these requests (what the worker would post). */
async function engine(...requests: AuditRequest[]): Promise<AuditResponse[]> {
  const sent: AuditResponse[] = [];
  const session = createAuditSession({ post: (m) => sent.push(m), batchSize: 2 });
  for (const request of requests) await session.handle(request);
  return sent;
}

/** What the hook does with the engine's messages: signature messages at once, the rest per frame. */
function deliver(state: AuditRunSlots, messages: AuditResponse[]): AuditRunSlots {
  const { runId } = state.run;
  const forRun = messages.filter((m) => isForRun(runId, m));
  const signatures = forRun.filter(isSignatureMessage).map((message): AuditRunAction => ({ type: 'signatures', message }));
  const rest = forRun.filter((m) => !isSignatureMessage(m)) as Extract<AuditRunAction, { type: 'messages' }>['messages'];
  return [...signatures, { type: 'messages', runId, messages: rest, nowSeconds: NOW } as const].reduce(auditRunReducer, state);
}

describe('the audit run reducer', () => {
  it('starts idle on an empty text and reading on a paste', () => {
    expect(initialAuditRun('').run.phase).toBe('idle');
    expect(initialAuditRun('  \n').run.phase).toBe('idle');
    expect(initialAuditRun('[]').run.phase).toBe('reading');
  });

  it('turns the engine’s messages for a secret list into a finished run with every row', async () => {
    const text = readFixture('inputs/secret-list.json');
    let state = initialAuditRun(text);
    const sent = await engine({ type: 'start', runId: state.run.runId, text, nowSeconds: NOW });
    // Batches of two rows: the rows of several messages are added in one step.
    expect(sent.filter((m) => m.type === 'rows').length).toBeGreaterThan(1);
    state = deliver(state, sent);
    expect(state.run).toMatchObject({ phase: 'done', source: 'secrets', total: 6, nowSeconds: NOW, error: null });
    expect(state.run.rows.map((r) => r.kind)).toEqual(Array(6).fill('legacy'));
    expect(state.run.others?.total).toBeGreaterThan(0);
    expect(state.run.elapsedMs).not.toBeNull();
  });

  it('forgets a run once the text changes: its late messages no longer count', async () => {
    const text = readFixture('inputs/secret-list.json');
    const first = initialAuditRun(text);
    const sent = await engine({ type: 'start', runId: first.run.runId, text, nowSeconds: NOW });
    const second = auditRunReducer(first, { type: 'text', text: 'a.b.c' });
    expect(second.run).toMatchObject({ runId: first.run.runId + 1, phase: 'reading', rows: [], total: 0 });
    expect(auditRunReducer(second, { type: 'messages', runId: first.run.runId, messages: sent.filter((m) => !isSignatureMessage(m)) as never, nowSeconds: NOW })).toBe(second);
    // The same text again is no new run.
    expect(auditRunReducer(second, { type: 'text', text: 'a.b.c' })).toBe(second);
  });

  it('shows the engine’s error for a text it cannot read, and a worker fault whatever run it hit', async () => {
    let state = initialAuditRun('{"kind": "List", "items": [');
    const sent = await engine({ type: 'start', runId: state.run.runId, text: state.run.text, nowSeconds: NOW });
    state = deliver(state, sent);
    expect(state.run.phase).toBe('error');
    expect(state.run.error?.message).toBeTruthy();
    const fault: AuditResponse = { type: 'error', runId: -1, error: { code: 'worker-error', message: 'The audit stopped on an unexpected error: boom' } };
    expect(isForRun(7, fault)).toBe(true);
    expect(deliver(initialAuditRun('x'), [fault]).run.error?.code).toBe('worker-error');
  });

  it('verifies only once the analysis is done, with a key, when asked', () => {
    const reading = initialAuditRun('text').run;
    expect(verificationKey(reading, KEYS)).toBe('');
    const done = { ...reading, phase: 'done' as const };
    expect(verificationKey(done, { ...KEYS, enabled: false })).toBe('');
    expect(verificationKey(done, { ...KEYS, keyText: '  ' })).toBe('');
    expect(verificationKey(done, { ...KEYS, keyDigest: null })).toBe('');
    // Named by the digest, never by the key text itself.
    expect(verificationKey(done, KEYS)).toContain(KEYS.keyDigest);
    expect(verificationKey(done, KEYS)).not.toContain(KEYS.keyText);
    // Marking the text as an HMAC secret is another verification.
    expect(verificationKey(done, { ...KEYS, keyIsHmac: true })).not.toBe(verificationKey(done, KEYS));
    // Another encoding of the same key text is another verification.
    expect(verificationKey(done, { ...KEYS, secretEncoding: 'base64' })).not.toBe(verificationKey(done, KEYS));
  });

  it('overlays the engine’s signature results on the rows, and drops those of a superseded verification', async () => {
    const text = readFixture('inputs/secret-list.json');
    let state = initialAuditRun(text);
    state = deliver(state, await engine({ type: 'start', runId: state.run.runId, text, nowSeconds: NOW }));
    const key = verificationKey(state.run, KEYS);
    state = auditRunReducer(state, { type: 'verify', key });
    expect(state.signatures.progress).toEqual({ done: 0, total: 6, finished: false, keys: null });
    const staleVerifyId = state.signatures.verifyId;

    // The user changes the key before the first verification reports: its results are ignored.
    state = auditRunReducer(state, { type: 'verify', key: `${key}\nchanged` });
    const { runId } = state.run;
    const start: AuditRequest = { type: 'start', runId, text, nowSeconds: NOW };
    const stale = await engine(start, { type: 'verify', runId, verifyId: staleVerifyId, keyText: KEYS.keyText, secretEncoding: 'utf8', textIsHmacSecret: false });
    expect(stale.filter(isSignatureMessage).length).toBeGreaterThan(0);
    expect(deliver(state, stale.filter(isSignatureMessage)).signatures).toBe(state.signatures);

    const results = await engine(start, { type: 'verify', runId, verifyId: state.signatures.verifyId, keyText: KEYS.keyText, secretEncoding: 'utf8', textIsHmacSecret: false });
    state = deliver(state, results.filter(isSignatureMessage));
    expect(state.signatures.progress).toMatchObject({ done: 6, total: 6, finished: true });
    expect(state.signatures.progress?.keys?.candidates).toBeGreaterThan(0);
    const rows = rowsWithSignatures(state.run.rows, state.signatures.states);
    expect(rows.every((r) => r.signature !== undefined)).toBe(true);
    expect(rows).not.toBe(state.run.rows);
    // Before any result, the rows are passed through as they are.
    expect(rowsWithSignatures(state.run.rows, new Map())).toBe(state.run.rows);
  });

  it('stops verifying when the key is cleared', () => {
    let state = initialAuditRun('text');
    state = auditRunReducer(state, { type: 'verify', key: '1\nutf8\nkey' });
    state = auditRunReducer(state, { type: 'verify', key: '' });
    expect(state.signatures).toMatchObject({ key: '', progress: null });
    expect(state.signatures.states.size).toBe(0);
  });
});
