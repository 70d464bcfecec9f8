/** The hosted build's Access worker: its own file, next to the page's chunks. */
export function startRbacWorkerFile(): Worker {
  return new Worker(new URL('../../workers/rbac.worker.ts', import.meta.url), { type: 'module', name: 'rbac' });
}
