import type { RbacRequest, RbacResponse } from '../../core/rbac/rbacSession';
import { createRbacWorker } from './createRbacWorker';

/** Where Access requests go; one channel per pasted dump, closed when the paste changes. */
export interface RbacChannel {
  post(request: RbacRequest): void;
  close(): void;
}

/**
 * A large text goes to the worker in slices of this many characters, one task each: postMessage
 * clones synchronously, and one 40 MB clone blocks the page for over 100 ms (measured for the
 * audit); 2 M characters take a few milliseconds.
 */
export const RBAC_PART_CHARS = 1 << 21;

/** A load of `text` as the requests that carry it: the text in slices, then the load itself. */
export function loadRequests(runId: number, text: string, partChars = RBAC_PART_CHARS): RbacRequest[] {
  if (text.length <= partChars) return [{ type: 'load', runId, text }];
  const parts: RbacRequest[] = [];
  for (let i = 0; i < text.length; i += partChars) parts.push({ type: 'text-part', runId, part: text.slice(i, i + partChars) });
  return [...parts, { type: 'load', runId }];
}

interface Engine {
  post(request: RbacRequest): void;
  close(): void;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function mainThreadEngine(onMessage: (message: RbacResponse) => void): Promise<Engine> {
  let closed = false;
  return import('./mainThreadRbac').then(({ mainThreadRbac }) => {
    const engine = mainThreadRbac((m) => !closed && onMessage(m));
    return {
      // In a task of its own, as a worker would answer: the page paints the progress first.
      post: (request) => void nextTask().then(() => !closed && engine.post(request)),
      close: () => {
        closed = true;
      },
    };
  });
}

/**
 * Opens the Access worker. If it cannot start (a browser policy, a script that fails to load),
 * the requests sent so far are replayed on the main thread: slower for a huge dump, but the
 * answers still come. Requests go out in order, one task per slice of a large text.
 */
export function openRbacChannel(onMessage: (message: RbacResponse) => void, startWorker: () => Promise<Worker> = createRbacWorker): RbacChannel {
  let closed = false;
  let heard = false;
  // Kept until the worker first answers, so a worker that never started can be replaced.
  let unanswered: RbacRequest[] = [];
  let fallback: Promise<Engine> | null = null;

  const fallBackToMainThread = () => {
    if (closed || fallback) return;
    const replay = unanswered;
    unanswered = [];
    fallback = mainThreadEngine(onMessage);
    void fallback.then((engine) => replay.forEach((r) => engine.post(r)));
  };

  const started: Promise<Worker | null> = startWorker().then(
    (worker) => {
      if (closed) {
        worker.terminate();
        return null;
      }
      worker.onmessage = (event: MessageEvent<RbacResponse>) => {
        heard = true;
        unanswered = [];
        onMessage(event.data);
      };
      worker.onerror = (event) => {
        if (heard) onMessage({ type: 'error', runId: -1, error: { code: 'worker-error', message: `Access stopped on an unexpected error: ${event.message}` } });
        else {
          worker.terminate();
          fallBackToMainThread();
        }
      };
      return worker;
    },
    () => {
      fallBackToMainThread();
      return null;
    },
  );
  let queue: Promise<unknown> = started;

  return {
    post(request) {
      const requests = request.type === 'load' && request.text !== undefined ? loadRequests(request.runId, request.text) : [request];
      if (fallback) {
        void fallback.then((engine) => requests.forEach((r) => engine.post(r)));
        return;
      }
      if (!heard) unanswered.push(...requests);
      queue = queue.then(async () => {
        for (const r of requests) {
          const worker = await started;
          if (closed || fallback || !worker) return;
          worker.postMessage(r);
          if (r.type === 'text-part') await nextTask();
        }
      });
    },
    close() {
      closed = true;
      void started.then((worker) => worker?.terminate());
      void fallback?.then((engine) => engine.close());
      unanswered = [];
    },
  };
}
