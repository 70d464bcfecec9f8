import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { AuditResponse } from '../../core/audit/auditProtocol';
import type { SecretEncoding } from '../../core/keys/secret';
import { useTextDigest } from '../../hooks/useTextDigest';
import { openAuditChannel, type AuditChannel } from './auditChannel';
import { auditRunReducer, initialAuditRun, isForRun, isSignatureMessage, rowsWithSignatures, verificationKey, type AuditRunAction, type AuditRunState } from './auditRunState';

/**
 * Runs the audit of `text` in the worker and streams its rows into React state, at most once a
 * frame. A new text ends the old run (its worker is terminated, so even a long parse stops).
 * With `verify` on and keys given, every token is checked once the analysis is done. The state
 * and its transitions are the pure reducer in auditRunState.ts; this hook only wires the channel.
 */
export function useAuditRun(text: string, verify: { enabled: boolean; keyText: string; secretEncoding: SecretEncoding; keyIsHmac: boolean }) {
  const [state, dispatch] = useReducer(auditRunReducer, text, initialAuditRun);
  // Follow the props during render (no effect, no stale frame): a new text or verification key.
  if (state.run.text !== text) dispatch({ type: 'text', text });
  // Named by a digest, not the text: the key text can be a megabyte, and this runs every render.
  const keyDigest = useTextDigest(verify.keyText);
  const verifyKey = verificationKey(state.run, { ...verify, keyDigest });
  if (state.signatures.key !== verifyKey) dispatch({ type: 'verify', key: verifyKey });

  const { runId } = state.run;
  const channel = useRef<AuditChannel | null>(null);

  useEffect(() => {
    if (!text.trim()) return;
    const nowSeconds = Math.floor(Date.now() / 1000);
    let pending: Extract<AuditRunAction, { type: 'messages' }>['messages'] = [];
    let frame = 0;
    // Messages are applied once a frame: a burst of batches costs one render, not one each.
    const flush = () => {
      frame = 0;
      dispatch({ type: 'messages', runId, messages: pending, nowSeconds });
      pending = [];
    };
    const onMessage = (m: AuditResponse) => {
      if (!isForRun(runId, m)) return;
      if (isSignatureMessage(m)) {
        dispatch({ type: 'signatures', message: m });
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

  const { key, verifyId, states, progress } = state.signatures;
  useEffect(() => {
    if (!key) return;
    channel.current?.post({ type: 'verify', runId, verifyId, keyText: verify.keyText, secretEncoding: verify.secretEncoding, textIsHmacSecret: verify.keyIsHmac });
  }, [key, verifyId, runId, verify.keyText, verify.secretEncoding, verify.keyIsHmac]);

  const rows = useMemo(() => rowsWithSignatures(state.run.rows, states), [state.run.rows, states]);
  const run: AuditRunState = { ...state.run, rows };
  return { ...run, verification: progress };
}
