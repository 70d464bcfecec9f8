import type { RecognizedInput } from './inputKinds';

/** Messages from the page to the document worker, which reads documents too large for the main thread. */
export type DocumentRequest =
  /** A slice of a large text (cloning megabytes in one postMessage blocks the page). */
  | { type: 'text-part'; textId: number; part: string }
  /**
   * Read text `textId` (given here, or as the `text-part`s sent before) with this kubeconfig user
   * chosen. A read of the text already held, with another choice, sends no text again.
   */
  | { type: 'read'; id: number; textId: number; text?: string; choice?: string };

/** Messages from the document worker to the page. */
export type DocumentResponse = { type: 'read'; id: number; result: RecognizedInput } | { type: 'error'; id: number; message: string };
