#!/usr/bin/env node
// Screenshots of the built app for a person to look at: each state, light and dark, desktop and
// phone width. Usage: node scripts/screenshots.mjs [baseUrl] (default: serves dist/ itself).
//   SHOTS="name=#fragment,..." limits the states taken.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { serveStatic } from './static-server.mjs';

const fixture = (p) => readFileSync(join('fixtures', p), 'utf8').trim();
const t = (text) => `#token=${encodeURIComponent(text)}`;
const defaults = {
  empty: '#',
  projected: t(fixture('seed/v1.24-projected.jwt')),
  pod: t(fixture('tokens/pod-bound.jwt')),
  legacy: t(fixture('tokens/legacy-secret.jwt')),
  error: t('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIiwgfQ.c2!n'),
  jwe: t('eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn'),
};
const states = process.env.SHOTS ? Object.fromEntries(process.env.SHOTS.split(',').map((kv) => kv.split(/=(.*)/s).slice(0, 2))) : defaults;

const server = process.argv[2] ? null : await serveStatic(join(process.cwd(), 'dist'));
const base = process.argv[2] ?? server.url;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
mkdirSync('screenshots', { recursive: true });
for (const [name, fragment] of Object.entries(states)) {
  for (const colorScheme of ['light', 'dark']) {
    for (const [size, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await browser.newPage({ viewport, colorScheme });
      await page.clock.setFixedTime(new Date('2026-01-15T09:50:00Z'));
      page.on('pageerror', (e) => console.error(`${name}: ${e.message}`));
      await page.goto(`${base}${fragment}`);
      await page.waitForTimeout(700);
      const file = `screenshots/${name}-${colorScheme}-${size}.png`;
      await page.screenshot({ path: file, fullPage: true });
      await page.close();
      console.log(file);
    }
  }
}
await browser.close();
await server?.close();
