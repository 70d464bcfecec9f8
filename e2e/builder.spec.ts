import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { fixture, pinClock, FIXTURE_IAT } from './support/tokens';

const SA_RSA_KID = 'c0eSayKH-WrWn6IO3oCrVQS-cz6tQBw3_OxIET0Y_VQ';
const KUBERNETES_TEMPLATES = ['legacy', 'pod-bound', 'secret-bound', 'node-bound', 'unbound'] as const;

const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString()) as { alg: string; kid?: string };

/**
 * The whole round trip for one template and key type: generate, sign, check the token and the
 * JWKS, open in the decoder, and read the decoder's verdict and kind.
 */
async function buildSignAndDecode(page: Page, template: string, keyType: string, expectedAlg: string) {
  const label = `${template} with ${keyType}`;
  // A fresh document each time, so no key from the previous case can be signed with by mistake.
  await page.goto('about:blank');
  await page.goto('./#build');
  await page.getByTestId('builder-template').selectOption(template);
  await page.getByTestId('builder-key-type').selectOption(keyType);
  await page.getByTestId('builder-generate-key').click();
  await expect(page.getByTestId('builder-key-description'), label).toContainText('generated in this browser', { timeout: 15_000 });
  await page.getByTestId('builder-sign').click();
  await expect(page.getByTestId('built-token'), label).toBeVisible();

  const token = (await page.getByTestId('built-token').textContent()) ?? '';
  expect(token.split('.'), label).toHaveLength(3);
  expect(token, label).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const header = headerOf(token);
  expect(header.alg, label).toBe(expectedAlg);
  if (keyType.startsWith('HMAC')) {
    expect(header.kid, label).toBeUndefined();
    await expect(page.getByTestId('builder-jwks')).toHaveCount(0);
  } else {
    const jwks = JSON.parse((await page.getByTestId('builder-jwks').textContent()) ?? '') as { keys: { kid: string; alg: string; use: string }[] };
    expect(jwks.keys, label).toHaveLength(1);
    expect(jwks.keys[0], label).toMatchObject({ kid: header.kid, alg: expectedAlg, use: 'sig' });
    await expect(page.getByTestId('builder-key-kid')).toHaveText(header.kid as string);
  }

  await page.getByTestId('builder-open-decoder').click();
  await expect(page.getByTestId('signature-status'), label).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('token-kind'), label).toHaveAttribute('data-kind', template === 'generic' ? 'not-kubernetes' : template);
  return token;
}

test('every Kubernetes template, signed with a generated RSA key, verifies in the decoder as its kind', async ({ page }) => {
  test.setTimeout(90_000);
  await pinClock(page, FIXTURE_IAT);
  for (const template of KUBERNETES_TEMPLATES) await buildSignAndDecode(page, template, 'RSA-2048', 'RS256');

  // The last one was unbound; pod-bound again to read its times as the decoder shows them.
  await buildSignAndDecode(page, 'pod-bound', 'RSA-2048', 'RS256');
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-extended', 'true');
  const time = (claim: string) => page.locator(`[data-testid="claim-row"][data-claim="${claim}"] time`).first();
  await expect(time('iat')).toHaveAttribute('datetime', new Date(FIXTURE_IAT * 1000).toISOString().replace('.000Z', 'Z'));
  await expect(time('exp')).toHaveAttribute('datetime', new Date((FIXTURE_IAT + 31_536_000) * 1000).toISOString().replace('.000Z', 'Z'));
  await expect(time('kubernetes.io.warnafter')).toHaveAttribute('datetime', new Date((FIXTURE_IAT + 3607) * 1000).toISOString().replace('.000Z', 'Z'));

  // Back to Build: the work is where it was.
  await page.getByTestId('nav-build').click();
  await expect(page.getByTestId('builder-template')).toHaveValue('pod-bound');
  await expect(page.getByTestId('built-token')).toBeVisible();
});

