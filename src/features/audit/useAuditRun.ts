import { useEffect, useMemo, useRef, useState } from 'react';
import type { AuditPhase, AuditResponse } from '../../core/audit/auditProtocol';
import type { AuditRow, OtherSecretCounts } from '../../core/audit/auditRow';
import type { AuditContextCounts } from '../../core/audit/planAudit';
import type { SecretEncoding } from '../../core/keys/secret';
import type { Problem } from '../../core/result';
import type { SignatureState } from '../../core/verify/verifySignature';
import { useTextDigest } from '../../hooks/useTextDigest';
import { openAuditChannel, type AuditChannel } from './auditChannel';

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
  states: Map<number, SignatureState>;
  progress: VerificationState | null;
}

function freshRun(text: string, runId: number): RunSlot {
  return { runId, text, phase: text.trim() ? 'reading' : 'idle', source: null, total: 0, rows: [], others: null, context: null, error: null, elapsedMs: null, nowSeconds: 0 };
}

/** Applies one worker message to the run it belongs to. */
function applyMessage(run: RunSlot, m: AuditResponse): RunSlot {
  switch (m.type) {
    case 'progress':
      return m.phase === 'done' || run.phase === m.phase ? run : { ...run, phase: m.phase };
    case 'started':
      return { ...run, phase: 'analysing', source: m.source, total: m.total, others: m.others, context: m.context };
    case 'done':
      return { ...run, phase: 'done', elapsedMs: m.elapsedMs };
    case 'error':
      return { ...run, phase: 'error', error: m.error };
    default:
      return run;
  }
}

/**
 * Runs the audit of `text` in the worker and streams its rows into React state, at most once a
 * frame. A new text ends the old run (its worker is terminated, so even a long parse stops).
 * With `verify` on and keys given, every token is checked once the analysis is done.
 */
export function useAuditRun(text: string, verify: { enabled: boolean; keyText: string; secretEncoding: SecretEncoding; keyIsHmac: boolean }) {
  const [run, setRun] = useState<RunSlot>(() => freshRun(text, 1));
  if (run.text !== text) setRun(freshRun(text, run.runId + 1));
  const runId = run.runId;
  const channel = useRef<AuditChannel | null>(null);

  // Named by a digest, not the text: the key text can be a megabyte, and this runs every render.
  const keyDigest = useTextDigest(verify.keyText);
  const wantVerify = verify.enabled && verify.keyText.trim() !== '' && run.phase === 'done' && keyDigest !== null;
  const verifyKey = wantVerify ? `${runId}\n${verify.secretEncoding}\n${verify.keyIsHmac}\n${keyDigest}` : '';
  const [signatures, setSignatures] = useState<SignatureSlot>({ key: '', verifyId: 0, states: new Map(), progress: null });
  if (signatures.key !== verifyKey) {
    setSignatures({
      key: verifyKey,
      verifyId: signatures.verifyId + 1,
      states: new Map(),
      progress: verifyKey ? { done: 0, total: run.total, finished: false, keys: null } : null,
    });
  }

  useEffect(() => {
    if (!text.trim()) return;
    const nowSeconds = Math.floor(Date.now() / 1000);
    let pending: AuditResponse[] = [];
    let rows: AuditRow[] = [];
    let frame = 0;
    // Messages are applied once a frame: a burst of batches costs one render, not one each.
    const flush = () => {
      frame = 0;
      const messages = pending;
      pending = [];
      const batchRows = messages.flatMap((m) => (m.type === 'rows' ? m.rows : []));
      if (batchRows.length) rows = rows.concat(batchRows);
      setRun((prev) => (prev.runId !== runId ? prev : messages.reduce(applyMessage, { ...prev, rows, nowSeconds })));
    };
    const onMessage = (m: AuditResponse) => {
      if (m.runId !== runId && m.runId !== -1) return;
      if (m.type === 'signatures' || m.type === 'verify-done') {
        setSignatures((prev) => {
          if (prev.verifyId !== m.verifyId) return prev;
          if (m.type === 'verify-done') return { ...prev, progress: { done: prev.progress?.total ?? 0, total: prev.progress?.total ?? 0, finished: true, keys: m.keys } };
          const states = new Map(prev.states);
          for (const r of m.results) states.set(r.id, r.state);
          return { ...prev, states, progress: { done: m.done, total: m.total, finished: false, keys: null } };
        });
        return;
      }
      pending.push(m);
      frame ||= requestAnimationFrame(flush);
    };
    const opened = openAuditChannel(onMessage);
    channel.current = opened;
    opened.post({ type: 'start', runId, text, nowSeconds });
    return () => {
      opened.close();
      cancelAnimationFrame(frame);
      if (channel.current === opened) channel.current = null;
    };
  }, [text, runId]);

  const { key, verifyId } = signatures;
  useEffect(() => {
    if (!key) return;
    channel.current?.post({ type: 'verify', runId, verifyId, keyText: verify.keyText, secretEncoding: verify.secretEncoding, textIsHmacSecret: verify.keyIsHmac });
  }, [key, verifyId, runId, verify.keyText, verify.secretEncoding, verify.keyIsHmac]);

  const states = signatures.states;
  const rows = useMemo(() => (states.size === 0 ? run.rows : run.rows.map((r) => (states.has(r.id) ? { ...r, signature: states.get(r.id) } : r))), [run.rows, states]);
  const state: AuditRunState = { ...run, rows };
  return { ...state, verification: signatures.progress };
}
