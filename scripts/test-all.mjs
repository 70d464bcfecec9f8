#!/usr/bin/env node
// `npm test`: unit tests (Vitest, Node), then browser tests (Playwright, Chromium) against a fresh
// production build. Both always run; the last line sums them: "N passed, M failed". A machine
// without Chromium gets one first (scripts/provision.mjs), or one line saying what to install.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './provision.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

rmSync('reports', { recursive: true, force: true });
const unitStatus = run('npx', ['vitest', 'run']);
const buildStatus = run('npx', ['vite', 'build', '--logLevel', 'warn']) || run('npx', ['vite', 'build', '--mode', 'single', '--logLevel', 'warn']);
const haveChromium = buildStatus === 0 && (await ensureChromium());
const e2eStatus = haveChromium ? run('npx', ['playwright', 'test', ...process.argv.slice(2)]) : 1;

const unit = readJson('reports/unit.json');
const e2e = readJson('reports/e2e.json');
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests : 1;
const e2ePassed = e2e?.stats?.expected ?? 0;
const e2eFailed = e2e ? (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0) : 1;
console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed; browser: ${e2ePassed} passed, ${e2eFailed} failed${buildStatus ? ' (build failed)' : haveChromium ? '' : ' (not run: no Chromium)'}`);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);
process.exit(unitStatus || buildStatus || e2eStatus ? 1 : 0);
