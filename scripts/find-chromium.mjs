import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * The Chromium that browser tests and the benchmark drive: CHROMIUM_PATH, then the system's
 * chromium, chromium-browser or google-chrome. Only when none exists does Playwright fall back to
 * its own browser (which a machine without downloads cannot fetch, so say so plainly).
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.warn(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist; looking elsewhere.`);
  }
  const found = ['/usr/bin/chromium', onPath('chromium'), onPath('chromium-browser'), onPath('google-chrome')].find((p) => p && existsSync(p));
  if (found) return found;
  console.warn(
    'No Chromium found (CHROMIUM_PATH, /usr/bin/chromium, chromium-browser, google-chrome). Falling back to Playwright’s own browser; ' +
      'if that is not installed either, install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
  );
  return undefined;
}

/** Flags for headless Chromium on a closed network (no calls to Google services). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
