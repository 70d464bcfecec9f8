import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonStrict } from './parseJsonStrict';

function errorOf(text: string) {
  const r = parseJsonStrict(text);
  if (r.ok) throw new Error(`expected an error for ${text}`);
  return r.error;
}

describe('parseJsonStrict', () => {
  it('returns the same value as JSON.parse for valid documents', () => {
    const text = '{"a":1,"b":[true,false,null,"x\\u0041"],"c":{"d":-1.5e3}}';
    const r = parseJsonStrict(text);
    expect(r.ok && r.value).toEqual(JSON.parse(text));
  });

  it('names the position and what was expected', () => {
    const e = errorOf('{"a" 1}');
    expect(e.message).toMatch(/Expected ":" after member name "a", found "1"/);
    expect(e.offset).toBe(5);
    expect(e.message).toContain('position 6, line 1, column 6');
  });

  it('counts lines and columns', () => {
    const e = errorOf('{\n  "a": 1,\n  "b": x\n}');
    expect(e.line).toBe(3);
    expect(e.column).toBe(8);
  });

  it.each([
    ['{"a":1,}', /Trailing comma before "}"/],
    ['[1,2,]', /Trailing comma before "]"/],
    ['"abc', /Unterminated string/],
    ['{"a":tru}', /Unexpected "t": expected a value/],
    ['{"a":01}', /Invalid number/],
    ['[] x', /after the end of the JSON value/],
    ["{'a':1}", /Expected a member name in double quotes, found "'"/],
    ['{"a":"\u0001"}', /Unescaped control character U\+0001 inside a string/],
    ['{"a":"\\x"}', /Invalid escape/],
    ['', /empty/],
    ['{"a":1', /Unexpected end of the text: expected "," or "}"/],
  ])('rejects %j', (text, message) => {
    expect(errorOf(text).message).toMatch(message);
  });

  it('reports duplicate member names with every value, at any depth', () => {
    const r = parseJsonStrict('{"sub":"a","x":{"k":1,"k":2},"sub":"b"}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.facts.duplicates).toEqual([
      { path: 'x', name: 'k', values: ['1', '2'] },
      { path: '', name: 'sub', values: ['"a"', '"b"'] },
    ]);
  });

  it('flags integers JavaScript cannot hold exactly', () => {
    const r = parseJsonStrict('{"exp":12345678901234567890,"ok":9007199254740991}');
    expect(r.ok && r.facts.unsafeIntegers).toEqual([{ path: 'exp', literal: '12345678901234567890' }]);
  });

  it('refuses deep nesting with a message instead of overflowing the stack', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const e = errorOf(deep);
    expect(e.code).toBe('json-too-deep');
    expect(e.message).toContain(`nested too deeply (more than ${MAX_JSON_DEPTH} levels)`);
  });

  it('keeps __proto__ as plain data', () => {
    const r = parseJsonStrict('{"__proto__":{"polluted":true}}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) expect(Object.keys(r.value as object)).toEqual(['__proto__']);
  });
});
