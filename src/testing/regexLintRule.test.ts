/**
 * The lint guard against "any character" runs in regexes (eslint.config.js) bites: ESLint's own
 * API lints probe sources as if they sat in src/, and must report each banned form.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function restricted(source: string, filePath = 'src/core/input/probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('lint: no "any character" runs in regexes in src', () => {
  it.each([
    ['[\\s\\S]* between anchors', 'export const A = /^Name:[\\s\\S]*^Data$/m;'],
    ['a lazy [\\s\\S]*?', 'export const A = /BEGIN[\\s\\S]*?END/g;'],
    ['[\\S\\s]+', 'export const A = /a[\\S\\s]+b/;'],
    ['[^]*', 'export const A = /a[^]*b/;'],
    ['[\\w\\W]{0,}', 'export const A = /a[\\w\\W]{0,}b/;'],
    ['.* under the s flag', 'export const A = /a.*b/s;'],
    ['new RegExp with a string', "export const A = new RegExp('a[\\\\s\\\\S]*b');"],
    ['RegExp() with a template', 'export const A = RegExp(`a[\\\\s\\\\S]*b`);'],
  ])('reports %s', async (_name, source) => {
    expect(await restricted(source)).toEqual([expect.stringMatching(/^A run of "any character" in a regex/)]);
  }, 30_000);

  it('leaves line-local patterns, escaped brackets and .* without the s flag alone', async () => {
    expect(await restricted('export const A = [/^[ \\t]*kind:/m, /\\[\\s\\S\\]*/, /a.*b/, /a\\.*b/s, new RegExp("[ \\\\t]*")];')).toEqual([]);
  }, 30_000);

  it('exempts tests', async () => {
    expect(await restricted('export const A = /a[\\s\\S]*b/;', 'src/core/input/probe.test.ts')).toEqual([]);
  }, 30_000);
});
