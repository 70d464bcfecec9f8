import { describe, expect, it } from 'vitest';
import { checkTargets, historyLine, historyTable, readHistory, replaceBetweenMarkers } from './bench-targets.mjs';

const run = {
  coldPaste: { app: 60, floor: 5 },
  warmPaste: { app: 20, floor: 5 },
  firstPaint: { app: 200, bare: 180 },
  bytes: { beforePaint: 70 * 1024, untilIdle: 170 * 1024, requests: 9 },
  big: { paste500k: 250, link500k: 900, frame200k: 240, longestTask10m: 90 },
  audit: { medianMs: 1800, rendererPeakBytes: 300 * 1048576, rendererBeforeBytes: 200 * 1048576 },
};

describe('bench targets', () => {
  it('checks ratios to the floor and absolute limits', () => {
    const rows = Object.fromEntries(checkTargets(run).map((r) => [r.id, r]));
    expect(rows['cold-paste']).toMatchObject({ figure: 12, verdict: 'FAIL' });
    expect(rows['warm-paste']).toMatchObject({ figure: 4, verdict: 'FAIL' });
    expect(rows['first-paint']?.verdict).toBe('PASS');
    expect(rows['bytes-before-paint']?.verdict).toBe('PASS');
    expect(rows['bytes-until-idle']?.verdict).toBe('FAIL');
    expect(rows['requests-until-idle']?.verdict).toBe('FAIL');
    expect(rows['audit-memory']).toMatchObject({ figure: 100, verdict: 'PASS' });
  });

  it('says "not measured" for a figure the run did not produce, instead of passing it', () => {
    const rows = checkTargets({ ...run, big: {}, audit: undefined });
    expect(rows.find((r) => r.id === 'paste-500k')?.verdict).toBe('not measured');
    expect(rows.find((r) => r.id === 'audit-time')?.verdict).toBe('not measured');
  });

  it('keeps a history that survives a broken line and shows overruns', () => {
    const rows = checkTargets(run);
    const text = `${historyLine({ date: '2026-12-01T10:00:00Z', machine: 'x', commit: 'abcdef123', rows })}\nnot json\n`;
    const entries = readHistory(text);
    expect(entries).toHaveLength(1);
    const table = historyTable(entries);
    expect(table).toContain('| 2026-12-01 | abcdef1 |');
    expect(table).toContain('12 ✗');
  });

  it('rewrites only the block between the markers', () => {
    const doc = 'a\n<!-- bench-history:start -->\nold\n<!-- bench-history:end -->\nb';
    expect(replaceBetweenMarkers(doc, 'new')).toBe('a\n<!-- bench-history:start -->\nnew\n<!-- bench-history:end -->\nb');
    expect(replaceBetweenMarkers('no markers', 'new')).toBe('no markers');
  });
});
