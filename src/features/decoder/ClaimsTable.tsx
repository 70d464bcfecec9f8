import { useState } from 'react';
import { Button } from '../../components/Button';
import { TimeValue } from '../../components/TimeValue';
import { ORIGIN_LABELS } from '../../core/claims/catalogue';
import type { ClaimEntry } from '../../core/claims/flattenClaims';
import { revealInvisible } from '../../core/text/revealInvisible';
import { parseNumericDate } from '../../core/time/numericDate';

const FIRST_ROWS = 200;
const VALUE_CHARS = 300;

function ClaimValue({ entry, nowSeconds }: { entry: ClaimEntry; nowSeconds: number }) {
  if (entry.info?.isTime) {
    const date = parseNumericDate(entry.value);
    if (date.ok) {
      return (
        <div className="space-y-0.5">
          <TimeValue seconds={date.seconds} nowSeconds={nowSeconds} />
          <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{String(entry.value)}</div>
          {date.notes.map((n) => (
            <p key={n} className="text-xs text-amber-800 dark:text-amber-200">{`${entry.name} ${n}.`}</p>
          ))}
        </div>
      );
    }
    return (
      <div>
        <div className="font-mono text-[13px]">{JSON.stringify(entry.value)}</div>
        <p data-testid="time-problem" className="text-xs text-rose-800 dark:text-rose-200">{`Not a valid date: ${entry.name} ${date.message}.`}</p>
      </div>
    );
  }
  const raw = typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value) ?? String(entry.value);
  const shown = raw.length > VALUE_CHARS ? `${raw.slice(0, VALUE_CHARS)}…` : raw;
  const revealed = revealInvisible(shown);
  return (
    <div>
      <span className="font-mono text-[13px] break-all">{revealed.text}</span>
      {raw.length > VALUE_CHARS && <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">({raw.length.toLocaleString('en')} characters)</span>}
      {revealed.hidden > 0 && (
        <p className="text-xs text-rose-800 dark:text-rose-200">
          Contains {revealed.hidden} invisible or direction-changing character{revealed.hidden === 1 ? '' : 's'}, shown as ⟦U+…⟧: the value may not be what it looks like elsewhere.
        </p>
      )}
    </div>
  );
}

/** One row per claim, nested Kubernetes claims flattened to dotted names, each described. */
export function ClaimsTable({ rows, nowSeconds }: { rows: ClaimEntry[]; nowSeconds: number }) {
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Claims in the payload, with what each means</caption>
        <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
          <tr>
            <th scope="col" className="w-3/5 py-1 pr-3 font-semibold">Claim and value</th>
            <th scope="col" className="py-1 font-semibold">Meaning</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
          {visible.map((entry, i) => (
            <tr key={`${i}:${entry.name}`} data-testid="claim-row" data-claim={entry.name}>
              <th scope="row" className="py-1.5 pr-3 text-left align-top font-normal">
                <span className="block font-mono text-[13px] font-semibold break-all text-seg-payload">{revealInvisible(entry.name).text}</span>
                <ClaimValue entry={entry} nowSeconds={nowSeconds} />
              </th>
              <td className="py-1.5 text-slate-700 dark:text-slate-300">
                {entry.info ? (
                  <>
                    <span className="font-medium">{entry.info.title}.</span> {entry.info.description}{' '}
                    <span className="text-xs text-slate-500 dark:text-slate-400">({ORIGIN_LABELS[entry.info.origin]})</span>
                  </>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">Not a registered or Kubernetes claim.</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > FIRST_ROWS && !showAll && (
        <Button size="sm" onClick={() => setShowAll(true)} className="mt-2">
          Show all {rows.length.toLocaleString('en')} claims
        </Button>
      )}
    </div>
  );
}
