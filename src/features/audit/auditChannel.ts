import type { AuditRequest, AuditResponse } from '../../core/audit/auditProtocol';
import { createAuditWorker } from './createAuditWorker';

/** Where audit requests go: the worker, or the same engine on the main thread when no worker starts. */
export interface AuditChannel {
  post(request: AuditRequest): void;
  close(): void;
}

/**
 * A text is sent to the worker in slices of this many characters, one task each: postMessage
 * clones synchronously, and cloning 40 MB at once blocked the page for 105–135 ms (measured);
 * 2 M characters take a few milliseconds.
 */
export const PART_CHARS = 1 << 21;

/** Resolves in a new task, so the page can handle input and paint between two parts. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function send(worker: Worker, request: AuditRequest, closed: () => boolean): Promise<void> {
  if (request.type !== 'start' || request.text === undefined || request.text.length <= PART_CHARS) {
    worker.postMessage(request);
    return;
  }
  const { text, ...rest } = request;
  for (let i = 0; i < text.length; i += PART_CHARS) {
    if (closed()) return;
    worker.postMessage({ type: 'text-part', runId: request.runId, part: text.slice(i, i + PART_CHARS) } satisfies AuditRequest);
    await nextTask();
  }
  if (!closed()) worker.postMessage(rest satisfies AuditRequest);
}

function mainThreadChannel(onMessage: (message: AuditResponse) => void): AuditChannel {
  let closed = false;
  const audit = import('./mainThreadAudit').then(({ mainThreadAudit }) => mainThreadAudit((m) => !closed && onMessage(m)));
  return {
    post: (request) => void audit.then((a) => !closed && a.post(request)),
    close: () => {
      closed = true;
      void audit.then((a) => a.close());
    },
  };
}

/**
 * Opens the audit worker. If it cannot start (blocked by a browser policy, or its script fails to
 * load) the requests already sent are replayed on the main thread, in short chunks: slower for a
 * huge list (the text is parsed in one go), but the audit still completes. `startWorker` is how
 * the worker starts (the build's way, unless a test runs the engine in-process instead).
 */
export function openAuditChannel(onMessage: (message: AuditResponse) => void, startWorker: () => Promise<Worker> = createAuditWorker): AuditChannel {
  let worker: Worker | null = null;
  let fallback: AuditChannel | null = null;
  let closed = false;
  let heard = false;
  // Kept until the worker answers, so a worker that fails to start can be replaced.
  let unsent: AuditRequest[] = [];
  // Requests go out one after another, even while a large text is still being sent in parts.
  let sending: Promise<void> = startWorker().then(
    (started) => {
      if (closed) {
        started.terminate();
        return;
      }
      worker = started;
      started.onmessage = (event: MessageEvent<AuditResponse>) => {
        if (!heard) {
          heard = true;
          unsent = [];
        }
        onMessage(event.data);
      };
      started.onerror = (event) => {
        // Before its first message: it never started. After: a bug in the engine, reported as such.
        if (!heard) fallBack();
        else onMessage({ type: 'error', runId: -1, error: { code: 'worker-error', message: `The audit stopped on an unexpected error: ${event.message}` } });
      };
    },
    () => fallBack(),
  );

  function fallBack() {
    worker?.terminate();
    worker = null;
    if (closed || fallback) return;
    fallback = mainThreadChannel(onMessage);
    for (const request of unsent) fallback.post(request);
    unsent = [];
  }

  return {
    post(request) {
      if (fallback) {
        fallback.post(request);
        return;
      }
      if (!heard) unsent.push(request);
      sending = sending.then(() => {
        if (worker && !fallback) return send(worker, request, () => closed || worker === null);
      });
    },
    close() {
      closed = true;
      worker?.terminate();
      worker = null;
      fallback?.close();
      unsent = [];
    },
  };
}
