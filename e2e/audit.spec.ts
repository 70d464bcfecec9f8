import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import { generateSecretList } from '../scripts/generate-secret-list.mjs';
import { axeViolations } from './support/axe';
import { fixture, pinClock, FIXTURE_IAT } from './support/tokens';

const list = fixture('inputs/secret-list.json');
/** The single-file build to open from file:// (E2E_SINGLE_DIST lets a branch test its own). */
const single = new URL(`../${process.env.E2E_SINGLE_DIST ?? 'dist-single'}/index.html`, import.meta.url).pathname;

/** Pastes text the way a browser delivers a paste (a paste event carrying it) into the input. */
async function pasteGenerated(page: Page, count: number): Promise<void> {
  // Generated inside the page: 20 MB through page.evaluate would take longer.
  await page.evaluate(`window.__list = (${generateSecretList.toString()})({ count: ${count} })`);
  await page.getByTestId('audit-input').evaluate((area) => {
    const data = new DataTransfer();
    data.setData('text/plain', (window as unknown as { __list: string }).__list);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
}

test('a pasted secret list is audited: 6 legacy rows, labels shown, the Opaque Secret only counted, nothing leaves the page', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await pinClock(page, FIXTURE_IAT + 600);
  await page.goto('./');
  await page.getByTestId('token-input').fill(list);
  // A list pasted in the decoder leads to the audit, carried over into the audit's own box.
  await expect(page).toHaveURL(/#audit$/);
  await expect(page.getByTestId('audit-input')).toHaveValue(list);
  await expect(page.getByTestId('audit-progress')).toBeVisible();
  const summary = page.getByTestId('audit-summary');
  await expect(summary).toHaveAttribute('data-total', '6');
  await expect(summary).toHaveAttribute('data-complete', 'true');
  await expect(page.getByTestId('audit-progress')).toHaveAttribute('data-phase', 'done');
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(6);
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(Array(6).fill('legacy'));
  await expect(rows.nth(2)).toContainText('builder-2-token');
  await expect(rows.nth(2)).toContainText('2025-09-01');
  await expect(rows.nth(2)).toContainText('2026-01-02');
  await expect(summary).toContainText('legacy-token-invalidated 1');
  await expect(page.getByTestId('audit-other-secrets')).toHaveAttribute('data-total', '1');
  await expect(page.getByTestId('audit-view')).not.toContainText('db-password');
  await expect(page.getByTestId('audit-view')).not.toContainText('aHVudGVyMg');

  // Filter, then the clean-up plan for what is selected.
  await page.getByTestId('audit-search').fill('builder-1');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('audit-search').fill('');
  await page.getByTestId('audit-filter-finding').selectOption('legacy-token-invalidated');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('audit-filter-finding').selectOption('');
  await page.getByTestId('audit-select-legacy').click();
  await expect(page.getByTestId('audit-plan-delete')).toContainText('kubectl delete secret -n default -- builder-0-token');
  await expect(page.getByTestId('audit-plan-create-token')).toContainText('kubectl create token -n default --duration=1h -- builder-5');
  await expect(page.getByTestId('audit-plan-timeline')).toHaveCount(6);
  await expect(page.locator('[data-testid="audit-plan-timeline"][data-verdict="labelled"]')).toContainText('builder-2-token');

  // CSV export: a download made in the page, with the rows and no token.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
  expect(download.suggestedFilename()).toBe('sa-token-audit-2026-01-15.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^"namespace","secret","service_account","kind",/);
  expect(csv).toContain('"default","builder-2-token","builder-2","legacy",');
  expect(csv).not.toMatch(/eyJ|ZXlK/);

  // Every token verified in the worker against the keys in the key input.
  await page.getByTestId('key-input').fill(fixture('keys/cluster-jwks.json'));
  await page.getByTestId('audit-verify').check();
  await expect(page.getByTestId('audit-verify-status')).toHaveAttribute('data-finished', 'true');
  await expect(summary).toContainText('verified 6');

  const origin = new URL(baseURL as string).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
});

test('5,000 generated Secrets: all analysed, and the windowed table scrolls and keys to the last row', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('./#audit');
  await pasteGenerated(page, 5000);
  await expect(page.getByTestId('large-input')).toBeVisible();
  const summary = page.getByTestId('audit-summary');
  await expect(summary).toHaveAttribute('data-complete', 'true', { timeout: 60_000 });
  await expect(summary).toHaveAttribute('data-total', '5000');
  const rows = page.getByTestId('audit-row');
  // Windowed: only the rows in view (and a few more) are in the page.
  expect(await rows.count()).toBeLessThan(60);

  const table = page.getByTestId('audit-table');
  await table.scrollIntoViewIfNeeded();
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = page.locator('[data-testid="audit-row"][data-row-index="4999"]');
  await expect(last).toBeInViewport();
  await expect(last).toContainText('app-4999-token-');

  // Keyboard: Home and End move between the first and the last row.
  await last.getByTestId('audit-row-select').focus();
  await page.keyboard.press('Home');
  await expect(page.locator('[data-testid="audit-row"][data-row-index="0"] [data-testid="audit-row-select"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-testid="audit-row"][data-row-index="1"] [data-testid="audit-row-select"]')).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid="audit-row"][data-row-index="4999"] [data-testid="audit-row-select"]')).toBeFocused();

  // Sorted by Secret name, descending; numbers in names compare as numbers, so app-4999 comes first.
  await page.getByTestId('audit-sort-secret').click();
  await page.getByTestId('audit-sort-secret').click();
  await table.evaluate((el) => (el.scrollTop = 0));
  await expect(page.locator('[data-testid="audit-row"][data-row-index="0"]')).toContainText('app-4999-token-');
});

test('a YAML list (read by the worker) and tokens one per line are audited too', async ({ page }) => {
  await pinClock(page, FIXTURE_IAT + 600);
  await page.goto('./#audit');
  await page.getByTestId('audit-input').fill(stringify(JSON.parse(list)));
  await expect(page.getByTestId('audit-summary')).toHaveAttribute('data-total', '6');
  await expect(page.getByTestId('audit-summary')).toHaveAttribute('data-complete', 'true');
  await page.goto('./');
  await page.getByTestId('token-input').fill([fixture('tokens/pod-bound.jwt'), fixture('tokens/node-bound.jwt'), fixture('inputs/token-base64.txt')].join('\n'));
  await expect(page).toHaveURL(/#audit$/);
  await expect(page.getByTestId('audit-summary')).toHaveAttribute('data-total', '3');
  expect(await page.getByTestId('audit-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['pod-bound', 'node-bound', 'legacy']);
});

test('arriving from a decoded token, the audit box is empty and nothing is in error', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('token-input').fill(fixture('tokens/pod-bound.jwt'));
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByTestId('audit-input')).toHaveValue('');
  await expect(page.getByTestId('audit-error')).toHaveCount(0);
});

test('a Secret named --all in the list gets a warning in the clean-up plan, never `kubectl delete secret --all`', async ({ page }) => {
  await pinClock(page, FIXTURE_IAT + 600);
  const hostile = JSON.parse(list) as { items: { metadata: { name: string; namespace: string } }[] };
  (hostile.items[0] as { metadata: { name: string } }).metadata.name = '--all';
  (hostile.items[1] as { metadata: { namespace: string } }).metadata.namespace = '-A';
  await page.goto('./#audit');
  await page.getByTestId('audit-input').fill(JSON.stringify(hostile));
  await expect(page.getByTestId('audit-summary')).toHaveAttribute('data-complete', 'true');
  await page.getByTestId('audit-select-legacy').click();
  const warnings = page.getByTestId('audit-plan-warning');
  await expect(warnings).toHaveCount(2);
  await expect(warnings.first()).toContainText('default/--all: The Secret name "--all" is not a valid Kubernetes name');
  await expect(warnings.first()).toContainText('No command is generated for it');
  await expect(warnings.nth(1)).toContainText('The namespace "-A" is not a valid Kubernetes name');
  const deletes = page.getByTestId('audit-plan-delete');
  await expect(deletes).toContainText('kubectl delete secret -n default -- builder-2-token');
  await expect(deletes).not.toContainText('--all');
  await expect(page.getByTestId('audit-plan-delete-copy')).toHaveText('Copy (POSIX shell)');
  await expect(page.getByRole('button', { name: 'Copy (POSIX shell): kubectl delete secret commands' })).toBeVisible();

  // The downloaded script: every kubectl line ends options with "--" before the name; --all only in comments.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .sh' }).click()]);
  const script = readFileSync(await download.path(), 'utf8');
  const commands = script.split('\n').filter((l) => l.startsWith('kubectl '));
  expect(commands.length).toBeGreaterThan(0);
  expect(commands.every((c) => / -- [a-z0-9.-]+$/.test(c))).toBe(true);
  expect(commands.join('\n')).not.toMatch(/--all|-A\b/);
  expect(script).toContain('# - default/--all: The Secret name "--all" is not a valid Kubernetes name');
});

test.describe('without a worker', () => {
  // A service worker would serve the worker script from its cache, past the route below.
  test.use({ serviceWorkers: 'block' });
  test('when the worker cannot start, the same audit runs on the main thread', async ({ page }) => {
    await page.route('**/audit.worker-*.js', (route) => route.abort());
    await page.goto('./#audit');
    await page.getByTestId('audit-input').fill(list);
    await expect(page.getByTestId('audit-summary')).toHaveAttribute('data-complete', 'true');
    await expect(page.getByTestId('audit-summary')).toHaveAttribute('data-total', '6');
    expect(page.workers()).toEqual([]);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the audit view (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await pinClock(page, FIXTURE_IAT + 600);
    await page.goto('./#audit');
    await page.getByTestId('audit-input').fill(list);
    await expect(page.getByTestId('audit-summary')).toHaveAttribute('data-complete', 'true');
    await page.getByTestId('audit-select-legacy').click();
    await page.getByTestId('audit-row').first().getByRole('button').click();
    await expect(page.getByTestId('audit-details')).toBeVisible();
    await expect(page.getByTestId('audit-plan')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the single-file build audits from file:// in a worker, offline', async ({ page, context }) => {
  expect(existsSync(single), `build it first: npx vite build --mode single${process.env.E2E_SINGLE_DIST ? ` --outDir ${process.env.E2E_SINGLE_DIST}` : ''}`).toBe(true);
  await context.setOffline(true);
  await page.goto(`file://${single}#token=${encodeURIComponent(list)}`);
  await expect(page.getByTestId('audit-summary')).toHaveAttribute('data-total', '6');
  expect(page.workers().map((w) => w.url().slice(0, 5))).toEqual(['blob:']);
});
