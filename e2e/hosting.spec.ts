import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { serveStatic } from '../scripts/static-server.mjs';
import { fixture } from './support/tokens';

const dist = new URL('../dist/', import.meta.url).pathname;
const single = new URL('../dist-single/index.html', import.meta.url).pathname;

test.describe('the hosted build below a sub-path', () => {
  let server: { url: string; close: () => Promise<void> };
  test.beforeAll(async () => {
    server = await serveStatic(dist, { basePath: '/tools/sa-token/' });
  });
  test.afterAll(async () => server.close());

  test('decodes the seed token, under a strict CSP, without leaving the origin', async ({ page }) => {
    const requests: string[] = [];
    const violations: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    await page.goto(`${server.url}#token=${fixture('seed/v1.24-projected.jwt')}`);
    await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');
    await page.getByTestId('token-input').fill(fixture('inputs/secret.yaml'));
    await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'secret');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
    expect(requests.every((u) => u.startsWith(server.url) || u.startsWith('data:'))).toBe(true);
    expect(violations).toEqual([]);
  });

  test('after one visit it reloads, decodes and verifies offline', async ({ page, context }) => {
    await page.goto(server.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The service worker has precached every file; now the network goes away.
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('token-input').fill(fixture('tokens/pod-bound.jwt'));
    await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');
    await page.getByTestId('key-input').fill(fixture('keys/sa-rsa.pub.pem'));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
    await page.getByTestId('token-input').fill(fixture('inputs/kubeconfig.yaml'));
    await expect(page.getByTestId('input-kind')).toHaveAttribute('data-kind', 'kubeconfig');
  });
});

test('the single-file build works from file:// with no network', async ({ page, context }) => {
  expect(existsSync(single), 'run `npm run build:single` first (npm test does)').toBe(true);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await context.setOffline(true);
  await page.goto(`file://${single}#token=${fixture('tokens/secret-bound.jwt')}`);
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'secret-bound');
  expect(page.url()).toBe(`file://${single}`); // the token left the address bar here too
  await page.getByTestId('key-input').fill(fixture('keys/cluster-jwks.json'));
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByTestId('token-input').fill(fixture('inputs/secret.yaml'));
  await expect(page.getByTestId('identity-secret')).toHaveText('sa-token-demo-token');
  await page.goto(`file://${single}#compare`);
  await page.getByTestId('compare-blog-pair').click();
  await expect(page.locator('[data-testid="compare-row"][data-claim="iss"]')).toHaveAttribute('data-change', 'changed');
  expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/script-src 'self' 'sha256-/);
});

test('a page on another site that frames the app gets a notice, not a working app', async ({ page, baseURL }) => {
  // Where the host cannot send frame-ancestors (a <meta> policy cannot carry it), the app refuses frames itself.
  const framed = `${baseURL}#token=${encodeURIComponent(fixture('tokens/pod-bound.jwt'))}`;
  // The framing page is another origin: the same loopback address on another port.
  const framer = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(`<!doctype html><title>Framer</title><iframe id="plain" src="${framed}"></iframe><iframe id="sandboxed" sandbox="allow-scripts allow-same-origin" src="${framed}"></iframe>`);
  });
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
    for (const id of ['plain', 'sandboxed']) {
      const frame = page.frameLocator(`#${id}`);
      await expect(frame.getByTestId('framed-notice')).toContainText('does not run inside another page');
      await expect(frame.getByTestId('framed-notice').getByRole('link')).toHaveAttribute('href', baseURL as string);
      await expect(frame.getByTestId('token-input')).toHaveCount(0);
    }
  } finally {
    framer.close();
  }
  // The same app in its own tab works.
  await page.goto(framed);
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'pod-bound');
});
