import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AccessQuestionInput } from '../../core/rbac/accessQuestion';
import type { AccessSubject } from '../../core/rbac/accessSubject';
import type { RbacResponse } from '../../core/rbac/rbacSession';
import { openRbacChannel, type RbacChannel } from './rbacChannel';
import { initialRbacRun, rbacRunReducer } from './rbacRunState';

/**
 * Reads the pasted RBAC objects with the Access engine (a new paste ends the old run and starts a
 * new one) and asks it about a subject and a question. The engine keeps the dump; only small
 * answers come back. State and its transitions are the pure reducer in rbacRunState.ts.
 */
export function useRbacRun(text: string, subject: AccessSubject | null) {
  const [state, dispatch] = useReducer(rbacRunReducer, text, (t) => initialRbacRun(t));
  // Follow the prop during render (no effect, no stale frame).
  if (state.text !== text) dispatch({ type: 'text', text });
  const { runId, phase } = state;
  const channel = useRef<RbacChannel | null>(null);
  const nextQuery = useRef(0);

  useEffect(() => {
    if (!text.trim()) return;
    let pending: RbacResponse[] = [];
    let frame = 0;
    // Progress can come in bursts: apply messages once a frame.
    const flush = () => {
      frame = 0;
      for (const message of pending) dispatch({ type: 'message', message });
      pending = [];
    };
    const opened = openRbacChannel((m) => {
      pending.push(m);
      frame ||= requestAnimationFrame(flush);
    });
    channel.current = opened;
    opened.post({ type: 'load', runId, text });
    return () => {
      opened.close();
      cancelAnimationFrame(frame);
      if (channel.current === opened) channel.current = null;
    };
  }, [text, runId]);

  // The subject's table and findings, once the dump is read and whenever the subject changes.
  useEffect(() => {
    if (phase !== 'loaded' || !subject) return;
    const queryId = ++nextQuery.current;
    dispatch({ type: 'asked', kind: 'table', queryId });
    channel.current?.post({ type: 'table', runId, queryId, subject });
  }, [phase, runId, subject]);

  /** Asks one question (and who else may do it); null clears the answers. */
  const ask = useCallback(
    (question: AccessQuestionInput | null) => {
      if (phase !== 'loaded') return;
      const answerId = ++nextQuery.current;
      const whoId = ++nextQuery.current;
      dispatch({ type: 'asked', kind: 'answer', queryId: answerId });
      dispatch({ type: 'asked', kind: 'who', queryId: whoId });
      if (!question) return;
      if (subject) channel.current?.post({ type: 'ask', runId, queryId: answerId, subject, question });
      channel.current?.post({ type: 'who', runId, queryId: whoId, question });
    },
    [phase, runId, subject],
  );

  return { ...state, ask };
}
