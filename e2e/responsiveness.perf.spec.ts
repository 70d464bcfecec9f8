import { expect, test, type Page } from '@playwright/test';
import { makeToken } from './support/tokens';

/** Longest main-thread task while `action` runs (PerformanceObserver 'longtask'). */
async function longestTaskDuring(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  await action();
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { __longest: number }).__longest);
}

test('a 10 MB paste and a 200 KB value never freeze the page', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('token-input')).toBeVisible();
  // Hand the 10 MB to the page first, so moving it there is not counted as the app's work.
  await page.evaluate((text) => ((window as unknown as { __huge: string }).__huge = text), makeToken({ alg: 'RS256' }, { sub: 'x', blob: 'A'.repeat(7_500_000) }));
  await page.waitForTimeout(300);
  const longest = await longestTaskDuring(page, async () => {
    // A real paste: a paste event carrying the text on its clipboard data.
    await page.getByTestId('token-input').evaluate((area) => {
      const data = new DataTransfer();
      data.setData('text/plain', (window as unknown as { __huge: string }).__huge);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(page.getByTestId('large-input')).toContainText('10,000,062 characters');
    await expect(page.getByTestId('input-kind')).toContainText('inputs over 1 MB are only read as JSON or YAML documents');
  });
  expect(longest).toBeLessThan(200);

  const long = makeToken({ alg: 'RS256' }, { sub: 'x', blob: 'B'.repeat(200_000) });
  const longestLong = await longestTaskDuring(page, async () => {
    await page.getByTestId('token-input').fill(long);
    await expect(page.getByRole('button', { name: /Show all 200,002 characters/ })).toBeVisible();
  });
  expect(longestLong).toBeLessThan(200);
});
