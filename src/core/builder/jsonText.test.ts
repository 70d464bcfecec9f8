import { describe, expect, it } from 'vitest';
import { parseJsonStrict } from '../json/parseJsonStrict';
import { compactJsonText, formatForEditing, isSortedDeep, readJsonObjectText, rewriteHazard, stringifySorted } from './jsonText';

describe('readJsonObjectText', () => {
  it('reads an object', () => {
    const read = readJsonObjectText('{\n  "alg": "RS256"\n}', 'header');
    expect(read).toMatchObject({ ok: true, value: { alg: 'RS256' } });
  });
  it('names the segment, line and column of a syntax error', () => {
    const text = '{\n  "sub": "a",\n  "exp": 12,\n}';
    const read = readJsonObjectText(text, 'payload');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toMatchObject({ code: 'json-syntax', segment: 'payload', line: 4, column: 1 });
    expect(read.error.offset).toBe(text.lastIndexOf('}'));
    expect(read.error.message).toMatch(/^The payload is not valid JSON: .*line 4, column 1/);
  });
  it('refuses empty text, arrays and scalars', () => {
    expect(readJsonObjectText('  ', 'header')).toMatchObject({ ok: false, error: { code: 'empty-json', segment: 'header' } });
    expect(readJsonObjectText('["a"]', 'payload')).toMatchObject({ ok: false, error: { code: 'not-an-object', message: expect.stringContaining('an array') } });
    expect(readJsonObjectText('null', 'payload')).toMatchObject({ ok: false, error: { code: 'not-an-object', message: expect.stringContaining('null') } });
  });
});

describe('compactJsonText', () => {
  it('removes whitespace between tokens only', () => {
    const text = '{\n  "a b": "x \\" y\\\\",\n  "n": 1.50e3,\n  "a b": [ 1 , { } ]\r\n}';
    expect(compactJsonText(text)).toBe('{"a b":"x \\" y\\\\","n":1.50e3,"a b":[1,{}]}');
  });
  it('gives the same document back', () => {
    const text = '{ "x": "\\u0041\\n\\t", "y": [true, false, null] }';
    expect(JSON.parse(compactJsonText(text))).toEqual(JSON.parse(text));
  });
});

describe('stringifySorted', () => {
  it('sorts members at every level, including integer-like names JS would put first', () => {
    const value = { z: 1, b: { y: [{ d: 1, c: 2 }], a: null }, '10': 'ten', a: 'x' };
    expect(stringifySorted(value)).toBe('{"10":"ten","a":"x","b":{"a":null,"y":[{"c":2,"d":1}]},"z":1}');
  });
  it('indents like JSON.stringify when asked', () => {
    const value = { b: [1, 2], a: {}, c: [] };
    expect(stringifySorted(value, 2)).toBe(JSON.stringify({ a: {}, b: [1, 2], c: [] }, null, 2));
  });
});

describe('isSortedDeep and formatForEditing', () => {
  it('sees unsorted members at any depth', () => {
    expect(isSortedDeep({ a: 1, b: { c: 1, d: [{ e: 1 }] } })).toBe(true);
    expect(isSortedDeep({ a: 1, b: { d: 1, c: 1 } })).toBe(false);
    expect(isSortedDeep({ a: [{ y: 1, x: 2 }] })).toBe(false);
  });
  it('keeps the typed order of an unsorted document', () => {
    expect(formatForEditing({ sub: 'a', iat: 1 }, false)).toBe('{\n  "sub": "a",\n  "iat": 1\n}');
    expect(formatForEditing({ sub: 'a', iat: 1 }, true)).toBe('{\n  "iat": 1,\n  "sub": "a"\n}');
  });
});

describe('rewriteHazard', () => {
  const facts = (text: string) => {
    const parsed = parseJsonStrict(text);
    if (!parsed.ok) throw new Error('bad test JSON');
    return parsed.facts;
  };
  it('refuses to re-print documents that would lose a duplicate or round an integer', () => {
    expect(rewriteHazard(facts('{"a":1,"a":2}'), 'payload')).toMatchObject({ code: 'duplicate-member' });
    expect(rewriteHazard(facts('{"a":12345678901234567890}'), 'payload')).toMatchObject({ code: 'unsafe-integer', message: expect.stringContaining('12345678901234567890') });
    expect(rewriteHazard(facts('{"a":1}'), 'payload')).toBeNull();
  });
});
