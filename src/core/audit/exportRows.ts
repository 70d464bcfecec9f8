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
 * A position where a spreadsheet would start a formula: a formula character (OWASP "CSV
 * injection": = + - @ tab CR, and their fullwidth forms, which some locales treat the same way) at
 * the start of the text or right after a place a spreadsheet may start a new cell — a locale that
 * separates with ";" (or a tab) splits `x;=1+1;` into a formula cell whatever the quotes, and a
 * reader that loses track of quotes can start a new row at a line break. Zero-width with a
 * one-character lookbehind: linear, and native speed on a 4 MB cell.
 */
const FORMULA_AT_CELL_START = /(?<=^|[;,\t\r\n])(?=[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])/g;

/** A single quote before every formula character that could start a cell. */
function defuseFormulas(text: string): string {
  return text.replace(FORMULA_AT_CELL_START, "'");
}

/**
 * One CSV cell (RFC 4180), always quoted, with every place a spreadsheet could start a formula
 * defused by a leading single quote, so a crafted Secret name cannot run in the admin's spreadsheet.
 */
export function csvCell(value: string | boolean | string[] | null): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  return `"${defuseFormulas(text).replace(/"/g, '""')}"`;
}

/** CSV with a header row and CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function rowsToCsv(rows: readonly AuditRow[]): string {
  const lines = [EXPORT_COLUMNS.map((c) => csvCell(c)).join(',')];
  for (const row of rows) {
    const record = exportRecord(row);
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(record[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
