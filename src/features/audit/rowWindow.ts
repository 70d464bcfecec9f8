/** Fixed row height: what makes windowing exact (row i sits at HEADER_HEIGHT + i × ROW_HEIGHT). */
export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 36;
/** Rows rendered above and below the visible ones, so fast scrolling and Tab find them ready. */
export const OVERSCAN = 6;

interface RowWindow {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
}

/** Which rows to render for a scroll position: the visible ones plus `overscan` on each side. */
export function windowFor(scrollTop: number, viewport: number, count: number, overscan: number): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop - HEADER_HEIGHT) / ROW_HEIGHT);
  const last = Math.ceil((scrollTop + viewport) / ROW_HEIGHT);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** The scroll position that shows row `index` whole, below the sticky header; unchanged if it already is. */
export function scrollTopToShow(index: number, scrollTop: number, viewport: number): number {
  const top = HEADER_HEIGHT + index * ROW_HEIGHT;
  if (top - HEADER_HEIGHT < scrollTop) return top - HEADER_HEIGHT;
  if (top + ROW_HEIGHT > scrollTop + viewport) return top + ROW_HEIGHT - viewport;
  return scrollTop;
}

/** The keys that move between rows, as in a grid: one row, a page, the first or last row. */
export type RowKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End';

export function isRowKey(key: string): key is RowKey {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'PageDown' || key === 'PageUp' || key === 'Home' || key === 'End';
}

/** The row a key moves to from row `index`, kept inside the table (-1 when it has no rows). */
export function rowAfterKey(key: RowKey, index: number, count: number, viewport: number): number {
  // A page is the rows in view, less one so the row the user was on stays visible.
  const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
  const next = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: count - 1 }[key];
  return Math.max(Math.min(next, count - 1), count === 0 ? -1 : 0);
}
