import type { AuditPhase, AuditResponse } from '../../core/audit/auditProtocol';
import type { AuditRow, OtherSecretCounts } from '../../core/audit/auditRow';
import type { AuditContextCounts } from '../../core/audit/planAudit';
import type { SecretEncoding } from '../../core/keys/secret';
import type { Problem } from '../../core/result';
import type { SignatureState } from '../../core/verify/verifySignature';

/** Where an audit run is, as the view shows it. */
export interface AuditRunState {
  phase: AuditPhase | 'idle' | 'error';
  source: 'secrets' | 'token-lines' | null;
  /** Tokens to analyse, once known. */
  total: number;
  rows: AuditRow[];
  others: OtherSecretCounts | null;
  context: AuditContextCounts | null;
  error: Problem | null;
  elapsedMs: number | null;
  /** "Now" the run used, in seconds. */
  nowSeconds: number;
}

export interface VerificationState {
  done: number;
  total: number;
  finished: boolean;
  keys: { description: string; candidates: number; error: string | null } | null;
}

interface RunSlot extends AuditRunState {
  runId: number;
  text: string;
}

interface SignatureSlot {
  /** What is being verified (run, key, encoding); empty when nothing is. */
  key: string;
  verifyId: number;
  states: ReadonlyMap<number, SignatureState>;
  progress: VerificationState | null;
}

/** The run of the current text, and the verification of its tokens. */
export interface AuditRunSlots {
  run: RunSlot;
  signatures: SignatureSlot;
}

type SignatureMessage = Extract<AuditResponse, { type: 'signatures' | 'verify-done' }>;
type RunMessage = Exclude<AuditResponse, SignatureMessage>;

export type AuditRunAction =
  /** The text changed: a new run starts (the old one's messages are ignored from now on). */
  | { type: 'text'; text: string }
  /** The messages of one frame for run `runId`, applied together (one render for a burst of batches). */
  | { type: 'messages'; runId: number; messages: RunMessage[]; nowSeconds: number }
  /** What should be verified now (see verificationKey); a change starts a new verification. */
  | { type: 'verify'; key: string }
  | { type: 'signatures'; message: SignatureMessage };

function freshRun(text: string, runId: number): RunSlot {
  return { runId, text, phase: text.trim() ? 'reading' : 'idle', source: null, total: 0, rows: [], others: null, context: null, error: null, elapsedMs: null, nowSeconds: 0 };
}

export function initialAuditRun(text: string): AuditRunSlots {
  return { run: freshRun(text, 1), signatures: { key: '', verifyId: 0, states: new Map(), progress: null } };
}

/** Applies one worker message to the run it belongs to (rows are added for the whole frame at once). */
function applyMessage(run: RunSlot, m: RunMessage): RunSlot {
  switch (m.type) {
    case 'rows':
      return run;
    case 'progress':
      return m.phase === 'done' || run.phase === m.phase ? run : { ...run, phase: m.phase };
    case 'started':
      return { ...run, phase: 'analysing', source: m.source, total: m.total, others: m.others, context: m.context };
    case 'done':
      return { ...run, phase: 'done', elapsedMs: m.elapsedMs };
    case 'error':
      return { ...run, phase: 'error', error: m.error };
  }
}

function applySignatures(slot: SignatureSlot, m: SignatureMessage): SignatureSlot {
  if (m.verifyId !== slot.verifyId) return slot;
  const total = slot.progress?.total ?? 0;
  if (m.type === 'verify-done') return { ...slot, progress: { done: total, total, finished: true, keys: m.keys } };
  const states = new Map(slot.states);
  for (const r of m.results) states.set(r.id, r.state);
  return { ...slot, states, progress: { done: m.done, total: m.total, finished: false, keys: null } };
}

export function auditRunReducer(state: AuditRunSlots, action: AuditRunAction): AuditRunSlots {
  switch (action.type) {
    case 'text':
      return action.text === state.run.text ? state : { ...state, run: freshRun(action.text, state.run.runId + 1) };
    case 'messages': {
      if (action.runId !== state.run.runId) return state;
      // One copy of the rows per frame, however many batches arrived in it.
      const added = action.messages.flatMap((m) => (m.type === 'rows' ? m.rows : []));
      const rows = added.length ? state.run.rows.concat(added) : state.run.rows;
      return { ...state, run: action.messages.reduce(applyMessage, { ...state.run, rows, nowSeconds: action.nowSeconds }) };
    }
    case 'verify': {
      const { signatures, run } = state;
      if (action.key === signatures.key) return state;
      return {
        ...state,
        signatures: { key: action.key, verifyId: signatures.verifyId + 1, states: new Map(), progress: action.key ? { done: 0, total: run.total, finished: false, keys: null } : null },
      };
    }
    case 'signatures':
      return { ...state, signatures: applySignatures(state.signatures, action.message) };
  }
}

/**
 * What to verify: the run, the key text and its encoding, once the analysis is done and the user
 * asked for it with a key; '' when nothing should be verified.
 */
export function verificationKey(
  run: { runId: number; phase: AuditRunState['phase'] },
  verify: { enabled: boolean; keyText: string; secretEncoding: SecretEncoding; keyIsHmac: boolean; keyDigest: string | null },
): string {
  // Named by a digest of the key text (null until computed), never the text itself.
  const wanted = verify.enabled && verify.keyText.trim() !== '' && run.phase === 'done' && verify.keyDigest !== null;
  return wanted ? `${run.runId}\n${verify.secretEncoding}\n${verify.keyIsHmac}\n${verify.keyDigest}` : '';
}

/** Whether a worker message is for run `runId` (-1: an error of the worker itself, whatever it ran). */
export function isForRun(runId: number, m: AuditResponse): boolean {
  return m.runId === runId || m.runId === -1;
}

export function isSignatureMessage(m: AuditResponse): m is SignatureMessage {
  return m.type === 'signatures' || m.type === 'verify-done';
}

/** The rows with the signature states verified so far. */
export function rowsWithSignatures(rows: AuditRow[], states: ReadonlyMap<number, SignatureState>): AuditRow[] {
  return states.size === 0 ? rows : rows.map((r) => (states.has(r.id) ? { ...r, signature: states.get(r.id) } : r));
}
