#!/usr/bin/env node
// `npm run bench`: builds the app, serves dist/ with gzip like a static host, and measures it in
// headless Chromium. Prints a table and writes bench-results/latest.json.
//   --no-build   measure the existing dist/
//   --runs N     repetitions for the warm-paste medians (default 41)
//   --quick      fewer repetitions and no audit (a check while working, not a figure to quote)
//   --no-history do not append to bench/history.jsonl
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { serveStatic } from './static-server.mjs';
import { measureAudit } from './bench-audit.mjs';
import { checkTargets, historyLine, historyTable, readHistory, replaceBetweenMarkers } from './bench-targets.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runs = Number(args[args.indexOf('--runs') + 1]) || (quick ? 9 : 41);
if (!args.includes('--no-build')) {
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;

const b64url = (s) => Buffer.from(s).toString('base64url');
const SEED_HEADER = '{"alg":"RS256","kid":"wMU4GOsuqPnFjPar7NaZZTEmNlc2I_W75faEDbLB7dI"}';
const seedPayload = (i) =>
  JSON.stringify({
    aud: ['https://kubernetes.default.svc.cluster.local'],
    exp: 1692445741,
    iat: 1660909741,
    iss: 'https://kubernetes.default.svc.cluster.local',
    'kubernetes.io': { namespace: 'default', pod: { name: `busybox-${i}`, uid: 'd822ba5f-4290-4bca-94ce-f3bc0dca2e36' }, serviceaccount: { name: 'default', uid: '8208ff56-0a67-47bb-8175-a198423dacf8' }, warnafter: 1660913348 },
    nbf: 1660909741,
    sub: 'system:serviceaccount:default:default',
  });
const SIG = b64url(Buffer.alloc(256, 7));
const seedToken = (i) => `${b64url(SEED_HEADER)}.${b64url(seedPayload(i))}.${SIG}`;
// About 200 KB of payload per 1000 claims (`claims` 2500 ≈ 500 KB).
const bigToken = (i, count = 1000) => {
  const claims = { sub: `big-${i}`, iat: 1768469400, exp: 1768473007 };
  for (let k = 0; k < count; k++) claims[`claim_${k}`] = `${k}:`.padEnd(190, 'v');
  return `${b64url(SEED_HEADER)}.${b64url(JSON.stringify(claims))}.${SIG}`;
};

// --dist <folder> measures another build folder (with --no-build), e.g. one built for a branch.
const dist = join(process.cwd(), args.includes('--dist') ? args[args.indexOf('--dist') + 1] : 'dist');
const app = await serveStatic(dist);
const bareDir = mkdtempSync(join(tmpdir(), 'bare-'));
writeFileSync(join(bareDir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body><h1>SA Token Inspector</h1><p>Static baseline page.</p></body></html>');
const bare = await serveStatic(bareDir);
// The floor: the least a page can do to show a pasted token's payload (a few lines of script).
const floorDir = mkdtempSync(join(tmpdir(), 'floor-'));
writeFileSync(
  join(floorDir, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body>
<textarea data-testid="token-input"></textarea><pre data-testid="payload-json"></pre>
<script>
const area = document.querySelector('textarea');
area.addEventListener('input', () => {
  const part = area.value.trim().split('.')[1] ?? '';
  try {
    const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    document.querySelector('pre').textContent = JSON.stringify(JSON.parse(new TextDecoder().decode(bytes)), null, 2);
  } catch (e) { document.querySelector('pre').textContent = String(e); }
});
</script></body></html>`,
);
const floor = await serveStatic(floorDir);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

async function firstLoad(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // When the app's input box appears: the page is usable.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="token-input"]')) {
        window.__inputReady = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  // Until idle: the results prefetch and anything else the page asks for after load.
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(800);
  const inputReady = await page.evaluate(() => window.__inputReady ?? NaN);
  // Resource Timing gives the gzip (encoded) and raw (decoded) size of everything the page fetched.
  const { fcp, loadEnd, entries } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const all = [nav, ...performance.getEntriesByType('resource')].map((e) => ({
      url: e.name,
      start: e.startTime,
      end: e.responseEnd,
      transfer: e.encodedBodySize,
      raw: e.decodedBodySize,
      kind: e.entryType === 'navigation' ? 'html' : /\.css(\?|$)/.test(e.name) ? 'css' : /\.m?js(\?|$)/.test(e.name) ? 'js' : 'other',
    }));
    return { fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN, loadEnd: nav.loadEventEnd, entries: all };
  });
  await context.close();
  return { fcp, inputReady, responses: entries.map((r) => ({ ...r, beforePaint: r.end <= fcp, phase: r.start <= loadEnd ? 'load' : 'idle-prefetch' })) };
}

// First paint and first-load bytes.
const appLoads = [];
const bareFcps = [];
// Interleaved app/bare pairs, so a busy moment of the machine hits both alike.
for (let i = 0; i < 15; i++) {
  appLoads.push(await firstLoad(app.url));
  bareFcps.push((await firstLoad(bare.url)).fcp);
}
const load = appLoads[0].responses;
const byType = {};
for (const r of load.filter((x) => x.phase === 'load')) {
  byType[r.kind] ??= { raw: 0, transfer: 0, requests: 0 };
  byType[r.kind].raw += r.raw;
  byType[r.kind].transfer += r.transfer;
  byType[r.kind].requests += 1;
}
const total = Object.values(byType).reduce((a, b) => ({ raw: a.raw + b.raw, transfer: a.transfer + b.transfer, requests: a.requests + b.requests }), { raw: 0, transfer: 0, requests: 0 });
const prefetch = load.filter((x) => x.phase === 'idle-prefetch');
const bytesOf = (list) => list.reduce((a, r) => a + r.transfer, 0);
const bytes = {
  beforePaint: median(appLoads.map((l) => bytesOf(l.responses.filter((r) => r.beforePaint)))),
  untilIdle: median(appLoads.map((l) => bytesOf(l.responses))),
  requests: median(appLoads.map((l) => l.responses.length)),
};

// Paste-to-decoded: set the textarea as a paste does and time until the payload is in the DOM, then
// the next frame. `marker` is text only this paste's payload holds.
const pasteInto = (target, token, marker) =>
  target.evaluate(
    ([text, mark]) =>
      new Promise((resolve) => {
        const area = document.querySelector('[data-testid="token-input"]');
        const done = () => document.querySelector('[data-testid="payload-json"]')?.textContent?.includes(mark);
        const start = performance.now();
        let summary = NaN;
        const observer = new MutationObserver(() => {
          if (Number.isNaN(summary) && document.querySelector('[data-testid="summary"]')) summary = performance.now() - start;
          if (!done()) return;
          observer.disconnect();
          const decoded = performance.now() - start;
          requestAnimationFrame(() => setTimeout(() => resolve({ decoded, summary, frame: performance.now() - start }), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(area, text);
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    [token, marker],
  );
const watchLongTasks = (target) =>
  target.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });

// Cold: a fresh page, pasted as soon as the `load` event has fired (as from a bookmark).
async function coldPaste(url, token, marker) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="token-input"]', { timeout: 10_000 });
  const result = await pasteInto(page, token, marker);
  await context.close();
  return result;
}
const cold = { app: [], floor: [], frame200k: [], paste500k: [] };
for (let i = 0; i < 5; i++) {
  cold.app.push((await coldPaste(app.url, seedToken(2000 + i), `busybox-${2000 + i}`)).frame);
  cold.floor.push((await coldPaste(floor.url, seedToken(3000 + i), `busybox-${3000 + i}`)).frame);
  cold.frame200k.push((await coldPaste(app.url, bigToken(i), `big-${i}`)).frame);
  cold.paste500k.push((await coldPaste(app.url, bigToken(500 + i, 2500), `big-${500 + i}`)).decoded);
}

// A 500 KB token opened from a #token= link: navigation start to the payload shown.
async function linkOpen(token, marker) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((mark) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="payload-json"]')?.textContent?.includes(mark)) {
        window.__shown = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, marker);
  await page.goto(`${app.url}#token=${encodeURIComponent(token)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 30_000 }).catch(() => {});
  const shown = await page.evaluate(() => window.__shown ?? NaN);
  await context.close();
  return shown;
}
const link500k = [];
for (let i = 0; i < 5; i++) link500k.push(await linkOpen(bigToken(700 + i, 2500), `big-${700 + i}`));

// Warm: the same page, pasted again and again (app and floor).
async function warmPastes(url, count, offset) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(800);
  await watchLongTasks(page);
  const out = [];
  for (let i = 0; i < count + 2; i++) out.push(await pasteInto(page, seedToken(offset + i), `busybox-${offset + i}`));
  return { page, context, results: out.slice(2) };
}
const floorWarm = await warmPastes(floor.url, runs, 5000);
await floorWarm.context.close();
const warm = await warmPastes(app.url, runs, 0);
const { page, context } = warm;
const seed = warm.results;
const longestSeed = await page.evaluate(() => window.__longest);
const big = [];
for (let i = 0; i < 5; i++) {
  await pasteInto(page, seedToken(1000 + i), `busybox-${1000 + i}`);
  await page.evaluate(() => (window.__longest = 0));
  big.push({ ...(await pasteInto(page, bigToken(i), `big-${i}`)), longest: await page.evaluate(() => window.__longest) });
}
// 10 MB pasted: whatever the app shows for it, no main-thread task may block the page for long.
// Delivered as the browser delivers a paste (a paste event carrying the text), as bench-audit does.
await page.evaluate((size) => {
  const data = new DataTransfer();
  data.setData('text/plain', `${'a'.repeat(size)}.b.c`);
  window.__longest = 0;
  const area = document.querySelector('[data-testid="token-input"]');
  area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}, 10 * 1024 * 1024);
await page.waitForTimeout(3000);
const longest10m = await page.evaluate(() => window.__longest);
const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? NaN);
await context.close();
await browser.close();
// Audit (issue 7): a 10,000-Secret list in its own browser (with gc() exposed), same server.
const audit = quick ? { audit: undefined, rows: [] } : await measureAudit({ appUrl: app.url, dist, runs: 3 });
await app.close();
await bare.close();
await floor.close();

const results = {
  date: new Date().toISOString(),
  firstLoad: { byType, total, prefetch: prefetch.map((r) => ({ url: r.url.replace(app.url, ''), transfer: r.transfer })) },
  firstPaint: { app: median(appLoads.map((l) => l.fcp)), bare: median(bareFcps) },
  inputReady: median(appLoads.map((l) => l.inputReady)),
  pasteSeed: { medianDecoded: median(seed.map((s) => s.decoded)), medianFrame: median(seed.map((s) => s.frame)), max: Math.max(...seed.map((s) => s.frame)) },
  paste200k: { medianDecoded: median(big.map((s) => s.decoded)), medianFrame: median(big.map((s) => s.frame)), longestTask: Math.max(...big.map((s) => s.longest)) },
  longestTaskSeed: longestSeed,
  coldPaste: { app: median(cold.app), floor: median(cold.floor) }, // to the next frame
  warmPaste: { app: median(seed.map((x) => x.frame)), floor: median(floorWarm.results.map((x) => x.frame)) },
  bytes,
  big: { paste500k: median(cold.paste500k), link500k: median(link500k), frame200k: median(cold.frame200k), longestTask10m: longest10m },
  heapBytes: heap,
  audit: audit.audit,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ['First load, total (until load)', `${kb(total.transfer)} gzip / ${kb(total.raw)} raw, ${total.requests} requests`],
  ...Object.entries(byType).map(([t, v]) => [`  ${t}`, `${kb(v.transfer)} gzip / ${kb(v.raw)} raw, ${v.requests} requests`]),
  ['Prefetched when idle (results view)', prefetch.length ? `${kb(prefetch.reduce((a, r) => a + r.transfer, 0))} gzip, ${prefetch.length} requests` : 'none'],
  ['First contentful paint (median of 15)', `${ms(results.firstPaint.app)} (bare static page: ${ms(results.firstPaint.bare)}; ratio ${(results.firstPaint.app / results.firstPaint.bare).toFixed(2)})`],
  ['Input box ready (median of 15)', ms(results.inputReady)],
  [`Paste → decoded, seed token (median of ${runs})`, `${ms(results.pasteSeed.medianDecoded)} (next frame ${ms(results.pasteSeed.medianFrame)}, worst ${ms(results.pasteSeed.max)})`],
  ['Paste → decoded, 200 KB payload (median of 5)', `${ms(results.paste200k.medianDecoded)} (next frame ${ms(results.paste200k.medianFrame)})`],
  ['Longest main-thread task, 200 KB paste', ms(results.paste200k.longestTask)],
  ['Longest main-thread task, seed pastes (after load)', ms(longestSeed)],
  ['JS heap after the runs', kb(heap)],
  ...audit.rows,
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${'Measure'.padEnd(width)} | Result\n${'-'.repeat(width)}-|-${'-'.repeat(40)}`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)} | ${v}`);

// Targets (issue 17), each PASS/FAIL, and the history: one line per run in bench/history.jsonl
// (committed on purpose), shown as a table in README between the bench-history markers.
const targets = checkTargets(results);
const tw = Math.max(...targets.map((t) => t.label.length));
console.log(`\n${'Target'.padEnd(tw)} | Limit | Figure | Verdict\n${'-'.repeat(tw)}-|-------|--------|--------`);
for (const t of targets) console.log(`${t.label.padEnd(tw)} | ${t.limit} | ${t.figure ?? '–'} (${t.shown}) | ${t.verdict}`);
console.log(`${targets.filter((t) => t.verdict === 'PASS').length} of ${targets.length} targets pass`);
if (!quick && !args.includes('--no-history')) {
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  mkdirSync('bench', { recursive: true });
  appendFileSync('bench/history.jsonl', `${historyLine({ date: results.date, machine, commit, rows: targets })}\n`);
  const table = historyTable(readHistory(readFileSync('bench/history.jsonl', 'utf8')));
  writeFileSync('README.md', replaceBetweenMarkers(readFileSync('README.md', 'utf8'), table));
  console.log('Appended to bench/history.jsonl; README history table updated.');
}
