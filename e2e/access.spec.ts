import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import { generateRbacDump } from '../scripts/generate-rbac-dump.mjs';
import { axeViolations } from './support/axe';
import { fixture, pinClock, FIXTURE_IAT } from './support/tokens';

/** The bootstrap roles plus a team's namespaced roles, pasted as two YAML documents. */
const dump = `${fixture('rbac/default-roles.yaml')}\n---\n${fixture('rbac/team-dump.yaml')}\n`;
/** A pod-bound token of service account default/sa-token-demo, valid for an hour from iat. */
const token = fixture('tokens/pod-bound.jwt');

/** The single-file build to open from file:// (E2E_SINGLE_DIST lets a branch test its own). */
const single = new URL(`../${process.env.E2E_SINGLE_DIST ?? 'dist-single'}/index.html`, import.meta.url).pathname;

async function openAccess(page: Page, seconds = FIXTURE_IAT + 600): Promise<void> {
  await pinClock(page, seconds);
  await page.goto('./#access');
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('access-input').fill(dump);
}

test("the token's service account: its permissions with their bindings, one allowed and one denied question, dangers, and a what-if subject", async ({ page }) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await openAccess(page);

  const subject = page.getByTestId('access-subject');
  await expect(subject).toHaveAttribute('data-origin', 'token');
  await expect(subject).toContainText('system:serviceaccount:default:sa-token-demo');
  await expect(subject).toContainText('system:serviceaccounts:default');
  // 401 before 403: no key was given, so whether the cluster signed it is open.
  await expect(page.getByTestId('access-authentication')).toHaveAttribute('data-state', 'undecided');

  // Rows per (verb, resource, namespace), each naming the binding and role in the authorizer's words.
  const podLogs = page.locator('[data-testid="access-row"][data-verb="get"][data-resource="pods/log"][data-namespace="default"]');
  await expect(podLogs).toHaveCount(1);
  await expect(podLogs).toContainText('RoleBinding "demo-edit/default" of ClusterRole "edit" to ServiceAccount "sa-token-demo/default"');
  const config = page.locator('[data-testid="access-row"][data-verb="get"][data-resource="configmaps"][data-namespace="shop"]');
  await expect(config).toContainText('only named web-config');
  await expect(page.locator('[data-testid="access-row"][data-namespace="kube-system"]')).toHaveCount(0);
  // Cluster-wide rows (the default discovery roles) have an empty namespace.
  await expect(page.locator('[data-testid="access-row"][data-namespace=""][data-resource="/version"]').first()).toBeVisible();

  // A binding whose Role is not in the paste is reported in the authorizer's words, not skipped.
  await expect(page.getByTestId('access-view')).toContainText('RoleBinding "demo-secrets" in namespace "payments" grants nothing here: role.rbac.authorization.k8s.io "secret-reader" not found');

  // Filter: the shop namespace (with cluster-wide rows), searched by role name.
  await page.getByTestId('access-filter-namespace').selectOption('shop');
  await page.getByTestId('access-search').fill('config-reader');
  const rows = page.getByTestId('access-row');
  await expect(rows.first()).toBeVisible();
  expect(new Set(await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-namespace')} ${e.getAttribute('data-resource')}`)))).toEqual(new Set(['shop configmaps']));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('access-export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^permissions-system_serviceaccount_default_sa-token-demo\.csv$/);

  // Danger: edit reads Secrets in default; the finding names the binding.
  const secrets = page.locator('[data-testid="access-finding"][data-code="secrets-read"][data-namespace="default"]');
  await expect(secrets).toHaveAttribute('data-severity', 'warning');
  await expect(secrets).toContainText('RoleBinding "demo-edit/default" of ClusterRole "edit"');

  // One question, allowed: the authorizer's reason names the binding.
  await page.getByTestId('access-query-verb').fill('get');
  await page.getByTestId('access-query-resource').fill('pods/log');
  await page.getByTestId('access-query-namespace').fill('default');
  const answer = page.getByTestId('access-answer');
  await expect(answer).toHaveAttribute('data-allowed', 'true');
  await expect(answer).toContainText('RBAC: allowed by RoleBinding "demo-edit/default" of ClusterRole "edit"');
  await expect(page.getByTestId('access-who-can')).toContainText('ServiceAccount "default/sa-token-demo"');

  // Denied: another ConfigMap than the one the Role names; the near miss says why.
  await page.getByTestId('access-query-resource').fill('configmaps');
  await page.getByTestId('access-query-namespace').fill('shop');
  await page.getByTestId('access-query-name').fill('db-config');
  await expect(answer).toHaveAttribute('data-allowed', 'false');
  await expect(page.getByTestId('access-near-miss').first()).toContainText('demo-config');
  await expect(page.getByTestId('access-near-miss').first()).toContainText('"web-config"');

  // A non-resource URL instead of a resource.
  await page.getByTestId('access-query-resource').fill('');
  await page.getByTestId('access-query-name').fill('');
  await page.getByTestId('access-query-url').fill('/version');
  await expect(answer).toHaveAttribute('data-allowed', 'true');

  // What if: a user bound to cluster-admin.
  await page.getByTestId('access-subject-input').fill('alice@example.com');
  await expect(subject).toHaveAttribute('data-origin', 'what-if');
  await expect(subject).toContainText('user "alice@example.com"');
  await expect(page.locator('[data-testid="access-finding"][data-code="wildcard-all"]')).toHaveAttribute('data-severity', 'danger');
  await expect(page.locator('[data-testid="access-row"][data-verb="*"][data-resource="*.*"][data-namespace=""]')).toContainText('ClusterRoleBinding "ops-admin" of ClusterRole "cluster-admin"');

  expect(requests.every((u) => new URL(u).hostname === '127.0.0.1')).toBe(true);
});

