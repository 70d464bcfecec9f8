import { describe, expect, it } from 'vitest';
import type { AuditRequest, AuditResponse } from '../../core/audit/auditProtocol';
import { createAuditSession } from '../../core/audit/auditSession';
import { FIXTURE_IAT, readFixture } from '../../testing/fixtures';
import { openAuditChannel, PART_CHARS } from './auditChannel';

const NOW = FIXTURE_IAT + 600;
const SECRET_LIST = readFixture('inputs/secret-list.json');

/**
 * The audit worker's engine (core/audit/auditSession, as workers/audit.worker.ts runs it) behind
 * the part of the Worker interface the channel uses, in this process: Node has no Web Worker.
 * `failOnStart` makes it fail as a worker whose script does not load: an error before any message.
 */
class InProcessWorker {
  onmessage: ((event: MessageEvent<AuditResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: AuditRequest[] = [];
  terminated = false;
  private readonly session = createAuditSession({
    post: (data) => queueMicrotask(() => !this.terminated && this.onmessage?.({ data } as MessageEvent<AuditResponse>)),
  });

  constructor(private readonly failOnStart = false) {}

  postMessage(request: AuditRequest): void {
    this.received.push(request);
    if (this.failOnStart) queueMicrotask(() => this.onerror?.({ message: 'Failed to load worker script' } as ErrorEvent));
    else void this.session.handle(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** A fault in the engine once it runs: what the browser reports as the worker's error event. */
  crash(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

const asWorker = (worker: InProcessWorker) => async () => worker as unknown as Worker;

/** Opens a channel, sends `requests`, and collects what comes back until the run is done (or fails). */
function audit(startWorker: () => Promise<Worker>, ...requests: AuditRequest[]): Promise<AuditResponse[]> {
  return new Promise((resolve) => {
    const got: AuditResponse[] = [];
    const channel = openAuditChannel((m) => {
      got.push(m);
      if (m.type === 'done' || m.type === 'error') {
        channel.close();
        resolve(got);
      }
    }, startWorker);
    for (const request of requests) channel.post(request);
  });
}

const rowCount = (messages: AuditResponse[]) => messages.reduce((n, m) => n + (m.type === 'rows' ? m.rows.length : 0), 0);

describe('openAuditChannel', () => {
  it('runs the audit in the worker and passes its answers on', async () => {
    const worker = new InProcessWorker();
    const got = await audit(asWorker(worker), { type: 'start', runId: 1, text: SECRET_LIST, nowSeconds: NOW });
    expect(got.find((m) => m.type === 'started')).toMatchObject({ source: 'secrets', total: 6 });
    expect(rowCount(got)).toBe(6);
    expect(worker.received).toEqual([{ type: 'start', runId: 1, text: SECRET_LIST, nowSeconds: NOW }]);
  });

  it('sends a huge text in slices the page can clone quickly, and the worker audits it whole', async () => {
    // The secret list, padded with whitespace to 2.5 slices (JSON allows trailing whitespace).
    const text = SECRET_LIST + ' '.repeat(Math.ceil(PART_CHARS * 2.5) - SECRET_LIST.length);
    const worker = new InProcessWorker();
    const got = await audit(asWorker(worker), { type: 'start', runId: 3, text, nowSeconds: NOW });
    const parts = worker.received.filter((r) => r.type === 'text-part');
    expect(parts).toHaveLength(3);
    expect(parts.every((p) => p.part.length <= PART_CHARS)).toBe(true);
    expect(parts.map((p) => p.part).join('')).toBe(text);
    // The start comes last, without the text: the worker joins the parts.
    expect(worker.received.at(-1)).toEqual({ type: 'start', runId: 3, nowSeconds: NOW });
    expect(rowCount(got)).toBe(6);
  });

  it('replays what was sent on the main thread when the worker cannot be created', async () => {
    const got = await audit(() => Promise.reject(new Error('Worker blocked by policy')), { type: 'start', runId: 1, text: SECRET_LIST, nowSeconds: NOW });
    expect(got.find((m) => m.type === 'started')).toMatchObject({ total: 6 });
    expect(rowCount(got)).toBe(6);
  });

  it('replays on the main thread when the worker fails before its first answer', async () => {
    const worker = new InProcessWorker(true);
    const got = await audit(asWorker(worker), { type: 'start', runId: 2, text: SECRET_LIST, nowSeconds: NOW }, { type: 'verify', runId: 2, verifyId: 1, keyText: '', secretEncoding: 'utf8', textIsHmacSecret: false });
    expect(worker.terminated).toBe(true);
    expect(got.at(-1)?.type).toBe('done');
    expect(rowCount(got)).toBe(6);
  });

  it('reports a fault after the worker has answered as an error of the audit, not as a reason to start again', async () => {
    const worker = new InProcessWorker();
    const got: AuditResponse[] = [];
    const failed = new Promise<void>((resolve) => {
      const channel = openAuditChannel((m) => {
        got.push(m);
        if (m.type === 'done') worker.crash('out of memory');
        if (m.type === 'error') {
          channel.close();
          resolve();
        }
      }, asWorker(worker));
      channel.post({ type: 'start', runId: 1, text: SECRET_LIST, nowSeconds: NOW });
    });
    await failed;
    expect(got.at(-1)).toEqual({ type: 'error', runId: -1, error: { code: 'worker-error', message: 'The audit stopped on an unexpected error: out of memory' } });
    // One run only: nothing was replayed on the main thread.
    expect(got.filter((m) => m.type === 'started')).toHaveLength(1);
  });

  it('stops the worker and delivers nothing more once closed', async () => {
    const worker = new InProcessWorker();
    const got: AuditResponse[] = [];
    const channel = openAuditChannel((m) => got.push(m), asWorker(worker));
    channel.post({ type: 'start', runId: 1, text: SECRET_LIST, nowSeconds: NOW });
    channel.close();
    // Let the start-up promise and any queued answers settle.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(worker.terminated).toBe(true);
    expect(got).toEqual([]);
  });
});
