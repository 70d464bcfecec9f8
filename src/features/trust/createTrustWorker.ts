/**
 * How the Trust worker is started: as its own file in the hosted build, from a blob: URL in the
 * single file (which cannot load a second file from file://). As with the audit worker, each way
 * sits behind a build-time constant in its own dynamic import, so each build carries only its own.
 */
export async function createTrustWorker(): Promise<Worker> {
  if (import.meta.env.MODE === 'single') {
    const { default: InlineTrustWorker } = await import('../../workers/trust.worker.ts?worker&inline');
    return new InlineTrustWorker({ name: 'trust' });
  }
  const { startTrustWorkerFile } = await import('./startTrustWorkerFile');
  return startTrustWorkerFile();
}
