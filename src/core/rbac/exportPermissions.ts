/**
 * The permission table as CSV and JSON, with the audit export's formula-safe cells
 * (core/audit/exportRows.ts csvCell), so a crafted role name cannot become a spreadsheet formula.
 */
import { csvCell } from '../audit/exportRows';
import type { PermissionRow } from './permissionTable';

export const PERMISSION_COLUMNS = ['namespace', 'verb', 'resource', 'api_group', 'subresource', 'non_resource_url', 'resource_names', 'granted_by', 'roles', 'reasons'] as const;

type Column = (typeof PERMISSION_COLUMNS)[number];

function record(row: PermissionRow): Record<Column, string | string[] | null> {
  const resource = row.type === 'resource';
  return {
    namespace: row.namespace,
    verb: row.verb,
    resource: resource ? row.resourceName : null,
    api_group: resource ? row.apiGroup : null,
    subresource: resource ? row.subresource : null,
    non_resource_url: resource ? null : row.resource,
    resource_names: row.resourceNames,
    granted_by: row.grants.map((g) => `${g.binding.kind}/${g.binding.namespace ? `${g.binding.namespace}/` : ''}${g.binding.name}`),
    roles: [...new Set(row.grants.map((g) => `${g.role.kind}/${g.role.namespace ? `${g.role.namespace}/` : ''}${g.role.name}`))],
    reasons: row.grants.map((g) => g.reason),
  };
}

/** JSON: one object per row with the CSV's columns; lists stay lists (null resource_names = every object). */
export function permissionsToJson(rows: readonly PermissionRow[]): string {
  return `${JSON.stringify(rows.map(record), null, 2)}\n`;
}

/** CSV with a header row and CRLF line ends; list cells are joined with "; ". */
export function permissionsToCsv(rows: readonly PermissionRow[]): string {
  const lines = [PERMISSION_COLUMNS.map((c) => csvCell(c)).join(',')];
  for (const row of rows) {
    const r = record(row);
    lines.push(PERMISSION_COLUMNS.map((c) => { const v = r[c]; return csvCell(Array.isArray(v) ? v.join('; ') : v); }).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
