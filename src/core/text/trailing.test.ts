import { describe, expect, it } from 'vitest';
import { trailingRunLength, trailingRunStart, withoutTrailing } from './trailing';

describe('withoutTrailing', () => {
  it.each([
    ['abc==', 'abc'],
    ['abc', 'abc'],
    ['===', ''],
    ['', ''],
    ['a=b=', 'a=b'],
  ])('%j → %j', (text, expected) => {
    expect(withoutTrailing(text, '=')).toBe(expected);
  });

  it('says where the run starts', () => {
    expect(trailingRunStart('ab//', '/')).toBe(2);
    expect(trailingRunStart('ab', '/')).toBe(2);
  });

  it('counts the run at the very end only', () => {
    expect(trailingRunLength('abc==', '=')).toBe(2);
    expect(trailingRunLength('a=b', '=')).toBe(0);
    expect(trailingRunLength('===', '=')).toBe(3);
    expect(withoutTrailing('https://a.example///', '/')).toBe('https://a.example');
  });
});
