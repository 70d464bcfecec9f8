import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { isRowKey, rowAfterKey } from './rowWindow';

interface RowKeyboardNavOptions {
  scroller: RefObject<HTMLElement | null>;
  count: number;
  viewport: number;
  /** Changes when the rendered rows may have changed (the scroll position). */
  scrollTop: number;
  scrollToRow: (index: number) => void;
}

/**
 * Arrow keys, Page Up/Down, Home and End move between rows from a row's focusable cell (marked
 * `data-cell-focus`, in a row marked `data-row-index`), to the same cell of the target row. The
 * target may not be rendered yet in a windowed table: it is scrolled into view, and focused once
 * it is there.
 */
export function useRowKeyboardNav({ scroller, count, viewport, scrollTop, scrollToRow }: RowKeyboardNavOptions) {
  // A new object per key press (so pressing toward the same row again still focuses it).
  const [pendingFocus, setPendingFocus] = useState<{ index: number; cell: string } | null>(null);
  const focused = useRef<typeof pendingFocus>(null);

  // Tried after every render that may have brought the row in (a key press, a scroll), until it is there.
  useEffect(() => {
    if (!pendingFocus || focused.current === pendingFocus) return;
    const target = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${pendingFocus.index}"] [data-cell-focus="${pendingFocus.cell}"]`);
    if (target) {
      target.focus({ preventScroll: true });
      focused.current = pendingFocus;
    }
  }, [pendingFocus, scrollTop, scroller]);

  return (e: KeyboardEvent<HTMLElement>) => {
    if (!isRowKey(e.key)) return;
    const cellEl = (e.target as HTMLElement).closest<HTMLElement>('[data-cell-focus]');
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!cellEl || !rowEl) return;
    e.preventDefault();
    const target = rowAfterKey(e.key, Number(rowEl.dataset.rowIndex), count, viewport);
    if (target < 0 || !scroller.current) return;
    scrollToRow(target);
    setPendingFocus({ index: target, cell: cellEl.dataset.cellFocus ?? 'select' });
  };
}