test('EC P-256 for every Kubernetes template; Ed25519 and an HMAC secret for the generic one', async ({ page }) => {
  test.setTimeout(90_000);
  for (const template of KUBERNETES_TEMPLATES) await buildSignAndDecode(page, template, 'EC-P-256', 'ES256');
  for (const [keyType, alg] of [
    ['EC-P-256', 'ES256'],
    ['Ed25519', 'EdDSA'],
    ['HMAC-32', 'HS256'],
    ['RSA-2048', 'RS256'],
  ] as const) {
    await buildSignAndDecode(page, 'generic', keyType, alg);
  }
});

test('a pasted sa.key signs with its Kubernetes kid; JSON errors are shown live and bad algorithms refused', async ({ page }) => {
  await page.goto('./#build');
  // Live JSON validation, with the position.
  const payload = page.getByTestId('builder-payload');
  await payload.fill('{\n  "sub": "a"\n  "iat": 1\n}');
  await expect(payload).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('builder-payload-status')).toContainText('line 3, column 3');
  await page.getByTestId('builder-sign').click();
  await expect(page.getByTestId('builder-sign-error')).toHaveAttribute('data-code', 'json-syntax');
  await page.getByTestId('builder-template').selectOption('unbound');
  await expect(page.getByTestId('builder-payload-status')).toHaveAttribute('data-valid', 'true');

  // kubeadm's sa.key (PKCS#1): its kid is the one the cluster publishes.
  await page.getByText('Paste a private key instead').click();
  await page.getByTestId('builder-private-key-input').fill(fixture('keys/sa-rsa.pkcs1.key.pem'));
  await page.getByTestId('builder-use-pasted-key').click();
  await expect(page.getByTestId('builder-key-kid')).toHaveText(SA_RSA_KID);
  await expect(page.getByTestId('builder-private-key-input')).toHaveValue('');

  // An algorithm the key cannot sign is refused with what would fit; the picker puts a fitting one back.
  const header = page.getByTestId('builder-header');
  await header.fill(`{"alg":"ES256","kid":"${SA_RSA_KID}"}`);
  await page.getByTestId('builder-sign').click();
  await expect(page.getByTestId('builder-sign-error')).toHaveAttribute('data-code', 'alg-key-mismatch');
  await expect(page.getByTestId('builder-sign-error')).toContainText('This key signs RS256');
  await page.getByTestId('builder-alg').selectOption('PS256');
  await expect(header).toHaveValue(/"alg": "PS256"/);

  // "Expires in 1 h" edits the payload's exp.
  await page.clock.setFixedTime(new Date(FIXTURE_IAT * 1000));
  await page.getByTestId('builder-expires-1h').click();
  await expect(payload).toHaveValue(new RegExp(`"exp": ${FIXTURE_IAT + 3600},`));

  await page.getByTestId('builder-sign').click();
  const token = (await page.getByTestId('built-token').textContent()) ?? '';
  expect(headerOf(token)).toEqual({ alg: 'PS256', kid: SA_RSA_KID });
  await page.getByTestId('builder-open-decoder').click();
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('matched-kid')).toHaveText(SA_RSA_KID);
  await expect(page.getByTestId('token-input')).toHaveValue(token);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the build view (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('./#build');
    await expect(page.getByTestId('builder-template')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('builder-key-type').selectOption('EC-P-256');
    await page.getByTestId('builder-generate-key').click();
    await expect(page.getByTestId('builder-jwks')).toBeVisible();
    await page.getByTestId('builder-sign').click();
    await expect(page.getByTestId('built-token')).toBeVisible();
    await page.getByTestId('builder-show-private').click();
    await expect(page.getByTestId('builder-private-pem')).toContainText('BEGIN PRIVATE KEY');
    await page.getByTestId('builder-header').fill('{"alg": }');
    await page.getByTestId('builder-sign').click();
    await expect(page.getByTestId('builder-sign-error')).toBeVisible();
    await page.getByText('Paste a private key instead').click();
    await page.getByTestId('builder-private-key-input').fill('not a key');
    await page.getByTestId('builder-use-pasted-key').click();
    await expect(page.getByTestId('builder-key-error')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
