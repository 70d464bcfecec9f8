import { expect, test, type Page } from '@playwright/test';
import { fixture } from './support/tokens';

// A #token= link fills the input once and then leaves the address bar and the history; a later
// one never replaces what the user has without asking.

const mine = fixture('tokens/legacy-secret.jwt');
const theirs = fixture('tokens/pod-bound.jwt');
const link = (token: string) => `#token=${encodeURIComponent(token)}`;

/** Sets the fragment as a link or another page would, which fires hashchange. */
async function sendHash(page: Page, fragment: string): Promise<void> {
  await page.evaluate((f) => {
    window.location.hash = f;
  }, fragment);
}

test('a #token= at load fills the input and is removed from the address bar, keeping the route', async ({ page, baseURL }) => {
  await page.goto(`./${link(mine)}`);
  await expect(page.getByTestId('token-input')).toHaveValue(mine);
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'legacy');
  await expect(page).toHaveURL(baseURL as string);

  await page.goto('about:blank');
  await page.goto(`./#compare&token=${encodeURIComponent(theirs)}`);
  await expect(page.getByTestId('compare-a')).toBeVisible();
  await expect(page).toHaveURL(`${baseURL}#compare`);
  await page.getByTestId('nav-decoder').click();
  await expect(page.getByTestId('token-input')).toHaveValue(theirs);
  // No history entry holds the token: back through the views reaches the blank page, and coming
  // forward again opens the app with an empty input.
  await page.goBack();
  await expect(page).toHaveURL(`${baseURL}#compare`);
  await page.goBack();
  await expect(page).toHaveURL('about:blank');
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(`${baseURL}#`);
  await expect(page.getByTestId('token-input')).toHaveValue('');
});

test('a later #token= fills an empty input directly and leaves no trace in the URL', async ({ page, baseURL }) => {
  await page.goto('./');
  await sendHash(page, link(theirs));
  await expect(page.getByTestId('token-input')).toHaveValue(theirs);
  await expect(page.getByTestId('hash-token-offer')).toHaveCount(0);
  await expect(page).toHaveURL(baseURL as string);
  await page.goBack();
  expect(page.url()).not.toContain('token=');
});

test('a later #token= over other text is an in-page offer: Keep leaves the input, Replace takes the link', async ({ page, baseURL }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('./');
  await page.getByTestId('token-input').fill(mine);
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'legacy');

  await sendHash(page, link(theirs));
  const offer = page.getByTestId('hash-token-offer');
  await expect(offer).toBeVisible();
  await expect(page).toHaveURL(baseURL as string);
  await offer.getByRole('button', { name: 'Keep' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId('token-input')).toHaveValue(mine);
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'legacy');

  await sendHash(page, link(theirs));
  await expect(page).toHaveURL(baseURL as string);
  await offer.getByRole('button', { name: 'Replace' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId('token-input')).toHaveValue(theirs);
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');
  expect(dialogs).toEqual([]);
});

test('a page on another site that opened the tab cannot silently replace the input', async ({ page, context, baseURL }) => {
  // The opener is a page on another origin, served by Playwright, not the network.
  await context.route('http://opener.test/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Opener</title><p>Another site</p>' }));
  await page.goto('http://opener.test/');
  const popupOpened = page.waitForEvent('popup');
  await page.evaluate((url) => {
    (window as unknown as { app: Window | null }).app = window.open(url);
  }, baseURL as string);
  const app = await popupOpened;
  const dialogs: string[] = [];
  app.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await app.getByTestId('token-input').fill(mine);
  await expect(app.getByTestId('token-kind')).toHaveAttribute('data-kind', 'legacy');

  // The opener sets the tab's location to a link with another token, as it is allowed to.
  await page.evaluate((url) => {
    const app = (window as unknown as { app: Window }).app;
    app.location.href = url;
  }, `${baseURL}${link(theirs)}`);
  await expect(app.getByTestId('hash-token-offer')).toBeVisible();
  await expect(app.getByTestId('token-input')).toHaveValue(mine);
  await expect(app.getByTestId('token-kind')).toHaveAttribute('data-kind', 'legacy');
  await expect(app).toHaveURL(baseURL as string);
  expect(dialogs).toEqual([]);
});
