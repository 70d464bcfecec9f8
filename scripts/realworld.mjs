#!/usr/bin/env node
// `npm run realworld [-- <cases folder>] [--filter <text>]`: drives the built app (dist/) in
// headless Chromium through the test contract with a folder of real-world cases (tokens, keys and
// inputs from other projects' public test data, kept outside this repository; by default
// ../shared/realworld/cases) and prints every mismatch. It is a check to run by hand, not part of
// `npm test`: the cases are not ours to copy.
//
// A case is JSON: { id, token, token_b?, key?: { type, text }, clock?, expect: {...}, debatable? }.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { serveStatic } from './static-server.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const folder = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--filter') ?? '../shared/realworld/cases');
const filter = option('--filter');
if (!existsSync(folder)) {
  console.error(`No cases at ${folder}. Pass the folder of case files as the first argument.`);
  process.exit(2);
}
if (!existsSync('dist/index.html')) {
  console.error('No build in dist/: run `npx vite build` first.');
  process.exit(2);
}

const DEFAULT_CLOCK = '2026-01-15T09:30:00Z';
const cases = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')))
  .filter((c) => !filter || c.id.includes(filter));

const server = await serveStatic('dist');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

/** Waits until the app shows a final answer for the token box (results, an error or a kind). */
async function settle(page) {
  await page.waitForFunction(
    () => {
      const kind = document.querySelector('[data-testid="input-kind"]')?.getAttribute('data-kind');
      if (!kind || kind === 'pending') return false;
      const sig = document.querySelector('[data-testid="signature-status"]')?.getAttribute('data-state');
      const results = document.querySelector('[data-testid="payload-json"], [data-testid="decode-error"]');
      return !results || sig !== undefined;
    },
    null,
    { timeout: 15_000 },
  );
  // Verification is asynchronous (WebCrypto): give it a moment to leave any transient state.
  await page.waitForTimeout(400);
}

const attr = (page, testId, name) => page.getByTestId(testId).first().getAttribute(name, { timeout: 2_000 }).catch(() => null);
const text = (page, testId) => page.getByTestId(testId).first().textContent({ timeout: 2_000 }).catch(() => null);

async function check(page, c) {
  const e = c.expect ?? {};
  const problems = [];
  const want = (label, actual, expected) => {
    const ok = Array.isArray(expected) ? expected.includes(actual) : actual === expected;
    if (!ok) problems.push(`${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };

  await page.clock.setFixedTime(new Date(c.clock ?? DEFAULT_CLOCK));
  if (e.compare) {
    await page.goto(`${server.url}#compare`);
    await page.getByTestId('compare-a').fill(c.token);
    await page.getByTestId('compare-b').fill(c.token_b);
    await page.getByTestId('compare-row').first().waitFor({ timeout: 10_000 }).catch(() => {});
    for (const [claim, change] of Object.entries(e.compare)) {
      const row = page.locator(`[data-testid="compare-row"][data-claim="${claim}"]`);
      want(`compare ${claim}`, await row.getAttribute('data-change', { timeout: 2_000 }).catch(() => null), change);
    }
    return problems;
  }

  await page.goto(server.url);
  await page.getByTestId('token-input').fill(c.token);
  if (c.key) {
    const hmac = page.getByTestId('key-is-hmac');
    if (c.key.type === 'secret' && (await hmac.count())) await hmac.check();
    await page.getByTestId('key-input').fill(c.key.text);
  }
  await settle(page).catch(() => problems.push('the page never settled'));

  if (e.input_kind) want('input-kind', await attr(page, 'input-kind', 'data-kind'), e.input_kind);
  if (e.input_kind_or_error) {
    const kind = await attr(page, 'input-kind', 'data-kind');
    const error = await page.getByTestId('decode-error').count();
    if (!e.input_kind_or_error.includes(kind) && !error) problems.push(`input-kind: expected ${JSON.stringify(e.input_kind_or_error)} or a decode error, got ${kind}`);
  }
  if (e.decode_error) want('decode-error segment', await attr(page, 'decode-error', 'data-segment'), e.decode_error);
  if (e.kind) want('token-kind', await attr(page, 'token-kind', 'data-kind'), e.kind);
  if (e.extended !== undefined) want('extended', await attr(page, 'token-kind', 'data-extended'), String(e.extended));
  if (e.validity) want('validity', await attr(page, 'validity', 'data-state'), e.validity);
  if (e.signature) want('signature-status', await attr(page, 'signature-status', 'data-state'), e.signature);
  if (e.matched_kid) want('matched-kid', (await text(page, 'matched-kid'))?.trim() ?? null, e.matched_kid);
  if (e.claims) {
    let payload = null;
    try {
      payload = JSON.parse((await text(page, 'payload-json')) ?? 'null');
    } catch {
      problems.push('payload-json does not parse');
    }
    for (const [name, value] of Object.entries(e.claims)) {
      if (payload && JSON.stringify(payload[name]) !== JSON.stringify(value)) problems.push(`claim ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(payload[name])}`);
    }
  }
  for (const [name, iso] of Object.entries(e.times ?? {})) {
    const datetime = await page
      .locator(`[data-testid="claim-row"][data-claim="${name}"] time`)
      .first()
      .getAttribute('datetime', { timeout: 2_000 })
      .catch(() => null);
    if (datetime === null || new Date(datetime).getTime() !== new Date(iso).getTime()) problems.push(`time ${name}: expected ${iso}, got ${datetime}`);
  }
  for (const [field, value] of Object.entries(e.identity ?? {})) {
    if (field === 'groups') {
      const groups = await page.getByTestId('identity-group').allTextContents();
      for (const g of value) if (!groups.some((t) => t.includes(g))) problems.push(`identity group ${g} missing (have ${JSON.stringify(groups)})`);
      continue;
    }
    const actual = await text(page, `identity-${field}`);
    if (actual === null || !actual.includes(value)) problems.push(`identity-${field}: expected to contain ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`);
  }
  if (e.findings_include) {
    const codes = await page.getByTestId('finding').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
    for (const code of e.findings_include) if (!codes.includes(code)) problems.push(`finding ${code} missing (have ${codes.join(', ')})`);
  }
  return problems;
}

let passed = 0;
const failures = [];
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
for (const c of cases) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  let problems;
  try {
    problems = await check(page, c);
  } catch (err) {
    problems = [`runner error: ${err.message.split('\n')[0]}`];
  }
  problems.push(...errors.map((err) => `page error: ${err}`));
  await page.close();
  if (problems.length === 0) passed++;
  else failures.push({ id: c.id, debatable: c.debatable, problems });
}
await browser.close();
await server.close();

for (const f of failures) {
  console.log(`✗ ${f.id}${f.debatable ? ' [debatable]' : ''}`);
  for (const p of f.problems) console.log(`    ${p}`);
}
const debatable = failures.filter((f) => f.debatable).length;
console.log(`\nreal-world cases: ${passed} of ${cases.length} as expected; ${failures.length} mismatched (${debatable} debatable)`);
process.exit(failures.length - debatable > 0 ? 1 : 0);
