import { describe, expect, it } from 'vitest';
import { HEADER_HEIGHT, isRowKey, ROW_HEIGHT, rowAfterKey, scrollTopToShow, windowFor } from './rowWindow';

describe('windowFor', () => {
  it('renders the rows in view and the overscan around them, never past either end', () => {
    // At the top, a box of 10 rows' height shows rows 0–9 (the header takes one row's height).
    expect(windowFor(0, 10 * ROW_HEIGHT, 10_000, 0)).toEqual({ start: 0, end: 10 });
    expect(windowFor(0, 10 * ROW_HEIGHT, 10_000, 6)).toEqual({ start: 0, end: 16 });
    // Scrolled to row 100: rows 100–109 are in view.
    const top = HEADER_HEIGHT + 100 * ROW_HEIGHT;
    expect(windowFor(top, 10 * ROW_HEIGHT, 10_000, 6)).toEqual({ start: 94, end: 117 });
    // Near the end, and a table shorter than the box.
    expect(windowFor(HEADER_HEIGHT + 9_995 * ROW_HEIGHT, 10 * ROW_HEIGHT, 10_000, 6).end).toBe(10_000);
    expect(windowFor(0, 10 * ROW_HEIGHT, 3, 6)).toEqual({ start: 0, end: 3 });
  });
});

describe('scrollTopToShow', () => {
  const viewport = 10 * ROW_HEIGHT;
  it('leaves the scroll alone when the row is already whole in view', () => {
    expect(scrollTopToShow(3, 0, viewport)).toBe(0);
  });
  it('scrolls up so a row above sits right under the sticky header', () => {
    expect(scrollTopToShow(5, 50 * ROW_HEIGHT, viewport)).toBe(5 * ROW_HEIGHT);
  });
  it('scrolls down just enough to show a row below whole', () => {
    const shown = scrollTopToShow(40, 0, viewport);
    expect(HEADER_HEIGHT + 40 * ROW_HEIGHT + ROW_HEIGHT).toBe(shown + viewport);
    expect(windowFor(shown, viewport, 1000, 0).end).toBeGreaterThan(40);
  });
});

describe('rowAfterKey', () => {
  const viewport = 10 * ROW_HEIGHT;
  it('moves one row, one page (less one row) or to either end', () => {
    expect(rowAfterKey('ArrowDown', 4, 100, viewport)).toBe(5);
    expect(rowAfterKey('ArrowUp', 4, 100, viewport)).toBe(3);
    expect(rowAfterKey('PageDown', 4, 100, viewport)).toBe(13);
    expect(rowAfterKey('PageUp', 20, 100, viewport)).toBe(11);
    expect(rowAfterKey('Home', 50, 100, viewport)).toBe(0);
    expect(rowAfterKey('End', 0, 100, viewport)).toBe(99);
  });
  it('stays inside the table, and says -1 when there is no row', () => {
    expect(rowAfterKey('ArrowUp', 0, 100, viewport)).toBe(0);
    expect(rowAfterKey('PageDown', 95, 100, viewport)).toBe(99);
    expect(rowAfterKey('ArrowDown', 99, 100, viewport)).toBe(99);
    expect(rowAfterKey('End', 0, 0, viewport)).toBe(-1);
    // A box shorter than two rows still pages by one.
    expect(rowAfterKey('PageDown', 0, 100, ROW_HEIGHT)).toBe(1);
  });
  it('knows which keys are its own', () => {
    expect(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].every(isRowKey)).toBe(true);
    expect(isRowKey('Tab')).toBe(false);
    expect(isRowKey('ArrowLeft')).toBe(false);
  });
});
