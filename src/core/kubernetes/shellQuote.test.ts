import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellCommand, shellQuote } from './shellQuote';

/** What a real POSIX shell makes of the quoted arguments. */
function shellArgs(args: string[]): string[] {
  const out = execFileSync('sh', ['-c', `for a in ${args.map(shellQuote).join(' ')}; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('leaves plain arguments alone', () => {
    expect(shellCommand(['kubectl', 'create', 'token', 'sa', '-n', 'default', '--duration=1h'])).toBe('kubectl create token sa -n default --duration=1h');
  });

  it('quotes everything a shell would interpret', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(id)')).toBe(`'$(id)'`);
    expect(shellQuote('')).toBe(`''`);
  });

  it('round-trips hostile values through sh', () => {
    const hostile = ["a'b", '$(touch /tmp/pwned)', '`id`', 'x; rm -rf ~', 'a\nb', '"q"', '\\', '!!', '*', '~', ' lead', 'ünï', '--as=x y'];
    expect(shellArgs(hostile)).toEqual(hostile);
  });

  it('round-trips arbitrary strings through sh', () => {
    const noNul = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(fc.array(noNul, { minLength: 1, maxLength: 5 }), (args) => {
        expect(shellArgs(args)).toEqual(args);
      }),
      { numRuns: 60 },
    );
  });
});
