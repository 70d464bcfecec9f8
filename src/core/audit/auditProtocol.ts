import type { SecretEncoding } from '../keys/secret';
import type { Problem } from '../result';
import type { SignatureState } from '../verify/verifySignature';
import type { AuditRow, OtherSecretCounts } from './auditRow';
import type { AuditContextCounts } from './planAudit';

/** Messages from the page to the audit worker (or its main-thread stand-in). */
export type AuditRequest =
  /**
   * Audit this text; supersedes any earlier run. `nowSeconds` comes from the page so a pinned clock
   * holds. Without `text`, the text is the `text-part`s of this run sent before it, joined.
   */
  | { type: 'start'; runId: number; text?: string; nowSeconds: number }
  /** A slice of a large text: cloning 40 MB in one postMessage blocks the page for over 100 ms. */
  | { type: 'text-part'; runId: number; part: string }
  /**
   * Check every token of run `runId` against these keys; supersedes any earlier verification.
   * `textIsHmacSecret` is the user's mark, as in the decoder: without it text is no HMAC secret.
   */
  | { type: 'verify'; runId: number; verifyId: number; keyText: string; secretEncoding: SecretEncoding; textIsHmacSecret: boolean };

export type AuditPhase = 'reading' | 'analysing' | 'done';

/** Messages from the worker to the page. Rows never carry token values. */
export type AuditResponse =
  | { type: 'progress'; runId: number; phase: AuditPhase; done: number; total: number }
  | { type: 'started'; runId: number; source: 'secrets' | 'token-lines'; total: number; others: OtherSecretCounts; context: AuditContextCounts }
  | { type: 'rows'; runId: number; rows: AuditRow[]; done: number; total: number }
  | { type: 'done'; runId: number; elapsedMs: number }
  | { type: 'error'; runId: number; error: Problem }
  | { type: 'signatures'; runId: number; verifyId: number; results: { id: number; state: SignatureState }[]; done: number; total: number }
  | { type: 'verify-done'; runId: number; verifyId: number; keys: { description: string; candidates: number; error: string | null } };
