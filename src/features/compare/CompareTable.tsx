import type { CompareRow } from '../../core/kubernetes/compareClaims';
import { revealInvisible } from '../../core/text/revealInvisible';

const CHANGE_STYLE: Record<CompareRow['change'], string> = {
  added: 'bg-emerald-50 dark:bg-emerald-950',
  removed: 'bg-rose-50 dark:bg-rose-950',
  changed: 'bg-amber-50 dark:bg-amber-950',
  same: '',
};
const CHANGE_LABEL: Record<CompareRow['change'], string> = { added: 'only in B', removed: 'only in A', changed: 'changed', same: 'same' };

function show(value: unknown, present: boolean): string {
  if (!present) return '—';
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return revealInvisible(text.length > 300 ? `${text.slice(0, 300)}…` : text).text;
}

/** The claim-by-claim diff. */
export function CompareTable({ rows, caption, testId = 'compare-row' }: { rows: CompareRow[]; caption: string; testId?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">{caption}</caption>
        <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3">Claim</th>
            <th scope="col" className="py-1 pr-3">A</th>
            <th scope="col" className="py-1 pr-3">B</th>
            <th scope="col" className="py-1">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.claim} data-testid={testId} data-claim={row.claim} data-change={row.change} className={CHANGE_STYLE[row.change]}>
              <th scope="row" className="py-1 pr-3 font-mono text-[13px] font-normal break-all">{revealInvisible(row.claim).text}</th>
              <td className="py-1 pr-3 font-mono text-[13px] break-all">{show(row.a, 'a' in row)}</td>
              <td className="py-1 pr-3 font-mono text-[13px] break-all">{show(row.b, 'b' in row)}</td>
              <td className="py-1 text-xs whitespace-nowrap">{CHANGE_LABEL[row.change]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
