import type { AuditRow } from '../../core/audit/auditRow';
import { rowsToCsv, rowsToJson } from '../../core/audit/exportRows';
import { count } from './auditLabels';
import { downloadText } from './downloadText';

const BUTTON = 'rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** CSV and JSON of the rows shown (filtered and sorted), without any token value. */
export function ExportButtons({ rows, nowSeconds }: { rows: AuditRow[]; nowSeconds: number }) {
  const stamp = new Date(nowSeconds * 1000).toISOString().slice(0, 10);
  const disabled = rows.length === 0;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" data-testid="audit-export-csv" disabled={disabled} className={BUTTON} onClick={() => downloadText(rowsToCsv(rows), `sa-token-audit-${stamp}.csv`, 'text/csv;charset=utf-8')}>
        Export CSV <span className="text-xs text-slate-600 dark:text-slate-400">({count(rows.length)} rows)</span>
      </button>
      <button type="button" data-testid="audit-export-json" disabled={disabled} className={BUTTON} onClick={() => downloadText(rowsToJson(rows), `sa-token-audit-${stamp}.json`, 'application/json')}>
        Export JSON
      </button>
      <span className="text-xs text-slate-600 dark:text-slate-400">Exports hold names, dates, labels and findings — never a token.</span>
    </div>
  );
}