test('an expired token is refused before RBAC is asked (401 before 403); no axe violations', async ({ page }) => {
  test.setTimeout(120_000);
  await openAccess(page, FIXTURE_IAT + 5 * 3600);
  const gate = page.getByTestId('access-authentication');
  await expect(gate).toHaveAttribute('data-state', 'refused');
  await expect(gate).toContainText('401');
  await expect(gate.locator('[data-code="expired"]')).toBeVisible();
  await expect(page.getByTestId('access-row').first()).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page)).toEqual([]);
  }
});

test('a dump of 10,000 objects as YAML is read off the main thread, with progress, then answers', async ({ page }) => {
  test.setTimeout(120_000);
  // As kubectl prints it: no YAML anchors, even where the generator reuses an object.
  const yaml = stringify(generateRbacDump({ count: 10_000 }), { aliasDuplicateObjects: false });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await pinClock(page, FIXTURE_IAT + 600);
  await page.goto('./#access');
  await page.getByTestId('access-subject-input').fill('team-007/app');
  // Noted as soon as it appears: a fast machine may show it only briefly.
  await page.evaluate(() => {
    const w = window as unknown as { __sawProgress: boolean };
    w.__sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="access-progress"]')) w.__sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByTestId('access-input').evaluate((area, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, yaml);
  await expect(page.getByTestId('access-summary')).toHaveAttribute('data-bindings', '5994', { timeout: 90_000 });
  await expect(page.getByTestId('access-summary')).toHaveAttribute('data-roles', '4006');
  expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
  expect(workers.some((url) => url.includes('rbac.worker'))).toBe(true);
  const row = page.locator('[data-testid="access-row"][data-verb="get"][data-resource="secrets"][data-namespace="team-007"]');
  await expect(row).toContainText('only named team-007-db, team-007-tls');
  await expect(row).toContainText('RoleBinding "secret-reader/team-007" of Role "secret-reader"');
  await page.getByTestId('access-query-resource').fill('secrets');
  await page.getByTestId('access-query-namespace').fill('team-007');
  await page.getByTestId('access-query-name').fill('team-007-db');
  await expect(page.getByTestId('access-answer')).toHaveAttribute('data-allowed', 'true');
});

test('the single-file build answers from file:// in a worker, offline', async ({ page, context }) => {
  expect(existsSync(single), 'build it first: npx vite build --mode single').toBe(true);
  await context.setOffline(true);
  await page.goto(`file://${single}#access`);
  await page.getByTestId('access-subject-input').fill('ci/builder');
  await page.getByTestId('access-input').fill(dump);
  await expect(page.locator('[data-testid="access-finding"][data-code="serviceaccount-token-create"][data-namespace=""]')).toContainText('ClusterRoleBinding "ci-token-minter"');
  expect(page.workers().map((w) => w.url().slice(0, 5))).toContain('blob:');
});
