import { expect, test } from '@playwright/test';
import { fixture, openWithInput } from './support/tokens';

// The service worker would answer chunk requests from its cache, out of reach of page.route.
test.use({ serviceWorkers: 'block' });

test('the nav opens every view, marks the current one, and keeps the input across views', async ({ page }) => {
  await openWithInput(page, fixture('tokens/pod-bound.jwt'));
  await expect(page.getByTestId('token-kind')).toBeVisible();
  const views: [string, string, () => Promise<void>][] = [
    ['compare', '#compare', () => expect(page.getByTestId('compare-a')).toBeVisible()],
    ['audit', '#audit', () => expect(page.getByTestId('audit-view')).toBeVisible()],
    ['build', '#build', () => expect(page.getByTestId('builder-template')).toBeVisible()],
    ['trust', '#trust', () => expect(page.getByTestId('trust-input')).toBeVisible()],
    ['learn', '#learn', () => expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible()],
  ];
  for (const [id, hash, shown] of views) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page).toHaveURL(new RegExp(`${hash}$`));
    await shown();
    await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('nav a[aria-current="page"]')).toHaveCount(1);
  }
  await page.getByTestId('nav-decoder').click();
  await expect(page.getByTestId('token-kind')).toBeVisible();
  await expect(page.getByTestId('nav-decoder')).toHaveAttribute('aria-current', 'page');
});

test('a view whose code cannot be fetched shows a message with Reload, and the nav still works', async ({ page }) => {
  await page.route('**/assets/CompareRoute-*.js', (route) => route.abort('internetdisconnected'));
  await page.goto('./#compare');
  const error = page.getByTestId('app-error');
  await expect(error).toBeVisible();
  await expect(error.getByRole('heading')).toHaveText('This part of the app could not be loaded');
  await expect(page.getByTestId('app-error-detail')).toContainText('CompareRoute-');
  // A stack trace would name script lines ("CompareRoute-….js:1:20"); the message never does.
  await expect(error).not.toContainText(/\.js:\d+:\d+/);
  // The rest of the app is still there: the header, the nav, and another view.
  await page.getByTestId('nav-decoder').click();
  await expect(page.getByTestId('app-error')).toHaveCount(0);
  await expect(page.getByTestId('token-input')).toBeVisible();
  // Once the network is back, Reload brings the view.
  await page.getByTestId('nav-compare').click();
  await expect(page.getByTestId('app-error-reload')).toBeVisible();
  await page.unroute('**/assets/CompareRoute-*.js');
  await page.getByTestId('app-error-reload').click();
  await expect(page.getByTestId('compare-a')).toBeVisible();
  await expect(page.getByTestId('app-error')).toHaveCount(0);
});

test('a view that fails while rendering shows its message, never a blank page', async ({ page }) => {
  // The Learn page's chunk replaced by one whose component throws when it renders.
  await page.route('**/assets/LearnRoute-*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: "export default function LearnRoute() { throw new Error('A render error made by the test'); }" }),
  );
  await page.goto('./#learn');
  const error = page.getByTestId('app-error');
  await expect(error.getByRole('heading')).toHaveText('Something went wrong while showing this view');
  await expect(page.getByTestId('app-error-detail')).toHaveText('A render error made by the test');
  await expect(page.getByTestId('app-error-reload')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'SA Token Inspector' })).toBeVisible();
});

test('a result chunk that cannot be fetched shows the message in the results column, with the input still usable', async ({ page }) => {
  await page.route('**/assets/DecoderRouteResults-*.js', (route) => route.abort('internetdisconnected'));
  await openWithInput(page, fixture('tokens/pod-bound.jwt'));
  await expect(page.getByTestId('app-error')).toBeVisible();
  await expect(page.getByTestId('app-error').getByRole('heading')).toHaveText('This part of the app could not be loaded');
  await expect(page.getByTestId('app-error-reload')).toBeVisible();
  // The boundary is around the page: the input column beside the message still works.
  await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'jwt');
  await page.getByTestId('token-input').fill('not a token');
  await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'unknown');
  // A new input tries the column again: with no token there is nothing to load.
  await expect(page.getByTestId('app-error')).toHaveCount(0);
});
