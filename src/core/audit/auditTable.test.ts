import { describe, expect, it } from 'vitest';
import { filterRows, sortRows, visibleRows } from './auditTable';
import { row } from '../../testing/auditRows';

const rows = [
  row({ id: 0, namespace: 'shop', secretName: 'web-token-2', kind: 'legacy', lastUsed: '2025-12-01', findings: [{ code: 'legacy-token', severity: 'warning' }] }),
  row({ id: 1, namespace: 'ci', secretName: 'runner-token', kind: 'legacy', lastUsed: null, findings: [{ code: 'legacy-token-invalidated', severity: 'danger' }] }),
  row({ id: 2, namespace: 'shop', secretName: 'web-token-10', kind: 'pod-bound', lastUsed: '2026-01-10', expiresAt: 1768473007, serviceAccount: 'Web' }),
  row({ id: 3, namespace: 'ci', secretName: 'deployer', kind: 'no-token', lastUsed: '2024-05-05', origin: 'auto' }),
];
const ids = (list: { id: number }[]) => list.map((r) => r.id);

describe('sortRows', () => {
  it('sorts text naturally (token-2 before token-10) in either direction', () => {
    expect(ids(sortRows(rows, { key: 'secretName', direction: 'asc' }))).toEqual([3, 1, 0, 2]);
    expect(ids(sortRows(rows, { key: 'secretName', direction: 'desc' }))).toEqual([2, 0, 1, 3]);
  });

  it('puts missing values last in both directions', () => {
    expect(ids(sortRows(rows, { key: 'lastUsed', direction: 'asc' }))).toEqual([3, 0, 2, 1]);
    expect(ids(sortRows(rows, { key: 'lastUsed', direction: 'desc' }))).toEqual([2, 0, 3, 1]);
    expect(ids(sortRows(rows, { key: 'expiresAt', direction: 'desc' }))).toEqual([2, 0, 1, 3]);
  });

  it('sorts findings by severity, and keeps paste order on ties', () => {
    expect(ids(sortRows(rows, { key: 'findings', direction: 'desc' }))).toEqual([1, 0, 2, 3]);
    expect(ids(sortRows(rows, { key: 'namespace', direction: 'asc' }))).toEqual([1, 3, 0, 2]);
  });

  it('does not change its input', () => {
    sortRows(rows, { key: 'secretName', direction: 'desc' });
    expect(ids(rows)).toEqual([0, 1, 2, 3]);
  });
});

describe('filterRows', () => {
  it('by namespace, kind, finding and origin', () => {
    expect(ids(filterRows(rows, { namespace: 'ci' }))).toEqual([1, 3]);
    expect(ids(filterRows(rows, { kind: 'legacy' }))).toEqual([0, 1]);
    expect(ids(filterRows(rows, { finding: 'legacy-token-invalidated' }))).toEqual([1]);
    expect(ids(filterRows(rows, { origin: 'auto' }))).toEqual([3]);
    expect(ids(filterRows(rows, { namespace: 'shop', kind: 'legacy' }))).toEqual([0]);
  });

  it('free text: every word, any case, over names, kind and finding codes', () => {
    expect(ids(filterRows(rows, { query: 'WEB' }))).toEqual([0, 2]);
    expect(ids(filterRows(rows, { query: 'shop/web-token-2' }))).toEqual([0]);
    expect(ids(filterRows(rows, { query: 'ci invalidated' }))).toEqual([1]);
    expect(ids(filterRows(rows, { query: '  ' }))).toEqual([0, 1, 2, 3]);
  });

  it('visibleRows filters, then sorts', () => {
    expect(ids(visibleRows(rows, { namespace: 'shop' }, { key: 'secretName', direction: 'desc' }))).toEqual([2, 0]);
  });
});
