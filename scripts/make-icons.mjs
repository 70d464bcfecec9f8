#!/usr/bin/env node
// Renders public/icon.svg to the PNG icons the web app manifest lists (run once when the icon
// changes; the PNGs are committed as assets): node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const svg = readFileSync('public/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
for (const [size, file, pad] of [[192, 'icon-192.png', 0], [512, 'icon-512.png', 0], [512, 'icon-maskable-512.png', 64]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = size - 2 * pad * (size / 512);
  await page.setContent(
    `<body style="margin:0;background:#0f172a;display:grid;place-items:center;width:${size}px;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  );
  await page.screenshot({ path: `public/${file}`, omitBackground: false });
  await page.close();
  console.log(`public/${file}`);
}
await browser.close();
