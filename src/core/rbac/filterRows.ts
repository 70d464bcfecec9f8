/**
 * Narrowing the permission table for the view: by namespace (a namespace's view includes what
 * ClusterRoleBindings grant everywhere, as `kubectl auth can-i --list -n ns` does), by verb, and by
 * free text over the resource, verb, namespace and the granting bindings and roles. Linear in the
 * rows; text is matched case-insensitively as a plain substring.
 */
import type { PermissionRow } from './permissionTable';

export interface RowFilter {
  /**
   * undefined: every row. '': only cluster-wide rows. A namespace: its rows plus cluster-wide ones
   * (unless `clusterWide` is false).
   */
  namespace?: string;
  clusterWide?: boolean;
  /** Exact verb; `*` rows match any verb asked for, since they grant it. */
  verb?: string;
  text?: string;
}

function searchable(row: PermissionRow): string {
  const parts = [row.resource, row.verb, row.namespace, ...(row.resourceNames ?? [])];
  for (const g of row.grants) parts.push(g.binding.name, g.role.name, g.source, g.aggregatedFrom ?? '');
  return parts.join('\n').toLowerCase();
}

export function filterRows(rows: readonly PermissionRow[], filter: RowFilter): PermissionRow[] {
  const text = filter.text?.trim().toLowerCase() ?? '';
  const verb = filter.verb?.trim() ?? '';
  return rows.filter((row) => {
    if (filter.namespace !== undefined) {
      if (filter.namespace === '') {
        if (row.namespace !== '') return false;
      } else if (row.namespace !== filter.namespace && !(row.namespace === '' && filter.clusterWide !== false)) return false;
    }
    if (verb && row.verb !== verb && row.verb !== '*') return false;
    return text === '' || searchable(row).includes(text);
  });
}
