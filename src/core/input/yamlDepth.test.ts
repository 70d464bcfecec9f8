import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { listFixtures, readFixture } from '../../testing/fixtures';
import { MAX_NESTING_DEPTH } from '../json/nesting';
import { yamlNestingExceeds } from './yamlDepth';

/** The estimated depth: the smallest limit the text does not exceed. */
function estimate(text: string): number {
  let limit = 0;
  while (yamlNestingExceeds(text, limit)) limit++;
  return limit;
}

const depthOf = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0);

describe('yamlNestingExceeds', () => {
  it('estimates the depth of any document within one level, in block, flow and JSON layouts', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.nat(3), (value, layout) => {
        const doc = layout === 3 ? { spec: [value, { inner: value }] } : value;
        const text = [stringify(value), stringify(value, { collectionStyle: 'flow' }), JSON.stringify(value, null, 1), stringify(doc)][layout] as string;
        expect(Math.abs(estimate(text) - depthOf(doc))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['flow sequences', `a: ${'['.repeat(100)}${']'.repeat(100)}`],
    ['flow mappings', `a: ${'{b: '.repeat(100)}1${'}'.repeat(100)}`],
    ['compact block sequences', `${'- '.repeat(100)}x`],
    ['indentation', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
    ['JSON', `${'['.repeat(100)}${']'.repeat(100)}`],
  ])('finds 100 levels of %s', (_name, text) => {
    expect(yamlNestingExceeds(text, MAX_NESTING_DEPTH)).toBe(true);
    expect(yamlNestingExceeds(text, 101)).toBe(false);
  });

  it('ignores brackets in quoted and plain scalars, comments and block scalars', () => {
    const brackets = '['.repeat(100);
    const text = [
      `a: '${brackets}'`,
      `b: "${brackets}\\""`,
      `c: x${brackets}`,
      `d: 1 # ${brackets}`,
      `e: |`,
      `  ${brackets}`,
      `  - ${brackets}`,
      `f: >-`,
      `  {${brackets}`,
      `g: [a, '${brackets}', "${brackets}"]`,
    ].join('\n');
    expect(estimate(text)).toBe(2);
  });

  it('keeps every YAML fixture far below the limit', () => {
    for (const file of listFixtures('inputs').filter((f) => f.endsWith('.yaml'))) expect(estimate(readFixture(file)), file).toBeLessThan(12);
  });
});
