import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fixture } from './support/tokens';

/** The single-file build to open from file:// (E2E_SINGLE_DIST lets a branch test its own). */
const single = new URL(`../${process.env.E2E_SINGLE_DIST ?? 'dist-single'}/index.html`, import.meta.url).pathname;

const podToken = fixture('tokens/pod-bound.jwt');

/** Records every `data-kind` the input badge takes, and whether the token's results ever unmount. */
async function recordKinds(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __kinds: string[]; __resultsGone: boolean };
    w.__kinds = [];
    w.__resultsGone = false;
    new MutationObserver(() => {
      const kind = document.querySelector('[data-testid="input-kind"]')?.getAttribute('data-kind') ?? 'none';
      if (w.__kinds.at(-1) !== kind) w.__kinds.push(kind);
      if (w.__kinds.length > 1 && !document.querySelector('[data-testid="token-kind"]')) w.__resultsGone = true;
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-kind'] });
  });
}

const recorded = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __kinds: string[]; __resultsGone: boolean };
    return { kinds: w.__kinds, resultsGone: w.__resultsGone };
  });

/** A kubeconfig of about 6 MB: its only user has a 3 MB name and the pod-bound fixture token. */
async function pasteHugeKubeconfig(page: Page): Promise<void> {
  await page.getByTestId('token-input').evaluate((area, token) => {
    const name = 'u'.repeat(3_000_000);
    const text = `apiVersion: v1\nkind: Config\ncurrent-context: ci\ncontexts:\n- name: ci\n  context:\n    cluster: c\n    user: ${name}\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:6443\nusers:\n- name: ${name}\n  user:\n    token: ${token}\n`;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, podToken);
}

test.describe('while a document is read', () => {
  // A service worker would serve the chunks from its cache, past the routes below.
  test.use({ serviceWorkers: 'block' });

  test('the badge says "Reading…" until the readers load, never "not recognised", and the results stay', async ({ page }) => {
    let release!: () => void;
    const readersHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/documentReaders-*.js', async (route) => {
      await readersHeld;
      await route.continue();
    });
    await recordKinds(page);
    await page.goto(`./#token=${encodeURIComponent(podToken)}`);
    await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');
    await page.evaluate(() => {
      const w = window as unknown as { __kinds: string[]; __resultsGone: boolean };
      w.__kinds = ['jwt'];
      w.__resultsGone = false;
    });

    await page.getByTestId('token-input').fill(fixture('inputs/secret.yaml'));
    await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'pending');
    await expect(page.getByTestId('input-kind')).toContainText('Reading…');
    await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');

    release();
    await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'secret');
    await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'legacy');
    expect(await recorded(page)).toEqual({ kinds: ['jwt', 'pending', 'secret'], resultsGone: false });
  });

  test('a 6 MB kubeconfig is read in the document worker, and its 3 MB user name is cut short', async ({ page }) => {
    test.setTimeout(90_000);
    await recordKinds(page);
    await page.goto('./');
    await pasteHugeKubeconfig(page);
    await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'kubeconfig', { timeout: 60_000 });
    await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');
    expect((await recorded(page)).kinds).toEqual(['none', 'pending', 'kubeconfig']);
    expect(page.workers().map((w) => w.url()).some((url) => url.includes('document.worker'))).toBe(true);
    const option = await page.getByTestId('source-choice').locator('option').first().textContent();
    expect(option?.length).toBeLessThan(300);
    expect(option).toMatch(/^u+… — context ci \(current\)$/);
  });

  test('when the worker cannot start, the same kubeconfig is read on the main thread', async ({ page }) => {
    test.setTimeout(90_000);
    await page.route('**/document.worker-*.js', (route) => route.abort());
    await page.goto('./');
    await pasteHugeKubeconfig(page);
    await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'kubeconfig', { timeout: 60_000 });
    await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');
    expect(page.workers()).toEqual([]);
  });
});

test('the single file reads a large document in a worker from file://, offline', async ({ page, context }) => {
  test.setTimeout(90_000);
  expect(existsSync(single), `build it first: npx vite build --mode single${process.env.E2E_SINGLE_DIST ? ` --outDir ${process.env.E2E_SINGLE_DIST}` : ''}`).toBe(true);
  await context.setOffline(true);
  await page.goto(`file://${single}`);
  await pasteHugeKubeconfig(page);
  await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'kubeconfig', { timeout: 60_000 });
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');
  expect(page.workers().map((w) => w.url().slice(0, 5))).toEqual(['blob:']);
});

