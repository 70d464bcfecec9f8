import type { FindingCode } from '../kubernetes/findingCatalogue';
import { AUDIT_KINDS, type AuditKind, type AuditRow, type SecretOrigin } from './auditRow';

export type SortKey = 'id' | 'namespace' | 'secretName' | 'serviceAccount' | 'kind' | 'issuedAt' | 'expiresAt' | 'lastUsed' | 'invalidSince' | 'origin' | 'findings' | 'signature';

export interface SortOrder {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export interface RowFilter {
  namespace?: string;
  kind?: AuditKind;
  finding?: FindingCode;
  origin?: SecretOrigin;
  /** Free text: every word must appear in the namespace, Secret, service account, kind or a finding code. */
  query?: string;
}

const SEVERITY_WEIGHT = { danger: 10000, warning: 100, info: 1 } as const;

/** Findings sort by their worst severity, then by how many there are. */
function findingWeight(row: AuditRow): number {
  return row.findings.reduce((sum, f) => sum + SEVERITY_WEIGHT[f.severity], 0);
}

type Comparable = string | number | null;

const SORT_VALUE: Record<SortKey, (row: AuditRow) => Comparable> = {
  id: (r) => r.id,
  namespace: (r) => r.namespace,
  secretName: (r) => r.secretName,
  serviceAccount: (r) => r.serviceAccount,
  kind: (r) => AUDIT_KINDS.indexOf(r.kind),
  issuedAt: (r) => r.issuedAt,
  expiresAt: (r) => r.expiresAt,
  // Labels are YYYY-MM-DD, so text order is date order.
  lastUsed: (r) => r.lastUsed,
  invalidSince: (r) => r.invalidSince,
  origin: (r) => r.origin,
  findings: (r) => findingWeight(r),
  signature: (r) => r.signature ?? null,
};

const collator = new Intl.Collator('en', { numeric: true });

function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A sorted copy. Missing values (no expiry, no label) go last in either direction; ties keep
 * paste order, so the result is stable.
 */
export function sortRows(rows: readonly AuditRow[], order: SortOrder): AuditRow[] {
  const value = SORT_VALUE[order.key];
  const sign = order.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, v: value(row) }));
  keyed.sort((x, y) => {
    if (x.v === null || y.v === null) return x.v === y.v ? x.row.id - y.row.id : x.v === null ? 1 : -1;
    return sign * compare(x.v, y.v) || x.row.id - y.row.id;
  });
  return keyed.map((k) => k.row);
}

const searchText = new WeakMap<AuditRow, string>();

function textOf(row: AuditRow): string {
  let text = searchText.get(row);
  if (text === undefined) {
    text = [row.namespace, row.secretName, row.namespace && row.secretName ? `${row.namespace}/${row.secretName}` : null, row.serviceAccount, row.kind, row.origin, ...row.findings.map((f) => f.code)]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    searchText.set(row, text);
  }
  return text;
}

export function filterRows(rows: readonly AuditRow[], filter: RowFilter): AuditRow[] {
  const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (!filter.namespace || row.namespace === filter.namespace) &&
      (!filter.kind || row.kind === filter.kind) &&
      (!filter.origin || row.origin === filter.origin) &&
      (!filter.finding || row.findings.some((f) => f.code === filter.finding)) &&
      (words.length === 0 || words.every((w) => textOf(row).includes(w))),
  );
}

/** The rows a user sees: filtered, then sorted. */
export function visibleRows(rows: readonly AuditRow[], filter: RowFilter, order: SortOrder): AuditRow[] {
  return sortRows(filterRows(rows, filter), order);
}
