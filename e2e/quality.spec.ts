import { expect, test } from '@playwright/test';
import { axeViolations } from './support/axe';
import { fixture, openWithInput, pinClock, FIXTURE_IAT } from './support/tokens';

test('no request leaves the origin while decoding every kind of input', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await openWithInput(page, fixture('seed/v1.24-projected.jwt'));
  await expect(page.getByTestId('payload-json')).toBeVisible();
  for (const text of [fixture('inputs/bearer-header.txt'), fixture('inputs/token-base64.txt'), fixture('tokens/legacy-secret.jwt'), 'not a token']) {
    await page.getByTestId('token-input').fill(text);
    await expect(page.getByTestId('input-kind')).toBeVisible();
  }
  await page.getByTestId('samples').selectOption('v1.20-legacy');
  await expect(page.getByTestId('payload-json')).toBeVisible();
  const origin = new URL(baseURL as string).origin;
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
});

test('a file can be opened with the picker or dropped anywhere on the page', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('token-file').setInputFiles({ name: 'token', mimeType: 'text/plain', buffer: Buffer.from(`${fixture('tokens/unbound-tokenrequest.jwt')}\n`) });
  await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'jwt');
  await expect(page.locator('[data-testid="claim-row"][data-claim="kubernetes.io.serviceaccount.name"]')).toContainText('sa-token-demo');

  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'bearer.txt', { type: 'text/plain' }));
    return dt;
  }, fixture('inputs/bearer-header.txt'));
  await page.locator('header').dispatchEvent('dragover', { dataTransfer });
  await page.locator('header').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'bearer');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe finds no violations (${colorScheme})`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await pinClock(page, FIXTURE_IAT + 600);
    });

    test('decoder: empty, decoded and verified, and with errors', async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto('./');
      expect(await axeViolations(page)).toEqual([]);
      await openWithInput(page, fixture('tokens/pod-bound-extended.jwt'));
      await expect(page.getByTestId('payload-json')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(colorScheme === 'dark');
      await page.getByTestId('key-input').fill(fixture('keys/cluster-jwks.json'));
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
      await page.getByTestId('share-open').click();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('token-input').fill('eyJhbGciOiJub25lIn0.eyJleHAiOiJ4In0');
      await expect(page.getByTestId('decode-error')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });

    test('compare and learn', async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto('./#compare');
      await page.getByTestId('compare-blog-pair').click();
      await expect(page.getByTestId('compare-row').first()).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.goto('./#learn');
      await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test('the theme toggle switches between system, dark and light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
  expect(await isDark()).toBe(false);
  await page.getByTestId('theme-toggle').click();
  expect(await isDark()).toBe(true);
  await page.getByTestId('theme-toggle').click();
  expect(await isDark()).toBe(false);
});

test('every view and flow that does not press "fetch" stays on the origin', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await pinClock(page, FIXTURE_IAT + 600);
  // Decoder: every input shape, a key, the share panel, the fetch panel opened but not pressed.
  await openWithInput(page, fixture('tokens/pod-bound.jwt'));
  for (const input of ['inputs/secret.yaml', 'inputs/secret.json', 'inputs/kubeconfig.yaml', 'inputs/tokenrequest-response.json', 'inputs/bearer-header.txt', 'inputs/token-base64.txt']) {
    await page.getByTestId('token-input').fill(fixture(input));
    await expect(page.getByTestId('token-kind')).toBeVisible();
  }
  await page.getByTestId('token-input').fill(fixture('tokens/pod-bound.jwt'));
  await page.getByTestId('key-input').fill(fixture('keys/cluster-jwks.json'));
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByText('Verification details').click();
  await page.getByText('Get keys online').click();
  await page.getByTestId('fetch-issuer-keys').click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('share-open').click();
  // Audit, with verification in the worker.
  await page.getByTestId('token-input').fill(fixture('inputs/secret-list.json'));
  await expect(page.getByTestId('audit-summary')).toHaveAttribute('data-total', '6');
  // Compare, Build (sign and round trip), Learn.
  await page.goto('./#compare');
  await page.getByTestId('compare-blog-pair').click();
  await expect(page.getByTestId('compare-row').first()).toBeVisible();
  await page.goto('./#build');
  await page.getByTestId('builder-template').selectOption('pod-bound');
  await page.getByTestId('builder-generate-key').click();
  await page.getByTestId('builder-sign').click();
  await expect(page.getByTestId('built-token')).toContainText('.');
  await page.goto('./#learn');
  await page.locator('[data-testid="learn-sample"]').first().click();
  await expect(page.getByTestId('token-kind')).toBeVisible();

  const origin = new URL(baseURL as string).origin;
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
});
