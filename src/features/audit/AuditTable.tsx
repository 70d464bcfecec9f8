import { rowLabel, type AuditRow } from '../../core/audit/auditRow';
import type { SortKey, SortOrder } from '../../core/audit/auditTable';
import { COLUMNS, SIGNATURE_COLUMN } from './auditColumns';
import { HEADER_HEIGHT, ROW_HEIGHT } from './rowWindow';
import { useRowKeyboardNav } from './useRowKeyboardNav';
import { useWindowedRows } from './useWindowedRows';

const SELECT_WIDTH = 34;

interface AuditTableProps {
  rows: AuditRow[];
  order: SortOrder;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], on: boolean) => void;
  activeId: number | null;
  onActivate: (id: number) => void;
  showSignature: boolean;
}

/** Cell styles set once on the table rather than on each of thousands of cells. */
const CELL_STYLES =
  '[&_td]:overflow-hidden [&_td]:border-b [&_td]:border-slate-100 [&_td]:px-1.5 [&_td]:text-ellipsis [&_td]:whitespace-nowrap dark:[&_td]:border-slate-800';

/**
 * One row per token, windowed: only the rows in view (and a few around them) are in the DOM, so
 * 10,000 rows scroll as smoothly as 10. Rows have a fixed height; spacer rows stand in for the
 * rest. Arrow keys, Page Up/Down, Home and End move between rows from a row's checkbox or name.
 */
export function AuditTable({ rows, order, onSort, selected, onSelect, activeId, onActivate, showSignature }: AuditTableProps) {
  const { scroller, scrollTop, viewport, start, end, scrollToRow, onScroll } = useWindowedRows(rows.length);
  const onKeyDown = useRowKeyboardNav({ scroller, count: rows.length, viewport, scrollTop, scrollToRow });
  const columns = showSignature ? [...COLUMNS, SIGNATURE_COLUMN] : COLUMNS;
  const width = SELECT_WIDTH + columns.reduce((sum, c) => sum + c.width, 0);
  const shownIds = rows.map((r) => r.id);
  const selectedShown = shownIds.reduce((n, id) => n + (selected.has(id) ? 1 : 0), 0);
  const allShown = rows.length > 0 && selectedShown === rows.length;

  return (
    // overflow-anchor: none, or Chromium's scroll anchoring moves the view whenever the rows in it are swapped.
    <div
      ref={scroller}
      data-testid="audit-table"
      onScroll={onScroll}
      style={{ height: `min(70vh, ${HEADER_HEIGHT + Math.max(rows.length, 3) * ROW_HEIGHT + 16}px)` }}
      className="relative overflow-auto rounded-lg border [overflow-anchor:none] border-slate-200 bg-white text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <table aria-rowcount={rows.length + 1} aria-colcount={columns.length + 1} style={{ width, tableLayout: 'fixed' }} className={`border-separate border-spacing-0 text-left ${CELL_STYLES}`}>
        <caption className="sr-only">Service account tokens, one row each. Sort by a column header; move between rows with the arrow keys, Page Up, Page Down, Home and End.</caption>
        <colgroup>
          <col style={{ width: SELECT_WIDTH }} />
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            <th scope="col" style={{ left: 0 }} className="sticky top-0 z-20 border-b border-slate-200 bg-slate-50 px-2 dark:border-slate-700 dark:bg-slate-800">
              <input
                type="checkbox"
                data-testid="audit-select-all"
                aria-label={`Select all ${rows.length} rows shown`}
                checked={allShown}
                ref={(el) => {
                  if (el) el.indeterminate = selectedShown > 0 && !allShown;
                }}
                onChange={() => onSelect(shownIds, !allShown)}
                className="align-middle"
              />
            </th>
            {columns.map((c) => {
              const sorted = order.key === c.sort;
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={sorted ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  style={c.pinned ? { left: SELECT_WIDTH } : undefined}
                  className={`sticky top-0 ${c.pinned ? 'z-20 border-r' : 'z-10'} border-b border-slate-200 bg-slate-50 px-1.5 text-xs font-semibold text-slate-700 uppercase dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300`}
                >
                  {c.sort ? (
                    <button type="button" data-testid={`audit-sort-${c.id}`} onClick={() => onSort(c.sort as SortKey)} className="inline-flex items-center gap-1 rounded text-left uppercase hover:underline">
                      {c.label}
                      <span aria-hidden="true" className="text-[10px]">
                        {sorted ? (order.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {start > 0 && (
            <tr aria-hidden="true" style={{ height: start * ROW_HEIGHT }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
          {rows.slice(start, end).map((row, i) => {
            const index = start + i;
            const active = row.id === activeId;
            return (
              <tr
                key={row.id}
                data-testid="audit-row"
                data-kind={row.kind}
                data-row-index={index}
                data-id={row.id}
                aria-rowindex={index + 2}
                style={{ height: ROW_HEIGHT }}
                className={`${active ? 'bg-sky-100 dark:bg-sky-950' : index % 2 ? 'bg-slate-50 dark:bg-slate-800' : 'bg-white dark:bg-slate-900'} hover:bg-sky-50 dark:hover:bg-sky-950`}
              >
                <td style={{ left: 0 }} className="sticky z-[1] bg-inherit">
                  <input
                    type="checkbox"
                    data-testid="audit-row-select"
                    data-cell-focus="select"
                    aria-label={`Select ${rowLabel(row)}`}
                    checked={selected.has(row.id)}
                    onChange={(e) => onSelect([row.id], e.target.checked)}
                    className="ml-0.5 align-middle"
                  />
                </td>
                {columns.map((c) => (
                  <td key={c.id} title={c.title?.(row)} style={c.pinned ? { left: SELECT_WIDTH } : undefined} className={`${c.pinned ? 'sticky z-[1] border-r bg-inherit' : ''} ${c.className?.(row) ?? ''}`}>
                    {c.cell(row, { onActivate, active })}
                  </td>
                ))}
              </tr>
            );
          })}
          {end < rows.length && (
            <tr aria-hidden="true" style={{ height: (rows.length - end) * ROW_HEIGHT }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No rows match.</p>}
    </div>
  );
}
