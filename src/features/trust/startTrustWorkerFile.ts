/** The hosted build's Trust worker: its own file, next to the page's chunks. */
export function startTrustWorkerFile(): Worker {
  return new Worker(new URL('../../workers/trust.worker.ts', import.meta.url), { type: 'module', name: 'trust' });
}
