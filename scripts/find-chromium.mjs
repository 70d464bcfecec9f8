import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first `name` on the PATH, or undefined. */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** CHROMIUM_PATH, then the system's chromium, chromium-browser or google-chrome; quietly. */
export function locateChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return ['/usr/bin/chromium', onPath('chromium'), onPath('chromium-browser'), onPath('google-chrome')].find((p) => p && existsSync(p));
}

/**
 * The Chromium that browser tests and the benchmark drive: CHROMIUM_PATH, then the system's
 * chromium, chromium-browser or google-chrome. Only when none exists does Playwright fall back to
 * its own browser (`npm test` installs one of the two first; see scripts/provision.mjs).
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && !existsSync(fromEnv)) console.warn(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist; looking elsewhere.`);
  const found = locateChromium();
  if (found) return found;
  console.warn(
    'No Chromium found (CHROMIUM_PATH, /usr/bin/chromium, chromium-browser, google-chrome). Falling back to Playwright’s own browser; ' +
      'if that is not installed either, install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
  );
  return undefined;
}

/** Flags for headless Chromium on a closed network (no calls to Google services). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
