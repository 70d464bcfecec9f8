import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetProblems, measureFirstLoad } from './budget.mjs';

function fakeDist(jsBytes: Buffer, cssBytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index.js'), jsBytes);
  writeFileSync(join(dir, 'assets', 'index.css'), cssBytes);
  writeFileSync(join(dir, 'assets', 'lazy.js'), randomBytes(500_000)); // not on the first screen
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/index.js"></script><link rel="stylesheet" href="./assets/index.css"></head><body></body></html>',
  );
  return dir;
}

const script = new URL('./check-budget.mjs', import.meta.url).pathname;
const run = (dir: string) => {
  try {
    execFileSync('node', [script, dir], { stdio: 'pipe' });
    return 0;
  } catch (e) {
    return (e as { status: number }).status;
  }
};

describe('the performance budget', () => {
  it('passes a small first screen and ignores lazy chunks', () => {
    const dir = fakeDist(Buffer.from('console.log(1);'.repeat(1000)), Buffer.from('a{color:red}'));
    const m = measureFirstLoad(dir);
    expect(m.requests).toBe(3);
    expect(budgetProblems(m)).toEqual([]);
    expect(run(dir)).toBe(0);
  });

  it('fails a build whose first screen is too large', () => {
    // Random bytes do not compress: 150 KB of them is well over 100 KB gzip.
    const dir = fakeDist(randomBytes(150_000), Buffer.from('a{color:red}'));
    expect(budgetProblems(measureFirstLoad(dir))[0]).toMatch(/^first load is 1\d\d\.\d KB gzip; the budget is 100\.0 KB$/);
    expect(run(dir)).toBe(1);
  });

  it('fails on CSS over 15 KB gzip and on too many requests', () => {
    const dir = fakeDist(Buffer.from('x'), randomBytes(20_000));
    expect(budgetProblems(measureFirstLoad(dir))).toEqual([expect.stringMatching(/^CSS is 19\.\d KB gzip/)]);
    expect(budgetProblems({ ...measureFirstLoad(dir), cssGzip: 0, requests: 6 })).toEqual(['first load makes 6 requests; the budget is 5']);
  });
});
