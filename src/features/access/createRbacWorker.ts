/**
 * How the Access worker is started: as its own file in the hosted build (same origin, allowed by
 * the CSP's worker-src 'self', cached by the service worker), from a blob: URL in the single file,
 * which cannot load a second file from file://. Each way sits behind a build-time constant in its
 * own dynamic import, so each build carries only its own (as createAuditWorker does).
 */
export async function createRbacWorker(): Promise<Worker> {
  if (import.meta.env.MODE === 'single') {
    const { default: InlineRbacWorker } = await import('../../workers/rbac.worker.ts?worker&inline');
    return new InlineRbacWorker({ name: 'rbac' });
  }
  const { startRbacWorkerFile } = await import('./startRbacWorkerFile');
  return startRbacWorkerFile();
}
