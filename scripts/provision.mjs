#!/usr/bin/env node
// Installs what the tests need from outside npm — a Chromium for the browser tests, nginx for the
// hosting recipe's test — the way a fresh Debian machine allows: Debian's package through apt-get
// as root or through passwordless sudo, else (Chromium only) Playwright's own download.
// `node scripts/provision.mjs chromium|nginx` runs it by hand; test-all and test-nginx call it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { locateChromium, onPath } from './find-chromium.mjs';

/** What this machine allows, probed once (tests pass their own). */
export function probeMachine() {
  return {
    isRoot: process.getuid?.() === 0,
    // -n: never prompt; a sudo that wants a password counts as no sudo.
    hasSudo: spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    hasAptGet: onPath('apt-get') !== undefined,
  };
}

/** apt-get commands that install a Debian package, or null when this machine cannot run them. */
export function aptInstallCommands(pkg, { isRoot, hasSudo, hasAptGet }) {
  if (!hasAptGet || !(isRoot || hasSudo)) return null;
  const asRoot = isRoot ? [] : ['sudo', '-n'];
  return [
    [...asRoot, 'apt-get', 'update', '-qq'],
    [...asRoot, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', pkg],
  ];
}

export const CHROMIUM_MISSING =
  'No Chromium for the browser tests and none could be installed: as root run `apt-get install chromium` (Debian) or run `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.';
export const NGINX_MISSING = 'No nginx and none could be installed: as root run `apt-get install nginx` (Debian), or set NGINX_PATH to an nginx binary.';

/**
 * The ways to get a Chromium, in the order to try them; none when one is there. Debian's package
 * first (what the project is tested with), then Playwright's own build (needs its download host).
 */
export function chromiumPlan({ chromiumFound, ...machine }) {
  if (chromiumFound) return [];
  const steps = [];
  const apt = aptInstallCommands('chromium', machine);
  if (apt) steps.push({ label: `Installing Debian's chromium (${apt.map((c) => c.join(' ')).join(' && ')})`, commands: apt });
  // As root Playwright can add the system libraries its browser needs too.
  const playwright = ['npx', 'playwright', 'install', ...(machine.isRoot ? ['--with-deps'] : []), 'chromium'];
  steps.push({ label: `Installing Playwright's Chromium (${playwright.join(' ')})`, commands: [playwright] });
  return steps;
}

/** The ways to get nginx: Debian's package, or nothing. */
export function nginxPlan({ nginxFound, ...machine }) {
  if (nginxFound) return [];
  const apt = aptInstallCommands('nginx', machine);
  return apt ? [{ label: `Installing Debian's nginx (${apt.map((c) => c.join(' ')).join(' && ')})`, commands: apt }] : [];
}

/** Runs the steps in order until `found()` says the tool is there; true when it is. */
export async function provide(steps, found, { run = runCommand, log = console.log } = {}) {
  for (const step of steps) {
    log(step.label);
    const ok = step.commands.every((command) => run(command) === 0);
    if (ok && (await found())) return true;
    log('  … that did not work.');
  }
  return found();
}

function runCommand([cmd, ...args]) {
  return spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
}

/** Playwright's own Chromium, if it has been downloaded. */
async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

async function chromiumFound() {
  return Boolean(locateChromium() ?? (await playwrightChromium()));
}

/** The nginx binary: NGINX_PATH, the PATH, or Debian's /usr/sbin/nginx (not on a user's PATH). */
export function locateNginx() {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return [onPath('nginx'), '/usr/sbin/nginx'].find((p) => p && existsSync(p));
}

/** Makes sure a Chromium is there for the browser tests; prints what it does; false if impossible. */
export async function ensureChromium() {
  if (await chromiumFound()) return true;
  console.log('No Chromium found for the browser tests; installing one.');
  if (await provide(chromiumPlan({ chromiumFound: false, ...probeMachine() }), chromiumFound)) return true;
  console.log(CHROMIUM_MISSING);
  return false;
}

/** The nginx binary, installed first if need be; undefined (after one line saying why) if impossible. */
export async function ensureNginx() {
  if (locateNginx()) return locateNginx();
  console.log('No nginx found; installing it.');
  if (await provide(nginxPlan({ nginxFound: false, ...probeMachine() }), () => Boolean(locateNginx()))) return locateNginx();
  console.log(NGINX_MISSING);
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const what = process.argv[2];
  if (what === 'chromium') process.exit((await ensureChromium()) ? 0 : 1);
  else if (what === 'nginx') process.exit((await ensureNginx()) ? 0 : 1);
  else {
    console.log('Usage: node scripts/provision.mjs chromium|nginx');
    process.exit(2);
  }
}
