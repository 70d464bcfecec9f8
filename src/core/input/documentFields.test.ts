import { describe, expect, it } from 'vitest';
import { field, nonEmptyText, quoted, recordAt, shortText, stringList, stringMap, textOf } from './documentFields';

describe('documentFields', () => {
  it('reads own properties only', () => {
    const doc = JSON.parse('{"__proto__":{"x":1},"a":{"b":2}}') as unknown;
    expect(field(doc, 'x')).toBeUndefined();
    expect(field(doc, 'toString')).toBeUndefined();
    expect(recordAt(doc, 'a')).toEqual({ b: 2 });
    expect(recordAt(doc, '__proto__')).toEqual({ x: 1 });
    expect(field([1], '0')).toBeUndefined();
  });

  it('turns YAML scalars into text', () => {
    expect(textOf(12345)).toBe('12345');
    expect(textOf(true)).toBe('true');
    expect(textOf(Number.NaN)).toBeNull();
    expect(textOf({})).toBeNull();
    expect(nonEmptyText('  ')).toBeNull();
  });

  it('keeps only strings in maps and lists', () => {
    expect(stringMap({ a: 'x', b: 2, c: null, d: [] })).toEqual({ a: 'x', b: '2' });
    expect(stringList(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(stringList('a')).toEqual(['a']);
    expect(stringList(null)).toEqual([]);
  });

  it('quotes and bounds values shown in messages', () => {
    expect(quoted('a\nb')).toBe('"a\\nb"');
    expect(quoted('x'.repeat(10), 4)).toBe('"xxxx…"');
  });

  it('cuts long values with an ellipsis, never inside a surrogate pair', () => {
    expect(shortText('abc', 3)).toBe('abc');
    expect(shortText('abcd', 3)).toBe('abc…');
    expect(shortText('ab😀cd', 3)).toBe('ab…');
    expect(shortText('x'.repeat(10_000_000)).length).toBe(201);
  });
});
