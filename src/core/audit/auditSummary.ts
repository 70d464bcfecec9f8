import { FINDING_CATALOGUE, FINDING_CODES, type FindingCode } from '../kubernetes/findingCatalogue';
import type { SignatureState } from '../verify/verifySignature';
import { AUDIT_KINDS, type AuditKind, type AuditRow, type SecretOrigin } from './auditRow';

export interface AuditSummary {
  /** Tokens analysed (service account token Secrets, or token lines). */
  total: number;
  byKind: Partial<Record<AuditKind, number>>;
  /** Rows that have each finding. */
  byFinding: Partial<Record<FindingCode, number>>;
  byOrigin: Record<SecretOrigin, number>;
  bySignature: Partial<Record<SignatureState, number>>;
  /** Rows carrying the tracker's and the cleaner's labels. */
  lastUsedLabelled: number;
  invalidSinceLabelled: number;
  /** Distinct namespaces, sorted (for the namespace filter). */
  namespaces: string[];
}

const SEVERITY_RANK = { danger: 0, warning: 1, info: 2 } as const;

export function summarizeRows(rows: readonly AuditRow[]): AuditSummary {
  const summary: AuditSummary = {
    total: rows.length,
    byKind: {},
    byFinding: {},
    byOrigin: { auto: 0, manual: 0, unknown: 0 },
    bySignature: {},
    lastUsedLabelled: 0,
    invalidSinceLabelled: 0,
    namespaces: [],
  };
  const namespaces = new Set<string>();
  for (const row of rows) {
    summary.byKind[row.kind] = (summary.byKind[row.kind] ?? 0) + 1;
    summary.byOrigin[row.origin]++;
    for (const f of row.findings) summary.byFinding[f.code] = (summary.byFinding[f.code] ?? 0) + 1;
    if (row.signature) summary.bySignature[row.signature] = (summary.bySignature[row.signature] ?? 0) + 1;
    if (row.lastUsed) summary.lastUsedLabelled++;
    if (row.invalidSince) summary.invalidSinceLabelled++;
    if (row.namespace) namespaces.add(row.namespace);
  }
  summary.namespaces = [...namespaces].sort();
  return summary;
}

/** The kinds present, in catalogue order. */
export function kindsPresent(summary: AuditSummary): [AuditKind, number][] {
  return AUDIT_KINDS.filter((k) => summary.byKind[k]).map((k) => [k, summary.byKind[k] as number]);
}

/** The findings present, most severe first, then in catalogue order. */
export function findingsPresent(summary: AuditSummary): [FindingCode, number][] {
  return FINDING_CODES.filter((c) => summary.byFinding[c])
    .sort((a, b) => SEVERITY_RANK[FINDING_CATALOGUE[a].severity] - SEVERITY_RANK[FINDING_CATALOGUE[b].severity] || FINDING_CODES.indexOf(a) - FINDING_CODES.indexOf(b))
    .map((c) => [c, summary.byFinding[c] as number]);
}
