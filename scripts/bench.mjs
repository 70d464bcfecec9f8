#!/usr/bin/env node
// `npm run bench`: builds the app, serves dist/ with gzip like a static host, and measures it in
// headless Chromium. Prints a table and writes bench-results/latest.json.
//   --no-build   measure the existing dist/
//   --runs N     repetitions for the timing medians (default 21)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { serveStatic } from './static-server.mjs';
import { measureAudit } from './bench-audit.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 41;
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
const bigToken = (i) => {
  const claims = { sub: `big-${i}`, iat: 1768469400, exp: 1768473007 };
  for (let k = 0; k < 1000; k++) claims[`claim_${k}`] = `${k}:`.padEnd(190, 'v');
  return `${b64url(SEED_HEADER)}.${b64url(JSON.stringify(claims))}.${SIG}`;
};

// --dist <folder> measures another build folder (with --no-build), e.g. one built for a branch.
const dist = join(process.cwd(), args.includes('--dist') ? args[args.indexOf('--dist') + 1] : 'dist');
const app = await serveStatic(dist);
const bareDir = mkdtempSync(join(tmpdir(), 'bare-'));
writeFileSync(join(bareDir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body><h1>SA Token Inspector</h1><p>Static baseline page.</p></body></html>');
const bare = await serveStatic(bareDir);
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
  await page.waitForTimeout(800);
  const inputReady = await page.evaluate(() => window.__inputReady ?? NaN);
  // Resource Timing gives the gzip (encoded) and raw (decoded) size of everything the page fetched.
  const { fcp, loadEnd, entries } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const all = [nav, ...performance.getEntriesByType('resource')].map((e) => ({
      url: e.name,
      start: e.startTime,
      transfer: e.encodedBodySize,
      raw: e.decodedBodySize,
      kind: e.entryType === 'navigation' ? 'html' : /\.css(\?|$)/.test(e.name) ? 'css' : /\.m?js(\?|$)/.test(e.name) ? 'js' : 'other',
    }));
    return { fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN, loadEnd: nav.loadEventEnd, entries: all };
  });
  await context.close();
  return { fcp, inputReady, responses: entries.map((r) => ({ ...r, phase: r.start <= loadEnd ? 'load' : 'idle-prefetch' })) };
}

// First paint and first-load bytes.
const appLoads = [];
const bareFcps = [];
for (let i = 0; i < 7; i++) {
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

// Paste-to-decoded: set the textarea as a paste does and time until the payload is in the DOM, then the next frame.
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(app.url, { waitUntil: 'load' });
await page.waitForTimeout(800);
await page.evaluate(() => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask' });
});
const paste = (token, marker) =>
  page.evaluate(
    ([text, mark]) =>
      new Promise((resolve) => {
        const area = document.querySelector('[data-testid="token-input"]');
        const done = () => document.querySelector('[data-testid="payload-json"]')?.textContent?.includes(mark);
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          const decoded = performance.now() - start;
          requestAnimationFrame(() => setTimeout(() => resolve({ decoded, frame: performance.now() - start }), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(area, text);
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    [token, marker],
  );
const seed = [];
for (let i = 0; i < runs + 2; i++) seed.push(await paste(seedToken(i), `busybox-${i}`));
seed.splice(0, 2); // warm-up
const longestSeed = await page.evaluate(() => window.__longest);
const big = [];
for (let i = 0; i < 5; i++) {
  await paste(seedToken(1000 + i), `busybox-${1000 + i}`);
  await page.evaluate(() => (window.__longest = 0));
  big.push({ ...(await paste(bigToken(i), `big-${i}`)), longest: await page.evaluate(() => window.__longest) });
}
const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? NaN);
await context.close();
await browser.close();
// Audit (issue 7): a 10,000-Secret list in its own browser (with gc() exposed), same server.
const audit = await measureAudit({ appUrl: app.url, dist, runs: 3 });
await app.close();
await bare.close();

const results = {
  date: new Date().toISOString(),
  firstLoad: { byType, total, prefetch: prefetch.map((r) => ({ url: r.url.replace(app.url, ''), transfer: r.transfer })) },
  firstPaint: { app: median(appLoads.map((l) => l.fcp)), bare: median(bareFcps) },
  inputReady: median(appLoads.map((l) => l.inputReady)),
  pasteSeed: { medianDecoded: median(seed.map((s) => s.decoded)), medianFrame: median(seed.map((s) => s.frame)), max: Math.max(...seed.map((s) => s.frame)) },
  paste200k: { medianDecoded: median(big.map((s) => s.decoded)), medianFrame: median(big.map((s) => s.frame)), longestTask: Math.max(...big.map((s) => s.longest)) },
  longestTaskSeed: longestSeed,
  heapBytes: heap,
  audit: audit.audit,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ['First load, total (until load)', `${kb(total.transfer)} gzip / ${kb(total.raw)} raw, ${total.requests} requests`],
  ...Object.entries(byType).map(([t, v]) => [`  ${t}`, `${kb(v.transfer)} gzip / ${kb(v.raw)} raw, ${v.requests} requests`]),
  ['Prefetched when idle (results view)', prefetch.length ? `${kb(prefetch.reduce((a, r) => a + r.transfer, 0))} gzip, ${prefetch.length} requests` : 'none'],
  ['First contentful paint (median of 7)', `${ms(results.firstPaint.app)} (bare static page: ${ms(results.firstPaint.bare)}; ratio ${(results.firstPaint.app / results.firstPaint.bare).toFixed(2)})`],
  ['Input box ready (median of 7)', ms(results.inputReady)],
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
