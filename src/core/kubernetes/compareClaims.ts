import { flattenClaims } from '../claims/flattenClaims';

export type ClaimChange = 'added' | 'removed' | 'changed' | 'same';

export interface CompareRow {
  /** Dotted claim name, as flattenClaims writes it (`kubernetes.io.pod.name`). */
  claim: string;
  change: ClaimChange;
  /** Present when A has the claim. */
  a?: unknown;
  /** Present when B has the claim. */
  b?: unknown;
}

function sameValue(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  const keys = Object.keys(xo);
  return keys.length === Object.keys(yo).length && keys.every((k) => Object.hasOwn(yo, k) && sameValue(xo[k], yo[k]));
}

/**
 * A claim-by-claim diff of two claim sets (or two headers, with `where: 'header'`). Rows follow A's
 * order, then the claims only B has, in B's order. A missing side counts as empty.
 */
export function compareClaims(
  a: Record<string, unknown> | null,
  b: Record<string, unknown> | null,
  where: 'payload' | 'header' = 'payload',
): CompareRow[] {
  const rowsA = a ? flattenClaims(a, where) : [];
  const rowsB = b ? flattenClaims(b, where) : [];
  const inB = new Map(rowsB.map((r) => [r.name, r.value]));
  const inA = new Set(rowsA.map((r) => r.name));
  const out: CompareRow[] = [];
  for (const row of rowsA) {
    if (!inB.has(row.name)) out.push({ claim: row.name, change: 'removed', a: row.value });
    else {
      const other = inB.get(row.name);
      out.push({ claim: row.name, change: sameValue(row.value, other) ? 'same' : 'changed', a: row.value, b: other });
    }
  }
  for (const row of rowsB) if (!inA.has(row.name)) out.push({ claim: row.name, change: 'added', b: row.value });
  return out;
}

/** How many rows of each change there are. */
export function summarizeComparison(rows: CompareRow[]): Record<ClaimChange, number> {
  const counts: Record<ClaimChange, number> = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const r of rows) counts[r.change]++;
  return counts;
}
