// The performance budget for the first screen, checked on the built files (issue: static hosting
// and performance budget). What index.html loads before the page is interactive — the entry
// script, its preloads, the stylesheet, the manifest and the icon — is summed, gzip-compressed as
// a static host would serve it.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET = { totalGzipBytes: 100 * 1024, cssGzipBytes: 15 * 1024, requests: 5 };

const ATTR = /\b(src|href)="([^"]+)"/;

/** Lists what index.html makes the browser fetch on first load, with raw and gzip sizes. */
export function measureFirstLoad(distDir) {
  const html = readFileSync(join(distDir, 'index.html'));
  const files = [{ path: 'index.html', kind: 'html', raw: html.length, gzip: gzipSync(html).length }];
  const tags = String(html).match(/<(script|link)\b[^>]*>/g) ?? [];
  for (const tag of tags) {
    const url = ATTR.exec(tag)?.[2];
    if (!url || /^(data:|https?:|\/\/)/.test(url)) continue;
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    if (tag.startsWith('<link') && !/stylesheet|modulepreload|manifest|icon/.test(rel)) continue;
    const path = url.replace(/^\.\//, '').replace(/^\//, '');
    const full = join(distDir, path);
    try {
      if (!statSync(full).isFile()) continue;
    } catch {
      continue;
    }
    const body = readFileSync(full);
    const kind = path.endsWith('.css') ? 'css' : /\.m?js$/.test(path) ? 'js' : 'other';
    files.push({ path, kind, raw: body.length, gzip: gzipSync(body).length });
  }
  const sum = (k, f = () => true) => files.filter(f).reduce((a, x) => a + x[k], 0);
  return {
    files,
    requests: files.length,
    totalGzip: sum('gzip'),
    totalRaw: sum('raw'),
    cssGzip: sum('gzip', (f) => f.kind === 'css'),
    jsGzip: sum('gzip', (f) => f.kind === 'js'),
  };
}

/** Every way the measure exceeds the budget, as sentences (empty when within budget). */
export function budgetProblems(measure, budget = BUDGET) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const problems = [];
  if (measure.totalGzip > budget.totalGzipBytes) problems.push(`first load is ${kb(measure.totalGzip)} gzip; the budget is ${kb(budget.totalGzipBytes)}`);
  if (measure.cssGzip > budget.cssGzipBytes) problems.push(`CSS is ${kb(measure.cssGzip)} gzip; the budget is ${kb(budget.cssGzipBytes)}`);
  if (measure.requests > budget.requests) problems.push(`first load makes ${measure.requests} requests; the budget is ${budget.requests}`);
  return problems;
}
