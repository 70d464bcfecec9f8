import { Button } from '../../components/Button';
import type { AuditRow } from '../../core/audit/auditRow';
import { rowsToCsv, rowsToJson } from '../../core/audit/exportRows';
import { count } from './auditLabels';
import { downloadText } from '../../lib/downloadText';

/** CSV and JSON of the rows shown (filtered and sorted), without any token value. */
export function ExportButtons({ rows, nowSeconds }: { rows: AuditRow[]; nowSeconds: number }) {
  const stamp = new Date(nowSeconds * 1000).toISOString().slice(0, 10);
  const disabled = rows.length === 0;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button data-testid="audit-export-csv" disabled={disabled} onClick={() => downloadText(rowsToCsv(rows), `sa-token-audit-${stamp}.csv`, 'text/csv;charset=utf-8')}>
        Export CSV <span className="text-xs text-slate-600 dark:text-slate-400">({count(rows.length)} rows)</span>
      </Button>
      <Button data-testid="audit-export-json" disabled={disabled} onClick={() => downloadText(rowsToJson(rows), `sa-token-audit-${stamp}.json`, 'application/json')}>
        Export JSON
      </Button>
      <span className="text-xs text-slate-600 dark:text-slate-400">Exports hold names, dates, labels and findings — never a token.</span>
    </div>
  );
}
