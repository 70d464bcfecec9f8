import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../testing/runInWorker';
import { MAX_WILDCARD_WORK, matchAwsLike, matchVaultGlob } from './wildcards';

describe('wildcard matching', () => {
  it('AWS StringLike: * is any run (also empty), ? exactly one character, case-sensitive', () => {
    expect(matchAwsLike('system:serviceaccount:prod:*', 'system:serviceaccount:prod:app')).toBe(true);
    expect(matchAwsLike('system:serviceaccount:prod:*', 'system:serviceaccount:prod:')).toBe(true);
    expect(matchAwsLike('system:serviceaccount:*:app', 'system:serviceaccount:prod:app')).toBe(true);
    expect(matchAwsLike('repo:org/?', 'repo:org/a')).toBe(true);
    expect(matchAwsLike('repo:org/?', 'repo:org/ab')).toBe(false);
    expect(matchAwsLike('System:*', 'system:x')).toBe(false);
    expect(matchAwsLike('*a*b*c', 'xxaxxbxxc')).toBe(true);
    expect(matchAwsLike('*a*b*c', 'xxaxxcxxb')).toBe(false);
  });

  it('Vault globs: * anywhere, ? is literal', () => {
    expect(matchVaultGlob('*', 'anything')).toBe(true);
    expect(matchVaultGlob('team-*', 'team-a')).toBe(true);
    expect(matchVaultGlob('*-reader', 's3-reader')).toBe(true);
    expect(matchVaultGlob('a*b*c', 'abc')).toBe(true);
    expect(matchVaultGlob('a?c', 'abc')).toBe(false);
    expect(matchVaultGlob('a?c', 'a?c')).toBe(true);
    expect(matchVaultGlob('', '')).toBe(true);
    expect(matchVaultGlob('', 'x')).toBe(false);
  });

  it('refuses pairs too large to match safely instead of freezing', () => {
    const side = Math.ceil(Math.sqrt(MAX_WILDCARD_WORK)) + 10;
    expect(matchAwsLike('*'.repeat(side), 'a'.repeat(side))).toBeNull();
  });

  it('a hostile pattern at the size limit completes', async () => {
    const outcome = await runInWorker({
      base: import.meta.url,
      module: './wildcards.ts',
      exportName: 'matchAwsLike',
      args: [`${'*a'.repeat(1000)}b`, 'a'.repeat(4000)],
      timeoutMs: 20_000,
      summarize: true,
    });
    expect(outcome).toMatchObject({ completed: true, value: false });
  });
});
