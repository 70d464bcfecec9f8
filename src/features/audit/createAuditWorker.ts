/**
 * How the audit worker is started. The hosted build loads it as its own file (same origin, so the
 * strict CSP's worker-src 'self' allows it, and the service worker caches it). The single-file
 * build cannot load a second file from file://, so there the worker's code travels inside the page
 * and starts from a blob: URL (Vite's `?worker&inline`; that build's CSP allows worker-src blob:).
 * Each way sits behind a build-time constant in its own dynamic import, so each build carries
 * only its own: the single file stays one file, the hosted build has no inlined copy.
 */
export async function createAuditWorker(): Promise<Worker> {
  if (import.meta.env.MODE === 'single') {
    const { default: InlineAuditWorker } = await import('../../workers/audit.worker.ts?worker&inline');
    return new InlineAuditWorker({ name: 'audit' });
  }
  const { startAuditWorkerFile } = await import('./startAuditWorkerFile');
  return startAuditWorkerFile();
}
