import { useEffect, useRef, useState, type UIEvent } from 'react';
import { OVERSCAN, scrollTopToShow, windowFor } from './rowWindow';

/**
 * Windowing for a table of `count` fixed-height rows in a scrolling box: which rows to render
 * (the ones in view, and a few around them), the box's height as laid out, and a way to bring a
 * row into view. The table mounts in steps, a frame apart (itself, then the rows in view, then
 * the overscan), so mounting it never makes one long task.
 */
export function useWindowedRows(count: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // The box is at most 70vh tall; the ResizeObserver corrects this once laid out (no forced layout).
  const [viewport, setViewport] = useState(() => Math.round(window.innerHeight * 0.7));
  const [stage, setStage] = useState(0);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => setViewport(Math.round(entries[0]?.contentRect.height ?? el.clientHeight)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (stage >= 2) return;
    const frame = requestAnimationFrame(() => setStage((s) => s + 1));
    return () => cancelAnimationFrame(frame);
  }, [stage]);

  const { start, end } = stage > 0 ? windowFor(scrollTop, viewport, count, stage > 1 ? OVERSCAN : 0) : { start: 0, end: 0 };

  /** Scrolls the box so row `index` is in view (its rows render on the next pass). */
  const scrollToRow = (index: number) => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = scrollTopToShow(index, el.scrollTop, el.clientHeight);
    setScrollTop(el.scrollTop);
  };

  return { scroller, scrollTop, viewport, start, end, scrollToRow, onScroll: (e: UIEvent<HTMLElement>) => setScrollTop(e.currentTarget.scrollTop) };
}
