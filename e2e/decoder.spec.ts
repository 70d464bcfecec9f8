import { expect, test } from '@playwright/test';
import { fixture, makeToken, openWithInput, pinClock, FIXTURE_IAT } from './support/tokens';

test.describe('decoding', () => {
  test('the blog post’s projected token shows exact dates, header and payload', async ({ page }) => {
    const token = fixture('seed/v1.24-projected.jwt');
    await openWithInput(page, token);
    await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'jwt');
    const times = {
      exp: '2023-08-19T11:49:01Z',
      iat: '2022-08-19T11:49:01Z',
      nbf: '2022-08-19T11:49:01Z',
      'kubernetes.io.warnafter': '2022-08-19T12:49:08Z',
    };
    for (const [claim, iso] of Object.entries(times)) {
      await expect(page.locator(`[data-testid="claim-row"][data-claim="${claim}"] time`)).toHaveAttribute('datetime', iso);
    }
    const [h, p] = token.split('.');
    const header = JSON.parse(Buffer.from(h as string, 'base64url').toString());
    const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString());
    expect(JSON.parse((await page.getByTestId('header-json').textContent()) ?? '')).toEqual(header);
    expect(JSON.parse((await page.getByTestId('payload-json').textContent()) ?? '')).toEqual(payload);
    await expect(page.locator('[data-testid="claim-row"][data-claim="kubernetes.io.pod.name"]')).toContainText('busybox');
    await expect(page.locator('[data-testid="claim-row"][data-claim="kubernetes.io.warnafter"]')).toContainText('Warn after');
  });

  test('each seed token decodes from the samples menu', async ({ page }) => {
    await page.goto('./');
    for (const id of ['v1.20-legacy', 'v1.24-projected', 'v1.24-explicit-secret']) {
      await page.getByTestId('samples').selectOption(id);
      await expect(page.getByTestId('token-input')).toHaveValue(fixture(`seed/${id}.jwt`));
      await expect(page.getByTestId('payload-json')).toContainText('system:serviceaccount:default:');
    }
  });

  test('recognises each input shape', async ({ page }) => {
    const token = fixture('tokens/pod-bound.jwt');
    const cases: [string, string][] = [
      [token, 'jwt'],
      [`  "${token.slice(0, 100)}\n${token.slice(100)}"  `, 'jwt'],
      [fixture('inputs/bearer-header.txt'), 'bearer'],
      [`bearer ${token}`, 'bearer'],
      [fixture('inputs/token-base64.txt'), 'token-base64'],
      ['eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn', 'jwe'],
      ['hello world', 'unknown'],
    ];
    await page.goto('./');
    for (const [text, kind] of cases) {
      await page.getByTestId('token-input').fill(text);
      await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', kind);
      if (kind === 'bearer' || kind === 'token-base64' || kind === 'jwt') {
        await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toBeVisible();
      }
    }
    await expect(page.getByTestId('input-kind')).toContainText('three base64url parts');
  });

  test('each decode error names its segment and what is wrong', async ({ page }) => {
    const good = fixture('tokens/pod-bound.jwt').split('.');
    const cases: [string, string, RegExp][] = [
      [`${good[0]?.slice(0, 10)}!${good[0]?.slice(11)}.${good[1]}.${good[2]}`, 'header', /"!" at position 11/],
      [makeToken({ alg: 'RS256' }, '{"sub": "a",}'), 'payload', /Trailing comma before "}".*position 13/],
      [`${good[0]}.${Buffer.from([0xff, 0xfe, 0x41]).toString('base64url')}.${good[2]}`, 'payload', /not valid UTF-8: byte 1/],
      [makeToken({ alg: 'RS256' }, '[1,2]'), 'payload', /not a JSON object/],
      [`${good[0]}.${good[1]}.abc*def`, 'signature', /"\*" at position 4/],
      [`${good[0]}.${good[1]}`, 'token', /3 parts.*this has 2/],
    ];
    await page.goto('./');
    for (const [text, segment, message] of cases) {
      await page.getByTestId('token-input').fill(text);
      const error = page.locator(`[data-testid="decode-error"][data-segment="${segment}"]`);
      await expect(error).toHaveCount(1);
      await expect(error).toContainText(message);
    }
    // A payload that is not JSON is still shown, as text.
    await page.getByTestId('token-input').fill(makeToken({ alg: 'ES512' }, 'Payload'));
    await expect(page.getByTestId('payload-text')).toHaveText('Payload');
  });

  test('standard base64 and padding are tolerated with a warning', async ({ page }) => {
    const [h, p, s] = fixture('tokens/pod-bound.jwt').split('.');
    const std = (x: string) => Buffer.from(x, 'base64url').toString('base64');
    await openWithInput(page, `${h}.${std(p as string)}.${std(s as string)}`);
    await expect(page.getByTestId('decode-error')).toHaveCount(0);
    await expect(page.getByTestId('decode-warning').first()).toContainText(/padding|standard base64/);
    await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toContainText('sa-token-demo');
  });

  test('claims holding markup render as inert text', async ({ page }) => {
    const payload = { sub: '<script>window.__pwned=1</script>', name: '<img src=x onerror="window.__pwned=2">', '<b>key</b>': 'x' };
    await openWithInput(page, makeToken({ alg: 'HS256', kid: '<img src=y onerror="window.__pwned=3">' }, payload));
    await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toContainText('<script>window.__pwned=1</script>');
    await expect(page.locator('[data-testid="claim-row"][data-claim="name"]')).toContainText('<img src=x onerror=');
    await expect(page.locator('main img')).toHaveCount(0);
    await expect(page.locator('main script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

test.describe('validity at a pinned clock', () => {
  const token = fixture('tokens/pod-bound.jwt'); // exp = iat + 3607
  const exp = FIXTURE_IAT + 3607;
  const cases: [string, number, string, RegExp][] = [
    ['inside the window', FIXTURE_IAT + 1200, 'valid', /expires in 40 minutes/],
    ['30 s after exp, within the leeway', exp + 30, 'valid', /Expired 30 s ago — the API server still accepts it for 30 s/],
    ['after exp and leeway', exp + 3 * 3600, 'expired', /Expired 3 hours ago/],
    ['before nbf', FIXTURE_IAT - 3600, 'not-yet-valid', /Not valid yet/],
  ];
  for (const [name, at, state, headline] of cases) {
    test(name, async ({ page }) => {
      await pinClock(page, at);
      await openWithInput(page, token);
      await expect(page.getByTestId('validity')).toHaveAttribute('data-state', state);
      await expect(page.getByTestId('validity')).toContainText(headline);
    });
  }

  test('a legacy token never expires, and a chosen instant can be evaluated', async ({ page }) => {
    await pinClock(page, FIXTURE_IAT);
    await openWithInput(page, fixture('tokens/legacy-secret.jwt'));
    await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'no-expiry');
    await page.getByTestId('token-input').fill(token);
    await page.getByText('judge at another instant').click();
    await page.getByRole('button', { name: 'exp + 61 s' }).click();
    await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'expired');
    await expect(page.getByTestId('as-of-input')).toHaveValue('2026-01-15T10:31:08');
  });

  test('impossible dates get a message, never "Invalid Date"', async ({ page }) => {
    await openWithInput(page, makeToken({ alg: 'RS256' }, { exp: '1700000000', nbf: -5, iat: 1e300 }));
    await expect(page.getByTestId('time-problem')).toHaveCount(3);
    await expect(page.locator('body')).not.toContainText('Invalid Date');
    await expect(page.locator('[data-claim="exp"]')).toContainText('is the string "1700000000", not a number');
  });
});
