/** The hosted build's document worker: its own file, next to the page's chunks. */
export function startDocumentWorkerFile(): Worker {
  return new Worker(new URL('../workers/document.worker.ts', import.meta.url), { type: 'module', name: 'document' });
}
