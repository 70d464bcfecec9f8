import { describe, expect, it } from 'vitest';
import type { AuditRow } from './auditRow';
import { findingsPresent, kindsPresent, summarizeRows } from './auditSummary';
import { row } from '../../testing/auditRows';

describe('summarizeRows', () => {
  const rows: AuditRow[] = [
    row({ namespace: 'b', kind: 'legacy', origin: 'auto', lastUsed: '2026-01-01', findings: [{ code: 'legacy-token', severity: 'warning' }, { code: 'no-expiry', severity: 'warning' }] }),
    row({ namespace: 'a', kind: 'legacy', invalidSince: '2026-01-02', findings: [{ code: 'legacy-token-invalidated', severity: 'danger' }, { code: 'legacy-token', severity: 'warning' }] }),
    row({ namespace: 'a', kind: 'pod-bound', signature: 'verified', findings: [{ code: 'extended-expiry', severity: 'info' }] }),
    row({ namespace: null, kind: 'no-token' }),
  ];
  const summary = summarizeRows(rows);

  it('counts by kind, finding, origin and label', () => {
    expect(summary.total).toBe(4);
    expect(summary.byKind).toEqual({ legacy: 2, 'pod-bound': 1, 'no-token': 1 });
    expect(summary.byFinding).toEqual({ 'legacy-token': 2, 'no-expiry': 1, 'legacy-token-invalidated': 1, 'extended-expiry': 1 });
    expect(summary.byOrigin).toEqual({ auto: 1, manual: 0, unknown: 3 });
    expect(summary.bySignature).toEqual({ verified: 1 });
    expect([summary.lastUsedLabelled, summary.invalidSinceLabelled]).toEqual([1, 1]);
    expect(summary.namespaces).toEqual(['a', 'b']);
  });

  it('lists kinds in catalogue order and findings most severe first', () => {
    expect(kindsPresent(summary)).toEqual([
      ['legacy', 2],
      ['pod-bound', 1],
      ['no-token', 1],
    ]);
    expect(findingsPresent(summary).map(([code]) => code)).toEqual(['legacy-token-invalidated', 'legacy-token', 'no-expiry', 'extended-expiry']);
  });
});
