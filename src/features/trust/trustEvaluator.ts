/**
 * Runs Trust evaluations in the Trust worker, one at a time, in order. CEL parsing can take the
 * library a second on long expressions, so the page never runs it itself while a worker can start;
 * an evaluation that overruns TRUST_TIMEOUT_SECONDS has its worker stopped and answers
 * `timedOutReport` (unknown, cannot-evaluate). When no worker can start (a browser policy, a
 * blocked script), evaluations run on the main thread, still bounded by the engine's CEL limits
 * (JSON only there; not in the single file).
 */
import { recognizeTrustConfig } from '../../core/trust/recognizeTrustConfig';
import type { TrustRequest, TrustResponse } from '../../core/trust/trustProtocol';
import { TRUST_NOTES, cannotEvaluate } from '../../core/trust/trustCatalogue';
import { buildReport, timedOutReport, type TrustReport } from '../../core/trust/trustReport';
import { createTrustWorker } from './createTrustWorker';

export const TRUST_TIMEOUT_SECONDS = 10;

interface Job {
  request: TrustRequest;
  resolve: (report: TrustReport) => void;
}

/** The worker (null when none could start), started on first use and again after one is stopped. */
let worker: Promise<Worker | null> | null = null;
/** The current worker has answered once: it started. An error before that means none ever will. */
let heard = false;
let mainThreadOnly = false;
const queue: Job[] = [];
let running: { job: Job; timer: ReturnType<typeof setTimeout> | undefined } | null = null;
let ids = 0;

/**
 * Without a worker, JSON only: YAML stays in the worker (a second importer of `yaml` splits the
 * first load's chunk). The single file has no fallback: it would inline the evaluators and CEL
 * into the page itself, and its blob: worker is allowed by its CSP.
 */
async function evaluateOnMainThread(request: TrustRequest): Promise<TrustReport> {
  if (import.meta.env.MODE === 'single') {
    return buildReport(recognizeTrustConfig(request.configText).kind, [cannotEvaluate('relying-party', 'the configuration', TRUST_NOTES.noWorker)], null, []);
  }
  const { handleTrustRequest } = await import('../../core/trust/trustProtocol');
  return handleTrustRequest(request).report;
}

function finish(job: Job, report: TrustReport): void {
  if (running?.job !== job) return;
  clearTimeout(running.timer);
  running = null;
  job.resolve(report);
  void pump();
}

function stopWorker(): void {
  void worker?.then((w) => w?.terminate());
  worker = null;
}

async function startWorker(): Promise<Worker | null> {
  let w: Worker;
  try {
    w = await createTrustWorker();
  } catch {
    return null;
  }
  heard = false;
  w.onmessage = ({ data }: MessageEvent<TrustResponse>) => {
    heard = true;
    if (running?.job.request.id === data.id) finish(running.job, data.report);
  };
  w.onerror = (event) => {
    event.preventDefault();
    stopWorker();
    if (!heard) mainThreadOnly = true;
    // The engine never throws; an error here is the worker itself failing (it could not load, or
    // ran out of memory). The page answers the job instead.
    const job = running?.job;
    if (job) void evaluateOnMainThread(job.request).then((report) => finish(job, report));
  };
  return w;
}

async function pump(): Promise<void> {
  if (running) return;
  const job = queue.shift();
  if (!job) return;
  running = { job, timer: undefined };
  if (!mainThreadOnly) {
    worker ??= startWorker();
    const w = await worker;
    if (w) {
      running.timer = setTimeout(() => {
        stopWorker();
        finish(job, timedOutReport(recognizeTrustConfig(job.request.configText).kind, TRUST_TIMEOUT_SECONDS));
      }, TRUST_TIMEOUT_SECONDS * 1000);
      w.postMessage(job.request);
      return;
    }
    mainThreadOnly = true;
  }
  finish(job, await evaluateOnMainThread(job.request));
}

/**
 * Would the relying party configured by `configText` accept `token`? Evaluated at `nowSeconds`.
 * A request aborted while it waits in the queue is dropped (TanStack Query aborts superseded ones).
 */
export function evaluateTrustOffThread(configText: string, token: string | null, nowSeconds: number, signal?: AbortSignal): Promise<TrustReport> {
  return new Promise((resolve, reject) => {
    const job: Job = { request: { type: 'evaluate', id: ++ids, configText, token, nowSeconds }, resolve };
    signal?.addEventListener('abort', () => {
      const at = queue.indexOf(job);
      if (at >= 0) {
        queue.splice(at, 1);
        reject(signal.reason);
      }
    });
    queue.push(job);
    void pump();
  });
}
