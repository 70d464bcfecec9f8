// The audit part of `npm run bench` (issue 7): a generated 10,000-Secret list (about 40 MB of
// JSON) pasted into the #audit view, timed until `audit-summary` is complete, with the longest
// main-thread task, the JS heap, the renderer's memory and a scroll through the table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { generateSecretList } from './generate-secret-list.mjs';

/**
 * Resident memory (bytes) of the largest Chromium renderer started by this process: the page's,
 * which the audit worker runs inside too. (Summing processes would count shared pages twice.)
 */
function rendererRss() {
  const children = new Map();
  const cmdline = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      cmdline.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      // The process ended while being read.
    }
  }
  let largest = 0;
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      if (cmdline.get(child)?.includes('--type=renderer')) {
        try {
          largest = Math.max(largest, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'))?.[1] ?? 0) * 1024);
        } catch {
          // Gone.
        }
      }
      walk(child);
    }
  };
  walk(String(process.pid));
  return largest;
}

/** gzip and raw size of the first asset whose name starts with `prefix`. */
function assetSize(dist, prefix) {
  const name = readdirSync(join(dist, 'assets')).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  if (!name) return null;
  const body = readFileSync(join(dist, 'assets', name));
  return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

async function oneRun(browser, appUrl, text) {
  // No service worker, so the route below sees the page's request.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // The page fetches the list from its own origin, as the clipboard would hold it: no generator
  // garbage in the page, and 40 MB need not pass through page.evaluate.
  await page.route('**/__bench/secrets.json', (route) => route.fulfill({ body: text, contentType: 'application/json' }));
  await page.goto(`${appUrl}#audit`, { waitUntil: 'load' });
  await page.getByTestId('audit-input').waitFor();
  const bytes = await page.evaluate(async () => {
    const listText = await (await fetch('./__bench/secrets.json')).text();
    window.__clipboard = new DataTransfer();
    window.__clipboard.setData('text/plain', listText);
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
    return listText.length;
  });
  // Collect the fetch's garbage now, so it is not counted against the audit.
  await page.evaluate(() => window.gc?.());
  await page.waitForTimeout(500);
  const rssBefore = rendererRss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rendererRss())), 50);
  // A paste as the browser delivers it: a paste event carrying the text on the input.
  const timing = await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.__longest = 0;
        const area = document.querySelector('[data-testid="audit-input"]');
        const start = performance.now();
        const check = () => {
          const summary = document.querySelector('[data-testid="audit-summary"][data-complete="true"]');
          if (summary) resolve({ ms: performance.now() - start, total: Number(summary.getAttribute('data-total')) });
          else requestAnimationFrame(check);
        };
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: window.__clipboard, bubbles: true, cancelable: true }));
        // Once pasted, a browser lets go of the clipboard data too.
        window.__clipboard = null;
        requestAnimationFrame(check);
      }),
  );
  await page.waitForTimeout(300);
  clearInterval(sampler);
  const longest = await page.evaluate(() => window.__longest);
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? NaN);
  // Scroll the windowed table to its end, a screenful per frame; record the worst frame.
  const scroll = await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.__longest = 0;
        const table = document.querySelector('[data-testid="audit-table"]');
        let last = performance.now();
        let worst = 0;
        let frames = 0;
        const step = () => {
          const now = performance.now();
          worst = Math.max(worst, now - last);
          last = now;
          frames++;
          if (table.scrollTop + table.clientHeight >= table.scrollHeight - 1 || frames > 2000) {
            const lastRow = [...document.querySelectorAll('[data-testid="audit-row"]')].at(-1)?.getAttribute('data-row-index');
            resolve({ frames, worstFrame: worst, lastRow: Number(lastRow), longest: window.__longest });
            return;
          }
          table.scrollTop += table.clientHeight;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  await context.close();
  return { bytes, ...timing, longest, heap, rssBefore, rssPeak, scroll };
}

/** Measures the audit `runs` times on a fresh page each; returns results and table rows. */
export async function measureAudit({ appUrl, dist, runs = 3, count = 10000 }) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
  const text = generateSecretList({ count });
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await oneRun(browser, appUrl, text));
  await browser.close();
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)];
  const worst = (key) => Math.max(...results.map((r) => r[key]));
  const audit = {
    secrets: count,
    megabytes: median.bytes / 1e6,
    runs: results,
    medianMs: median.ms,
    worstMs: worst('ms'),
    longestTask: worst('longest'),
    heapBytes: worst('heap'),
    rendererPeakBytes: worst('rssPeak'),
    rendererBeforeBytes: Math.min(...results.map((r) => r.rssBefore)),
    scrollWorstFrame: Math.max(...results.map((r) => r.scroll.worstFrame)),
    scrollLongestTask: Math.max(...results.map((r) => r.scroll.longest)),
    scrollReachedLastRow: results.every((r) => r.scroll.lastRow === count - 1),
    chunks: { auditView: assetSize(dist, 'AuditView-'), worker: assetSize(dist, 'audit.worker-') },
  };
  const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
  const ms = (n) => `${n.toFixed(0)} ms`;
  const size = (s) => (s ? `${(s.gzip / 1024).toFixed(1)} KB gzip / ${(s.raw / 1024).toFixed(1)} KB raw` : 'not found');
  const rows = [
    [`Audit: paste ${count.toLocaleString('en')} Secrets (${audit.megabytes.toFixed(1)} MB) → summary complete (median of ${runs})`, `${ms(audit.medianMs)} (worst ${ms(audit.worstMs)}; rows ${results.map((r) => r.total).join(', ')})`],
    ['Audit: longest main-thread task during it', ms(audit.longestTask)],
    ['Audit: JS heap of the page afterwards', mb(audit.heapBytes)],
    ['Audit: renderer memory (page + worker, RSS), peak', `${mb(audit.rendererPeakBytes)} (before the paste, text in the clipboard: ${mb(audit.rendererBeforeBytes)})`],
    ['Audit: scroll to the last row', `${audit.scrollReachedLastRow ? 'reached' : 'NOT reached'}; worst frame ${ms(audit.scrollWorstFrame)}, longest task ${ms(audit.scrollLongestTask)}`],
    ['Audit chunk (AuditView), loaded on demand', size(audit.chunks.auditView)],
    ['Audit worker, loaded on demand', size(audit.chunks.worker)],
  ];
  return { audit, rows };
}
