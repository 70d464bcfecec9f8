/** The hosted build's audit worker: its own file, next to the page's chunks. */
export function startAuditWorkerFile(): Worker {
  return new Worker(new URL('../../workers/audit.worker.ts', import.meta.url), { type: 'module', name: 'audit' });
}
