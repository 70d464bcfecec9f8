import { parseKeyInput } from '../keys/parseKeyInput';
import type { AuditRequest, AuditResponse } from './auditProtocol';
import type { Result } from '../result';
import { planAudit, type AuditPlan } from './planAudit';
import { readAuditInput, type ParseYaml } from './readAuditInput';
import { verifyTokens } from './verifyTokens';

export interface AuditSessionOptions {
  /** Where responses go: postMessage in the worker, a callback on the main thread. */
  post: (message: AuditResponse) => void;
  parseYaml?: ParseYaml;
  /** Rows per `rows` message. */
  batchSize?: number;
  /** Awaited between batches: a no-op in the worker, a yield to the event loop on the main thread. */
  pause?: () => Promise<void>;
  /** Milliseconds, for the elapsed time in `done`. */
  clock?: () => number;
}

export interface AuditSession {
  handle(request: AuditRequest): Promise<void>;
}

const noPause = () => Promise.resolve();

function readAndPlan(text: string, parseYaml: ParseYaml | undefined, nowSeconds: number): Result<AuditPlan> {
  const read = readAuditInput(text, parseYaml);
  return read.ok ? { ok: true, value: planAudit(read.value, nowSeconds) } : read;
}

/**
 * The audit engine behind the worker: reads the text, analyses it in batches and streams rows,
 * then verifies the tokens it kept on request. A newer `start` or `verify` supersedes an older
 * one at the next batch boundary. Tokens stay inside the session.
 */
export function createAuditSession({ post, parseYaml, batchSize = 500, pause = noPause, clock = () => Date.now() }: AuditSessionOptions): AuditSession {
  let currentRun = -1;
  let currentVerify = -1;
  let tokens: { id: number; token: string | null }[] = [];
  let parts: { runId: number; list: string[] } = { runId: -1, list: [] };

  function addPart({ runId, part }: Extract<AuditRequest, { type: 'text-part' }>): void {
    if (parts.runId !== runId) parts = { runId, list: [] };
    parts.list.push(part);
  }

  async function start(request: Extract<AuditRequest, { type: 'start' }>): Promise<void> {
    const { runId, nowSeconds } = request;
    const began = clock();
    currentRun = runId;
    tokens = [];
    const partsOfRun = parts.runId === runId ? parts.list : [];
    parts = { runId: -1, list: [] };
    post({ type: 'progress', runId, phase: 'reading', done: 0, total: 0 });
    await pause();
    if (runId !== currentRun) return;
    // Neither the text nor the parsed document is kept here: once analysed, their memory can go.
    const planned = readAndPlan(request.text ?? partsOfRun.splice(0).join(''), parseYaml, nowSeconds);
    if (!planned.ok) {
      post({ type: 'error', runId, error: planned.error });
      return;
    }
    const plan = planned.value;
    post({ type: 'started', runId, source: plan.source, total: plan.total, others: plan.others, context: plan.context });
    const kept: typeof tokens = [];
    for (const batch of plan.batches(batchSize)) {
      kept.push(...batch.tokens);
      post({ type: 'rows', runId, rows: batch.rows, done: batch.done, total: plan.total });
      await pause();
      if (runId !== currentRun) return;
    }
    tokens = kept;
    post({ type: 'progress', runId, phase: 'done', done: plan.total, total: plan.total });
    post({ type: 'done', runId, elapsedMs: clock() - began });
  }

  async function verify({ runId, verifyId, keyText, secretEncoding, textIsHmacSecret }: Extract<AuditRequest, { type: 'verify' }>): Promise<void> {
    if (runId !== currentRun) return;
    currentVerify = verifyId;
    // Parsed here, once: candidate keys (WebCrypto keys, secret bytes) do not survive postMessage.
    const keys = await parseKeyInput(keyText, { secretEncoding, textIsHmacSecret });
    const stale = () => verifyId !== currentVerify || runId !== currentRun;
    const total = tokens.length;
    for await (const batch of verifyTokens(tokens, keys, batchSize, stale)) {
      if (stale()) return;
      post({ type: 'signatures', runId, verifyId, results: batch.results, done: batch.done, total });
      await pause();
    }
    if (stale()) return;
    post({ type: 'verify-done', runId, verifyId, keys: { description: keys.description, candidates: keys.candidates.length, error: keys.error?.message ?? null } });
  }

  return {
    handle: async (request) => {
      if (request.type === 'text-part') addPart(request);
      else if (request.type === 'start') await start(request);
      else await verify(request);
    },
  };
}
