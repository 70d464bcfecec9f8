import { useDeferredValue, useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Select } from '../../components/Select';
import { controlClass, helpClass } from '../../components/styles';
import { permissionsToCsv, permissionsToJson } from '../../core/rbac/exportPermissions';
import { filterRows, type RowFilter } from '../../core/rbac/filterRows';
import type { PermissionRow, PermissionTable } from '../../core/rbac/permissionTable';
import { downloadText } from '../../lib/downloadText';

/** Rows laid out at first; more on request (a subject bound to cluster-admin everywhere has thousands). */
const PAGE_ROWS = 500;
const ALL = '\u0000all';

function scopeFilter(scope: string): Pick<RowFilter, 'namespace'> {
  return scope === ALL ? {} : { namespace: scope };
}

/** `kubectl auth can-i --list` for every namespace at once, each row with what grants it. */
export function PermissionsPanel({ table }: { table: PermissionTable }) {
  const [scope, setScope] = useState(ALL);
  const [verb, setVerb] = useState('');
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(PAGE_ROWS);
  const text = useDeferredValue(search);
  const rows = useMemo(() => filterRows(table.rows, { ...scopeFilter(scope), verb, text }), [table.rows, scope, verb, text]);
  const verbs = useMemo(() => [...new Set(table.rows.map((r) => r.verb))].sort(), [table.rows]);
  const name = table.subject.username || table.subject.groups[0] || 'subject';
  const file = `permissions-${name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}`;

  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Namespace">
          {(control) => (
            <Select {...control} data-testid="access-filter-namespace" value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value={ALL}>All</option>
              <option value="">Cluster-wide only</option>
              {table.namespaces.map((n) => (
                <option key={n} value={n}>
                  {n} (and cluster-wide)
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Verb">
          {(control) => (
            <Select {...control} data-testid="access-filter-verb" value={verb} onChange={(e) => setVerb(e.target.value)}>
              <option value="">Any</option>
              {verbs.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Search" className="min-w-40 flex-1">
          {(control) => <input {...control} type="search" data-testid="access-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="resource, binding, role…" className={`${controlClass} w-full`} />}
        </Field>
        <div className="flex gap-2">
          <Button data-testid="access-export-csv" disabled={rows.length === 0} onClick={() => downloadText(permissionsToCsv(rows), `${file}.csv`, 'text/csv;charset=utf-8')}>
            Export CSV
          </Button>
          <Button data-testid="access-export-json" disabled={rows.length === 0} onClick={() => downloadText(permissionsToJson(rows), `${file}.json`, 'application/json')}>
            Export JSON
          </Button>
        </div>
      </div>
      <p className={helpClass} data-testid="access-row-count" data-count={rows.length}>
        {rows.length.toLocaleString('en')} of {table.rows.length.toLocaleString('en')} permissions{rows.length > shown && `, the first ${shown.toLocaleString('en')} shown`}. Exports hold the rows that match the filters.
      </p>
      {table.notes.map((n) => (
        <p key={n} role="note">
          {n}
        </p>
      ))}
      {table.broken.map((b) => (
        <p key={b.binding.kind + b.binding.namespace + b.binding.name} className="text-amber-900 dark:text-amber-200">
          {b.binding.kind} {JSON.stringify(b.binding.name)}
          {b.binding.namespace && ` in namespace ${JSON.stringify(b.binding.namespace)}`} grants nothing here: {b.error}.
        </p>
      ))}
      {rows.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{table.rows.length === 0 ? 'The paste grants this subject nothing.' : 'No permission matches the filters.'}</p>
      ) : (
        <div className="overflow-x-auto">
          {/* On a phone each row stacks: namespace, verb and resource on one line, its grants below. */}
          <table className="block w-full border-collapse text-left sm:table">
            <thead className="hidden text-xs text-slate-600 sm:table-header-group dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Namespace</th>
                <th scope="col" className="py-1 pr-3 font-medium">Verb</th>
                <th scope="col" className="py-1 pr-3 font-medium">Resource or URL</th>
                <th scope="col" className="py-1 font-medium">Allowed by</th>
              </tr>
            </thead>
            <tbody className="block sm:table-row-group">
              {rows.slice(0, shown).map((row) => (
                <Row key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > shown && (
        <Button onClick={() => setShown((n) => n + PAGE_ROWS)}>Show {Math.min(PAGE_ROWS, rows.length - shown).toLocaleString('en')} more</Button>
      )}
    </div>
  );
}

function Row({ row }: { row: PermissionRow }) {
  const more = row.grants.length - 2;
  return (
    <tr data-testid="access-row" data-verb={row.verb} data-resource={row.resource} data-namespace={row.namespace} className="block border-t border-slate-100 py-1 align-top sm:table-row sm:py-0 dark:border-slate-800">
      <td className="inline pr-3 whitespace-nowrap sm:table-cell sm:py-1">{row.namespace || <span className="text-slate-600 dark:text-slate-400">cluster-wide</span>}</td>
      <td className="inline pr-3 font-mono text-[13px] sm:table-cell sm:py-1">{row.verb}</td>
      <td className="inline pr-3 font-mono text-[13px] break-all sm:table-cell sm:py-1">
        {row.resource}
        {row.resourceNames && <span className="block font-sans text-xs">only named {row.resourceNames.join(', ')}</span>}
        {row.clusterScopedInNamespace && <span className="block font-sans text-xs text-amber-900 dark:text-amber-200">cluster-scoped: a RoleBinding grants nothing here</span>}
      </td>
      <td className="block text-[13px] sm:table-cell sm:py-1">
        {row.grants.slice(0, 2).map((g) => (
          <span key={g.source + (g.aggregatedFrom ?? '')} className="block break-words">
            {g.source}
            {g.aggregatedFrom && <span className="text-slate-600 dark:text-slate-400"> (aggregated from {g.aggregatedFrom})</span>}
          </span>
        ))}
        {more > 0 && <span className="block text-xs text-slate-600 dark:text-slate-400">and {more} more</span>}
      </td>
    </tr>
  );
}
