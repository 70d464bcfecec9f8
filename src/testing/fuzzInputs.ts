// Test-only: inputs for the property-based robustness tests, grown from the fixtures and vectors.
import fc from 'fast-check';
import { listFixtures, readFixture } from './fixtures';

const vectorTokens = [...listFixtures('vectors'), ...listFixtures('vectors/derived')]
  .filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFixture(f)) as { token?: unknown }).token)
  .filter((t): t is string => typeof t === 'string');

export const SEED_TOKENS: string[] = [
  ...listFixtures('tokens').map(readFixture),
  ...listFixtures('seed').filter((f) => f.endsWith('.jwt')).map(readFixture),
  ...vectorTokens,
];

export const SEED_INPUTS: string[] = [...listFixtures('inputs').map(readFixture), readFixture('seed/explicit-sa-token-secret.yaml')];

export const SEED_KEYS: string[] = listFixtures('keys').map(readFixture);

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

/** Flip one bit of one character (kept a valid UTF-16 string). */
const bitFlip = (s: string, at: number, bit: number) => {
  if (s.length === 0) return s;
  const i = at % s.length;
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << (bit % 16))) + s.slice(i + 1);
};

/** Replace every number in a token's payload with a huge or odd one. */
const hugeNumbers = (token: string, n: string) => {
  const [h = '', p = '', s = ''] = token.split('.');
  return `${h}.${b64(unb64(p).replace(/-?\d+(\.\d+)?/g, n))}.${s}`;
};

const oddNumbers = fc.constantFrom('1e400', '-1', '12345678901234567890', '1.5', '0', '9007199254740993', '"1700000000"', 'null', '[1]', '{}');

/** A seed mutated the ways real damage happens: bit flips, cuts, swaps, noise, odd numbers. */
export function mutated(seeds: string[]): fc.Arbitrary<string> {
  const seed = fc.constantFrom(...seeds);
  return fc.oneof(
    fc.tuple(seed, fc.nat(), fc.nat()).map(([s, at, bit]) => bitFlip(s, at, bit)),
    fc.tuple(seed, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))),
    fc.tuple(seed, fc.nat()).map(([s, n]) => s.slice(n % (s.length + 1))),
    seed.map((s) => s.split('.').reverse().join('.')),
    fc.tuple(seed, fc.nat(), fc.string({ unit: 'grapheme', maxLength: 8 })).map(([s, at, noise]) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + noise + s.slice(i);
    }),
    fc.tuple(seed, fc.string({ unit: 'binary', maxLength: 4 })).map(([s, sep]) => s.split('.').join(sep || '.')),
    fc.tuple(seed, oddNumbers).map(([s, n]) => (s.split('.').length === 3 ? hugeNumbers(s, n) : s)),
    fc.tuple(seed, seed).map(([a, b]) => `${a.split('.')[0]}.${b.split('.')[1] ?? ''}.${a.split('.')[2] ?? ''}`),
  );
}

/** Arbitrary text, from nothing like a token to almost one. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/), { maxLength: 7 }).map((parts) => parts.join('.')),
  fc.json({ maxDepth: 4 }),
);
