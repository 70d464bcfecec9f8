// Test-only: runs one exported function of a source module in a worker thread, so a test can stop
// it. A catastrophic regex or an endless loop blocks the thread it runs on, and Vitest's timeout
// cannot interrupt synchronous code; a worker can be terminated from outside. The test asserts that
// the work *completed* within a generous limit: a guard against hangs, not a timing test.
import { Worker } from 'node:worker_threads';

export type WorkerOutcome =
  | { completed: true; value: unknown; ms: number }
  | { completed: false; reason: 'timeout' | 'error'; message: string; ms: number };

// The worker loads TypeScript sources through jiti (the same loader ESLint and Tailwind use here).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  try {
    const { createJiti } = await import('jiti');
    const jiti = createJiti(workerData.base, { moduleCache: false });
    const mod = await jiti.import(workerData.module);
    const fn = mod[workerData.exportName];
    if (typeof fn !== 'function') throw new Error(workerData.exportName + ' is not a function of ' + workerData.module);
    const input = workerData.input;
    const started = performance.now();
    let value = fn(...input.args);
    if (value && typeof value.then === 'function') value = await value;
    const ms = performance.now() - started;
    parentPort.postMessage({ ok: true, value: workerData.summarize ? summarize(value) : null, ms });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.stack || error) });
  }
})();
function summarize(value) {
  try { return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 200 ? v.slice(0, 200) + '…' : v))); }
  catch { return String(value); }
}
`;

export interface RunInWorkerOptions {
  /** Module path relative to `base` (usually `import.meta.url` of the test). */
  module: string;
  base: string;
  exportName: string;
  args: unknown[];
  /** Terminate after this many milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Return a JSON copy of the result (strings cut at 200 characters). */
  summarize?: boolean;
}

export function runInWorker(options: RunInWorkerOptions): Promise<WorkerOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const started = performance.now();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      base: options.base,
      module: new URL(options.module, options.base).pathname,
      exportName: options.exportName,
      input: { args: options.args },
      summarize: options.summarize ?? false,
    },
  });
  return new Promise((resolve) => {
    const finish = (outcome: WorkerOutcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ completed: false, reason: 'timeout', message: `did not finish within ${timeoutMs} ms`, ms: timeoutMs }),
      timeoutMs,
    );
    worker.on('message', (message: { ok: boolean; value?: unknown; ms?: number; message?: string }) => {
      if (message.ok) finish({ completed: true, value: message.value, ms: message.ms ?? performance.now() - started });
      else finish({ completed: false, reason: 'error', message: message.message ?? 'unknown error', ms: performance.now() - started });
    });
    worker.on('error', (error) => finish({ completed: false, reason: 'error', message: String(error), ms: performance.now() - started }));
  });
}
