import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../../testing/runInWorker';
import type { HostileOutcome } from '../../../testing/trustHostile';
import { CEL_LIMITS } from './celLimits';

// Hostile expressions must not hang the page: each is evaluated in a worker thread that is
// terminated if it does not finish. The limit is generous; the assertion is that the work completed.
const nest = (depth: number, body: string) => {
  let e = body;
  for (let i = 0; i < depth; i++) e = `assertion.groups.all(g${i}, ${e})`;
  return e;
};

const HOSTILE = [
  // Quadratic and cubic iteration over a 3,000-element claim.
  nest(2, 'true'),
  nest(3, "g0 + g1 != ''"),
  'assertion.groups.map(a, assertion.groups.map(b, a + b)).size() > 0',
  'claims.groups.exists(a, claims.groups.exists(b, a == b + "x"))',
  // Lists that grow fourfold per level without copying.
  '[[1,2,3,4]].map(a, [a+a+a+a].map(b, [b+b+b+b].map(c, [c+c+c+c].map(d, [d+d+d+d].map(e, [e+e+e+e].map(f, [f+f+f+f].map(g, g.size())))))))',
  // Strings that grow exponentially through replace() and join().
  `'aaaa'${".replace('a', 'aaaa')".repeat(12)}.size() > 0`,
  `assertion.groups.join('${'x'.repeat(3000)}').size() > 0`,
  // A catastrophic pattern for backtracking engines (RE2 is linear) and an invalid one.
  `('${'a'.repeat(5000)}!').matches('^(a+)+$')`,
  "assertion.sub.matches('(a{1000}){1000}')",
  // Deep and long sources.
  `${'('.repeat(5000)}true${')'.repeat(5000)}`,
  `${'['.repeat(300)}1`,
  `${'(['.repeat(16)}1`,
  `${'!'.repeat(3000)}true`,
  Array.from({ length: 1000 }, () => 'true').join(' && '),
  Array.from({ length: 400 }, (_, i) => `assertion.groups[${i}] == 'x'`).join(' || ').slice(0, CEL_LIMITS.maxExpressionChars),
  'x'.repeat(CEL_LIMITS.maxExpressionChars + 1),
  `'${'\\'.repeat(3000)}`,
  `"${"'".repeat(4000)}"`,
  // Long, call-heavy sources: parsing is the slow part, so one verdict parses at most a few.
  Array.from({ length: 100 }, (_, i) => `assertion.sub.startsWith('x${i}')`).join(' || '),
];

async function run(expressions: string[], groups?: number): Promise<HostileOutcome[]> {
  const outcome = await runInWorker({
    base: import.meta.url,
    module: '../../../testing/trustHostile.ts',
    exportName: 'evaluateHostileExpressions',
    args: groups === undefined ? [expressions] : [expressions, groups],
    timeoutMs: 90_000,
    summarize: true,
  });
  expect(outcome).toMatchObject({ completed: true });
  return (outcome as { value: HostileOutcome[] }).value;
}

describe('CEL under hostile input', () => {
  it('every hostile expression completes, and those over a limit are unknown with cannot-evaluate', async () => {
    const results = await run(HOSTILE);
    expect(results).toHaveLength(HOSTILE.length);
    for (const r of results) {
      expect(['true', 'false', 'unknown']).toContain(r.google);
      expect(['true', 'false', 'unknown']).toContain(r.kubernetes);
    }
    // Six places × 3,600 characters exceed what one verdict parses: the rest are not evaluated.
    expect(results.at(-1)!.codes).toContain('cannot-evaluate');
    // The blow-ups hit the cost or size limits rather than answering.
    for (const i of [0, 1, 2, 4, 5, 6, 9, 10, 15]) {
      expect(results[i]!.google, HOSTILE[i]!.slice(0, 60)).toBe('unknown');
      expect(results[i]!.codes).toContain('cannot-evaluate');
    }
  }, 120_000);

  it('random expressions over the CEL alphabet always complete with a verdict', async () => {
    const alphabet = fc.constantFrom(...'()[]{}.,:?!&|=<>+-*/%\'"\\ abcgx01'.split(''), 'assertion', 'claims', '.all(x, ', '.map(y, ', '.exists(z, ', "'a'", 'assertion.groups', ' && ', ' || ', '[1,2,3]', '.size()', "matches('a*')");
    const expressions = fc.sample(fc.array(alphabet, { minLength: 1, maxLength: 60 }).map((parts) => parts.join('')), { numRuns: 300, seed: 16 });
    const results = await run(expressions, 500);
    expect(results).toHaveLength(300);
    for (const r of results) expect(['true', 'false', 'unknown']).toContain(r.google);
  }, 120_000);
});
