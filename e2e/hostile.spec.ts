import { expect, test } from '@playwright/test';
import { b64url, fixture, makeToken, openWithInput } from './support/tokens';

test('prototype keys, deep nesting, many segments, NUL bytes and huge numbers render inertly', async ({ page }) => {
  await openWithInput(page, makeToken({ alg: 'RS256' }, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"x":1}},"prototype":1,"sub":"a\\u0000b","exp":12345678901234567890}'));
  await expect(page.locator('[data-testid="claim-row"][data-claim="__proto__.polluted"]')).toContainText('yes');
  await expect(page.locator('[data-testid="claim-row"][data-claim="constructor.prototype.x"]')).toBeVisible();
  await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toContainText('a⟦U+0000⟧b');
  await expect(page.getByTestId('decode-warning').filter({ hasText: 'beyond 2^53' })).toBeVisible();
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted ?? Object.prototype.hasOwnProperty.call(Object.prototype, 'x'))).toBe(false);

  await page.getByTestId('token-input').fill(makeToken({ alg: 'RS256' }, '['.repeat(10_000) + ']'.repeat(10_000)));
  await expect(page.locator('[data-testid="decode-error"][data-segment="payload"]')).toContainText('nested too deeply (more than 64 levels)');

  await page.getByTestId('token-input').fill(Array.from({ length: 400 }, () => 'eyJhIjoxfQ').join('.'));
  await expect(page.locator('[data-testid="decode-error"][data-segment="token"]')).toContainText('this has 400');

  await page.getByTestId('token-input').fill(`${b64url('{"alg":"RS256"}')}.${Buffer.from([0x7b, 0x22, 0xc3, 0x28]).toString('base64url')}.c2ln`);
  await expect(page.locator('[data-testid="decode-error"][data-segment="payload"]')).toContainText('not valid UTF-8');
});

test('hidden characters that could disguise a subject are shown, and duplicate claims are flagged', async ({ page }) => {
  const sub = 'system:serviceaccount:kube-system:\u202Edefault\u200B';
  await openWithInput(page, makeToken({ alg: 'RS256', kid: '' }, `{"iss":"kubernetes/serviceaccount","sub":${JSON.stringify(sub)},"sub":"system:serviceaccount:default:default"}`));
  await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toContainText('system:serviceaccount:default:default');
  const finding = page.locator('[data-testid="finding"][data-code="duplicate-claim"]');
  await expect(finding).toBeVisible();
  await expect(finding).toContainText('system:serviceaccount:default:default');
  await page.getByTestId('token-input').fill(makeToken({ alg: 'RS256' }, { sub }));
  await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toContainText('⟦U+202E⟧default⟦U+200B⟧');
  await expect(page.getByTestId('payload-json')).toContainText('\\u202e');
  expect(JSON.parse((await page.getByTestId('payload-json').textContent()) ?? '')).toEqual({ sub });
});

test('kid, jku and x5u are inert text: nothing is fetched', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const header = { alg: 'RS256', kid: 'https://attacker.example/kid', jku: 'https://attacker.example/jwks.json', x5u: 'https://attacker.example/cert.pem' };
  await openWithInput(page, makeToken(header, { sub: 'x', iss: 'https://attacker.example' }));
  await expect(page.locator('[data-testid="header-param"][data-param="jku"]')).toContainText('https://attacker.example/jwks.json');
  await page.getByTestId('key-input').fill(fixture('keys/cluster-jwks.json'));
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'no-matching-key');
  const origin = new URL(baseURL as string).origin;
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  await expect(page.locator('a[href*="attacker.example"]')).toHaveCount(0);
});
