import { expect, test, type Page } from '@playwright/test';
import { fixture, pinClock, FIXTURE_IAT } from './support/tokens';

test.setTimeout(90_000);

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

/** The element's top is inside the first viewport (no scrolling happened: a paste never scrolls). */
async function startsInFirstViewport(page: Page, testId: string, height: number) {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.y, `${testId} top`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${testId} top`).toBeLessThan(height);
}

for (const size of SIZES) {
  test(`the summary is in the first viewport right after a paste, ${size.name}, and nothing scrolls sideways`, async ({ page }) => {
    await pinClock(page, FIXTURE_IAT + 600);
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('./');
    for (const file of ['seed/v1.24-projected.jwt', 'tokens/legacy-secret.jwt']) {
      await page.getByTestId('token-input').fill(fixture(file));
      await expect(page.getByTestId('summary')).toBeVisible();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await startsInFirstViewport(page, 'summary', size.height);
      // The four states are inside the card, each said in words.
      for (const hook of ['token-kind', 'validity', 'signature-status', 'identity-username']) await expect(page.getByTestId('summary').getByTestId(hook)).toBeVisible();
      if (size.name === 'desktop') await startsInFirstViewport(page, 'header-json', size.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${file}: no horizontal scroll`).toBe(true);
    }
  });
}

test('a healthy token with no key is undecided, in neutral words, never refused', async ({ page }) => {
  await pinClock(page, FIXTURE_IAT + 600);
  await page.goto('./');
  await page.getByTestId('token-input').fill(fixture('tokens/pod-bound.jwt'));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-accepted', 'undecided');
  await expect(verdict).not.toContainText('refuse');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'no-key');
  await expect(page.getByTestId('signature-status')).toContainText("Not checked — add the cluster's public key");
  await expect(page.getByTestId('validity')).toContainText('Valid');
});

test('an expired token is refused whatever the key; the right key on a fresh token accepts it', async ({ page }) => {
  await pinClock(page, FIXTURE_IAT + 2 * 86400);
  await page.goto('./');
  await page.getByTestId('token-input').fill(fixture('tokens/pod-bound.jwt'));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.getByTestId('verdict')).toContainText('Refused');
  await expect(page.locator('[data-testid="verdict-reason"][data-code="expired"]')).toBeVisible();
  await page.getByTestId('key-input').fill(fixture('keys/cluster-jwks.json'));
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');

  await pinClock(page, FIXTURE_IAT + 600);
  await page.reload();
  await page.getByTestId('token-input').fill(fixture('tokens/pod-bound.jwt'));
  await page.getByTestId('key-input').fill(fixture('keys/cluster-jwks.json'));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(page.getByTestId('verdict')).toContainText('Accepted');
  await expect(page.getByTestId('signature-status')).toContainText('Verified');

  // Every hook is in the page once: nothing is repeated between the summary and the details.
  for (const hook of ['summary', 'verdict', 'token-kind', 'validity', 'signature-status', 'matched-kid', 'identity-username', 'identity-namespace', 'identity-serviceaccount', 'identity-pod', 'identity-node', 'header-json', 'payload-json', 'key-input']) {
    await expect(page.getByTestId(hook), hook).toHaveCount(1);
  }
  await expect(page.locator('[data-testid="claim-row"][data-claim="exp"]')).toHaveCount(1);
});

test('a collapsed section opens in one click and stays open for the next paste', async ({ page }) => {
  await pinClock(page, FIXTURE_IAT + 600);
  await page.goto('./');
  await page.getByTestId('token-input').fill(fixture('tokens/legacy-secret.jwt'));
  const migration = page.locator('#migration');
  await expect(migration).not.toHaveAttribute('open');
  await expect(page.getByTestId('migration-create-token')).toBeHidden();
  await page.getByText('Replace this legacy token').click();
  await expect(page.getByTestId('migration-create-token')).toBeVisible();
  await page.getByTestId('token-input').fill(fixture('seed/v1.24-explicit-secret.jwt'));
  await expect(page.getByTestId('migration-create-token')).toContainText('sa-token-demo');
  await expect(page.getByTestId('migration-create-token')).toBeVisible();
});
