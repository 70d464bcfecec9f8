import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

const root = new URL('../../', import.meta.url);

/** A file from the project's fixtures folder, as text (trailing newline removed). */
export function fixture(path: string): string {
  return readFileSync(new URL(`fixtures/${path}`, root), 'utf8').replace(/\n$/, '');
}

export const b64url = (text: string | Buffer) => Buffer.from(text).toString('base64url');

/** An unsigned-but-shaped token from header and payload text (objects are JSON-encoded). */
export function makeToken(header: object | string, payload: object | string, signature = 'c2lnbmF0dXJl'): string {
  const enc = (v: object | string) => b64url(typeof v === 'string' ? v : JSON.stringify(v));
  return `${enc(header)}.${enc(payload)}.${signature}`;
}

/** iat of every fixture token: 2026-01-15T09:30:00Z. */
export const FIXTURE_IAT = 1768469400;

export async function pinClock(page: Page, seconds: number): Promise<void> {
  await page.clock.setFixedTime(new Date(seconds * 1000));
}

/** Opens the app with the input pre-filled through the #token= fragment (the test contract). */
export async function openWithInput(page: Page, input: string): Promise<void> {
  await page.goto(`./#token=${encodeURIComponent(input)}`);
}
