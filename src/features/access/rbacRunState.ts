import type { AccessAnswer } from '../../core/rbac/checkAccess';
import type { RbacFinding } from '../../core/rbac/findDangers';
import type { PermissionTable } from '../../core/rbac/permissionTable';
import type { DumpSummary, RbacResponse } from '../../core/rbac/rbacSession';
import type { RbacProgress } from '../../core/rbac/readRbacText';
import type { WhoCanResult } from '../../core/rbac/whoCan';
import type { Problem, Result } from '../../core/result';

type QueryKind = 'table' | 'answer' | 'who';

/**
 * One pasted dump and what the engine said about it. Every message names its run and query, so an
 * answer about an older paste, subject or question never shows over a newer one.
 */
export interface RbacRunState {
  runId: number;
  text: string;
  phase: 'empty' | 'reading' | 'loaded' | 'error';
  progress: RbacProgress | null;
  summary: DumpSummary | null;
  error: Problem | null;
  /** The query each kind of answer must carry to be shown (the latest one asked). */
  asked: Record<QueryKind, number>;
  table: { table: PermissionTable; findings: RbacFinding[] } | null;
  answer: Result<AccessAnswer & { kubectl: string | null }> | null;
  who: Result<WhoCanResult> | null;
}

export type RbacRunAction = { type: 'text'; text: string } | { type: 'asked'; kind: QueryKind; queryId: number } | { type: 'message'; message: RbacResponse };

export function initialRbacRun(text: string, runId = 1): RbacRunState {
  return {
    runId,
    text,
    phase: text.trim() === '' ? 'empty' : 'reading',
    progress: null,
    summary: null,
    error: null,
    asked: { table: 0, answer: 0, who: 0 },
    table: null,
    answer: null,
    who: null,
  };
}

/** How far reading is, 0–1: parsing text is most of the work, so it counts for 90%. */
export function progressShare(progress: RbacProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  const share = Math.min(1, progress.done / progress.total);
  return progress.phase === 'parsing' ? share * 0.9 : 0.9 + share * 0.1;
}

export function rbacRunReducer(state: RbacRunState, action: RbacRunAction): RbacRunState {
  switch (action.type) {
    case 'text':
      return action.text === state.text ? state : initialRbacRun(action.text, state.runId + 1);
    case 'asked': {
      // A new question clears the old answer, so a stale one is never read as the new one's.
      const cleared = action.kind === 'table' ? { table: null } : action.kind === 'answer' ? { answer: null } : { who: null };
      return { ...state, ...cleared, asked: { ...state.asked, [action.kind]: action.queryId } };
    }
    case 'message':
      return applyMessage(state, action.message);
  }
}

function applyMessage(state: RbacRunState, m: RbacResponse): RbacRunState {
  // runId -1: the engine itself failed, whatever it was doing.
  if (m.runId !== state.runId && !(m.type === 'error' && m.runId === -1)) return state;
  switch (m.type) {
    case 'progress':
      return state.phase === 'reading' ? { ...state, progress: { phase: m.phase, done: m.done, total: m.total } } : state;
    case 'loaded':
      return { ...state, phase: 'loaded', summary: m.summary, error: null };
    case 'error':
      return { ...state, phase: 'error', error: m.error };
    case 'table':
      return m.queryId === state.asked.table ? { ...state, table: { table: m.table, findings: m.findings } } : state;
    case 'answer':
      return m.queryId === state.asked.answer ? { ...state, answer: m.result } : state;
    case 'who':
      return m.queryId === state.asked.who ? { ...state, who: m.result } : state;
  }
}
