import { expect, test, type Page } from '@playwright/test';
import { fixture, openWithInput, pinClock, FIXTURE_IAT } from './support/tokens';

/** Everything the page could have stored: web storage, IndexedDB, cookies and the Cache API. */
async function storedEverywhere(page: Page): Promise<string> {
  const dump = await page.evaluate(async () => {
    const parts: string[] = [];
    for (const store of [localStorage, sessionStorage]) for (let i = 0; i < store.length; i++) parts.push(`${store.key(i)}=${store.getItem(store.key(i) as string)}`);
    parts.push(`cookie=${document.cookie}`);
    const dbs = (await indexedDB.databases?.()) ?? [];
    parts.push(`indexeddb=${dbs.map((d) => d.name).join(',')}`);
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        parts.push(`cache ${request.url} ${response ? (await response.text()).length : 0}`);
        if (response && /\.(json|txt)$|token/.test(request.url)) parts.push(await response.clone().text());
      }
    }
    return parts.join('\n');
  });
  const cookies = await page.context().cookies();
  return `${dump}\n${JSON.stringify(cookies)}`;
}

test('after a full session nothing secret is stored anywhere, unless keys are remembered by choice', async ({ page }) => {
  await pinClock(page, FIXTURE_IAT + 600);
  const token = fixture('tokens/pod-bound.jwt');
  await openWithInput(page, token);
  await page.evaluate(async () => navigator.serviceWorker?.ready);
  await page.getByTestId('key-input').fill(fixture('keys/sa-rsa.key.pem'));
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByTestId('token-input').fill(fixture('tokens/hs256-generic.jwt'));
  await page.getByTestId('key-input').fill(fixture('keys/hmac-secret.txt'));
  await page.getByTestId('key-is-hmac').check();
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByTestId('token-input').fill(fixture('inputs/kubeconfig.yaml'));
  await page.goto('./#compare');
  await page.getByTestId('compare-a').fill(token);
  await page.goto('./#learn');

  const stored = await storedEverywhere(page);
  for (const secret of [token.split('.')[1] as string, token.split('.')[2] as string, 'MII', 'PRIVATE', fixture('keys/hmac-secret.txt'), 'sa-token-demo']) {
    expect(stored).not.toContain(secret);
  }

  // Opt in: only public keys are kept, and the HMAC secret or private parts never are.
  await page.goto('./');
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-input').fill(`${fixture('keys/sa-rsa.key.pem')}\n${fixture('keys/sa-ec.key.pem')}`);
  await page.getByTestId('remember-keys').check();
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  const remembered = JSON.parse((await page.evaluate(() => localStorage.getItem('sa-token-inspector:public-keys'))) ?? 'null');
  expect(remembered.keys.map((k: { kid: string }) => k.kid)).toEqual(['c0eSayKH-WrWn6IO3oCrVQS-cz6tQBw3_OxIET0Y_VQ', 'IsfKdZRDAKoTXC6bDBanu2u2W1Cc4tD2BRn-sti0LjM']);
  expect(JSON.stringify(remembered)).not.toMatch(/"(d|p|q|dp|dq|qi|k)"/);
  await page.reload();
  await page.getByTestId('token-input').fill(token);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByTestId('remember-keys').uncheck();
  expect(await page.evaluate(() => localStorage.getItem('sa-token-inspector:public-keys'))).toBeNull();
});

test('a share link is opt-in, warns first, and carries the token only in the fragment', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const token = fixture('tokens/legacy-secret.jwt');
  await page.goto('./');
  await page.getByTestId('token-input').fill(token);
  await expect(page).toHaveURL(/\/$|\/#?$/); // pasting never writes the token into the URL
  await page.getByTestId('share-open').click();
  await expect(page.getByTestId('share-panel')).toContainText('Anyone who gets it can read the token');
  await page.getByTestId('share-copy').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(`${url.origin}${url.pathname}`).toBe(new URL(baseURL as string).href);
  expect(url.search).toBe('');
  expect(decodeURIComponent(url.hash)).toBe(`#token=${token}`);
  const page2 = await context.newPage();
  await page2.goto(link);
  await expect(page2.getByTestId('token-kind')).toHaveAttribute('data-kind', 'legacy');
});

test('keyboard only: paste a token, enter a key, read the verdict, copy the payload', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await pinClock(page, FIXTURE_IAT + 600);
  await page.goto('./');
  const tabTo = async (testId: string) => {
    for (let i = 0; i < 80; i++) {
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${testId}`);
  };
  await tabTo('token-input');
  await page.keyboard.insertText(fixture('tokens/pod-bound.jwt'));
  await tabTo('key-input');
  await page.keyboard.insertText(fixture('keys/cluster-jwks.json'));
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await tabTo('copy-payload');
  const focusVisible = await page.evaluate(() => document.activeElement?.matches(':focus-visible'));
  expect(focusVisible).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('copy-payload')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toEqual(JSON.parse((await page.getByTestId('payload-json').textContent()) ?? ''));
});
