import { toIsoInstant } from '../time/formatTime';
import type { AuditRow } from './auditRow';

/** The exported columns, in order. Token values are never among them. */
export const EXPORT_COLUMNS = [
  'namespace',
  'secret',
  'service_account',
  'kind',
  'extended',
  'issued_at',
  'expires_at',
  'created_at',
  'legacy_token_last_used',
  'legacy_token_invalid_since',
  'origin',
  'mounted_by',
  'findings',
  'signature',
  'problem',
] as const;

type ExportColumn = (typeof EXPORT_COLUMNS)[number];
type ExportRecord = Record<ExportColumn, string | boolean | string[] | null>;

function exportRecord(row: AuditRow): ExportRecord {
  return {
    namespace: row.namespace,
    secret: row.secretName,
    service_account: row.serviceAccount,
    kind: row.kind,
    extended: row.extended,
    issued_at: row.issuedAt === null ? null : toIsoInstant(row.issuedAt),
    expires_at: row.expiresAt === null ? null : toIsoInstant(row.expiresAt),
    created_at: row.createdAt,
    legacy_token_last_used: row.lastUsed,
    legacy_token_invalid_since: row.invalidSince,
    origin: row.origin,
    mounted_by: row.mountedBy,
    findings: row.findings.map((f) => f.code),
    signature: row.signature ?? null,
    problem: row.problem,
  };
}

/** JSON: one object per row, with the same columns as the CSV; lists stay lists. */
export function rowsToJson(rows: readonly AuditRow[]): string {
  return `${JSON.stringify(rows.map(exportRecord), null, 2)}\n`;
}

/**
 * One CSV cell (RFC 4180). Text a spreadsheet would run as a formula (starting with = + - @, or
 * a tab or carriage return) gets a leading single quote, so a crafted Secret name cannot become
 * a formula in the admin's spreadsheet (OWASP "CSV injection").
 */
export function csvCell(value: string | boolean | string[] | null): string {
  let text = value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header row and CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function rowsToCsv(rows: readonly AuditRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) {
    const record = exportRecord(row);
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(record[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
