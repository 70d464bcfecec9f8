import { describe, expect, it } from 'vitest';
import type { RbacResponse } from '../../core/rbac/rbacSession';
import { initialRbacRun, progressShare, rbacRunReducer, type RbacRunState } from './rbacRunState';

const summary = { roles: 1, bindings: 1, objects: 2, ignored: {}, namespaces: [], problems: [], issues: [], elapsedMs: 1 };
const message = (state: RbacRunState, m: RbacResponse) => rbacRunReducer(state, { type: 'message', message: m });

describe('rbacRunReducer', () => {
  it('a new paste starts a new run; messages about the old one are dropped', () => {
    const first = initialRbacRun('a: 1');
    const second = rbacRunReducer(first, { type: 'text', text: 'b: 2' });
    expect(second.runId).toBe(first.runId + 1);
    expect(second.phase).toBe('reading');
    expect(message(second, { type: 'loaded', runId: first.runId, summary })).toBe(second);
    expect(message(second, { type: 'loaded', runId: second.runId, summary }).phase).toBe('loaded');
  });

  it('shows progress while reading, then the summary', () => {
    let s = initialRbacRun('x');
    s = message(s, { type: 'progress', runId: 1, phase: 'parsing', done: 50, total: 100 });
    expect(progressShare(s.progress)).toBeCloseTo(0.45);
    s = message(s, { type: 'progress', runId: 1, phase: 'reading', done: 10, total: 10 });
    expect(progressShare(s.progress)).toBe(1);
    expect(message(s, { type: 'loaded', runId: 1, summary })).toMatchObject({ phase: 'loaded', summary });
  });

  it('only the latest question is answered; asking again clears the old answer', () => {
    let s = message(initialRbacRun('x'), { type: 'loaded', runId: 1, summary });
    s = rbacRunReducer(s, { type: 'asked', kind: 'answer', queryId: 1 });
    s = rbacRunReducer(s, { type: 'asked', kind: 'answer', queryId: 2 });
    const stale = { type: 'answer', runId: 1, queryId: 1, result: { ok: false, error: { code: 'old', message: '' } } } as const;
    expect(message(s, stale).answer).toBeNull();
    expect(message(s, { ...stale, queryId: 2 }).answer).toEqual(stale.result);
  });

  it('an error of the engine itself (run -1) ends any run; an empty paste is not reading', () => {
    expect(message(initialRbacRun('x'), { type: 'error', runId: -1, error: { code: 'worker-error', message: 'boom' } }).phase).toBe('error');
    expect(initialRbacRun('  ').phase).toBe('empty');
  });
});
