// The performance targets `npm run bench` checks, and the history it keeps. Pure functions over
// the figures one run produced, so they are unit-tested (bench-targets.test.ts). Timings vary
// ±30 % between runs on a 2-core machine: where a bare floor page was measured in the same run,
// the target is a ratio to it.

const ms = (n) => `${Math.round(n)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
const ratio = (a, b) => a / b;

/**
 * Each target: what it measures, the figure it reads, the limit and how it is shown.
 * `value` returns NaN when the run did not measure it (then the target says "not measured").
 */
export const TARGETS = [
  { id: 'cold-paste', label: 'Cold first paste → payload shown + next frame, × floor', limit: 10, value: (r) => ratio(r.coldPaste.app, r.coldPaste.floor), show: (r) => `${ms(r.coldPaste.app)} vs floor ${ms(r.coldPaste.floor)}` },
  { id: 'warm-paste', label: 'Warm paste → payload shown + next frame, × floor', limit: 3, value: (r) => ratio(r.warmPaste.app, r.warmPaste.floor), show: (r) => `${ms(r.warmPaste.app)} vs floor ${ms(r.warmPaste.floor)}` },
  { id: 'first-paint', label: 'First contentful paint, × bare page', limit: 1.25, value: (r) => ratio(r.firstPaint.app, r.firstPaint.bare), show: (r) => `${ms(r.firstPaint.app)} vs bare ${ms(r.firstPaint.bare)}` },
  { id: 'bytes-before-paint', label: 'Bytes before first paint (gzip, KB)', limit: 80, value: (r) => r.bytes.beforePaint / 1024, show: (r) => kb(r.bytes.beforePaint) },
  { id: 'bytes-until-idle', label: 'Bytes until idle (gzip, KB)', limit: 160, value: (r) => r.bytes.untilIdle / 1024, show: (r) => `${kb(r.bytes.untilIdle)} in ${r.bytes.requests} requests` },
  { id: 'requests-until-idle', label: 'Requests until idle', limit: 8, value: (r) => r.bytes.requests, show: (r) => String(r.bytes.requests) },
  { id: 'paste-500k', label: '500 KB token pasted cold → payload shown (ms)', limit: 300, value: (r) => r.big.paste500k, show: (r) => ms(r.big.paste500k) },
  { id: 'link-500k', label: '500 KB token from #token= → payload shown after navigation (ms)', limit: 1000, value: (r) => r.big.link500k, show: (r) => ms(r.big.link500k) },
  { id: 'paste-200k-frame', label: '200 KB token pasted cold → next frame (ms)', limit: 250, value: (r) => r.big.frame200k, show: (r) => ms(r.big.frame200k) },
  { id: 'paste-10m-task', label: '10 MB paste, longest main-thread task (ms)', limit: 100, value: (r) => r.big.longestTask10m, show: (r) => ms(r.big.longestTask10m) },
  { id: 'audit-time', label: 'Audit of 10,000 Secrets → summary complete (ms)', limit: 2000, value: (r) => r.audit.medianMs, show: (r) => ms(r.audit.medianMs) },
  { id: 'audit-memory', label: 'Audit of 10,000 Secrets, renderer peak above baseline (MB)', limit: 125, value: (r) => (r.audit.rendererPeakBytes - r.audit.rendererBeforeBytes) / 1048576, show: (r) => `${mb(r.audit.rendererPeakBytes - r.audit.rendererBeforeBytes)} above ${mb(r.audit.rendererBeforeBytes)}` },
];

const safely = (f, r, fallback) => {
  try {
    const v = f(r);
    return v ?? fallback;
  } catch {
    return fallback;
  }
};

/** One row per target: { id, label, figure, shown, limit, verdict: 'PASS' | 'FAIL' | 'not measured' }. */
export function checkTargets(results) {
  return TARGETS.map((t) => {
    const figure = safely(t.value, results, NaN);
    const measured = typeof figure === 'number' && Number.isFinite(figure);
    return {
      id: t.id,
      label: t.label,
      figure: measured ? Number(figure.toFixed(2)) : null,
      shown: measured ? safely(t.show, results, '') : 'not measured',
      limit: t.limit,
      verdict: measured ? (figure <= t.limit ? 'PASS' : 'FAIL') : 'not measured',
    };
  });
}

/** The line appended to bench/history.jsonl: when, where, which commit, and each target's figure. */
export function historyLine({ date, machine, commit, rows }) {
  return JSON.stringify({ date, machine, commit, figures: Object.fromEntries(rows.map((r) => [r.id, r.figure])) });
}

/** Reads bench/history.jsonl text (bad lines are skipped, never fatal). */
export function readHistory(text) {
  const entries = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line);
      if (entry && typeof entry === 'object' && entry.figures) entries.push(entry);
    } catch {
      // A hand-edited or truncated line: skip it.
    }
  }
  return entries;
}

/** A Markdown table of the last `last` runs (newest last), one column per target, ✗ where over. */
export function historyTable(entries, last = 10) {
  const shown = entries.slice(-last);
  const head = ['Date', 'Commit', ...TARGETS.map((t) => `${t.id} (≤ ${t.limit})`)];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const e of shown) {
    const cells = TARGETS.map((t) => {
      const v = e.figures[t.id];
      if (typeof v !== 'number') return '–';
      return v <= t.limit ? String(v) : `${v} ✗`;
    });
    lines.push(`| ${String(e.date).slice(0, 10)} | ${String(e.commit ?? '').slice(0, 7)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Replaces the text between the two markers in `doc` (README) with `block`; unchanged if absent. */
export function replaceBetweenMarkers(doc, block, start = '<!-- bench-history:start -->', end = '<!-- bench-history:end -->') {
  const a = doc.indexOf(start);
  const b = doc.indexOf(end, a + start.length);
  if (a < 0 || b < 0) return doc;
  return `${doc.slice(0, a + start.length)}\n${block}\n${doc.slice(b)}`;
}
