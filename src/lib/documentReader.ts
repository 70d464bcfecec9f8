import type { DocumentRequest, DocumentResponse } from '../core/input/documentProtocol';
import type { RecognizedInput } from '../core/input/inputKinds';
import { createDocumentWorker } from './createDocumentWorker';

/** Large texts go to the worker in slices of this many characters, one task each (as the audit's do). */
const PART_CHARS = 1 << 21;

interface Job {
  id: number;
  text: string;
  choice: string | undefined;
  resolve: (result: RecognizedInput) => void;
  /** Its read request has gone out: the worker is busy with it. */
  posted: boolean;
}

interface Session {
  worker: Worker;
  /** The text the worker holds (and has parsed), so another choice need not send it again. */
  held: { textId: number; text: string } | null;
  /** The last text id used: every text sent gets a new one, even one abandoned halfway. */
  lastTextId: number;
  /** The worker has answered once: it started. An error before that means it never will. */
  heard: boolean;
}

let session: Promise<Session | null> | null = null;
/** No worker could start (a browser policy, a blocked script): documents are read on the main thread. */
let mainThreadOnly = false;
let current: Job | null = null;
let ids = 0;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function failure(message: string): RecognizedInput {
  return { kind: 'unknown', token: null, notes: [], hint: { code: 'document-unreadable', segment: 'token', message } };
}

/** Settles the current job, if it is still `job`. */
function finish(job: Job, result: RecognizedInput): void {
  if (current !== job) return;
  current = null;
  job.resolve(result);
}

async function readOnMainThread(job: Job): Promise<void> {
  const { readDocument } = await import('../core/input/documentReaders');
  if (current === job) finish(job, readDocument(job.text, job.choice));
}

function stopSession(): void {
  const stopping = session;
  session = null;
  void stopping?.then((s) => s?.worker.terminate());
}

function startSession(): Promise<Session | null> {
  return createDocumentWorker().then(
    (worker) => {
      const s: Session = { worker, held: null, lastTextId: 0, heard: false };
      worker.onmessage = ({ data }: MessageEvent<DocumentResponse>) => {
        s.heard = true;
        if (current?.id !== data.id) return;
        finish(current, data.type === 'read' ? data.result : failure(`The document could not be read: ${data.message}`));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        stopSession();
        const job = current;
        if (!s.heard) {
          mainThreadOnly = true;
          if (job) void readOnMainThread(job);
        } else if (job) finish(job, failure(`The document reader stopped on an unexpected error: ${event.message}`));
      };
      return s;
    },
    () => null,
  );
}

async function send(job: Job): Promise<void> {
  if (mainThreadOnly) return readOnMainThread(job);
  session ??= startSession();
  const s = await session;
  if (current !== job) return;
  if (!s) {
    mainThreadOnly = true;
    return readOnMainThread(job);
  }
  const post = (message: DocumentRequest) => s.worker.postMessage(message);
  const holds = s.held?.text === job.text;
  const textId = holds && s.held ? s.held.textId : ++s.lastTextId;
  if (!holds) {
    if (job.text.length > PART_CHARS) {
      for (let at = 0; at < job.text.length; at += PART_CHARS) {
        post({ type: 'text-part', textId, part: job.text.slice(at, at + PART_CHARS) });
        await nextTask();
        if (current !== job) return;
      }
    }
  }
  post({ type: 'read', id: job.id, textId, ...(holds || job.text.length > PART_CHARS ? {} : { text: job.text }), ...(job.choice !== undefined && { choice: job.choice }) });
  s.held = { textId, text: job.text };
  job.posted = true;
}

/**
 * Reads a document off the main thread, in the document worker (started on first use; when no
 * worker can start, on the main thread instead). A newer read supersedes an older one: the older
 * never settles, and a worker still busy with it is stopped.
 */
export function readDocumentOffThread(text: string, choice: string | undefined): Promise<RecognizedInput> {
  return new Promise((resolve) => {
    if (current?.posted) stopSession();
    current = { id: ++ids, text, choice, resolve, posted: false };
    void send(current);
  });
}
