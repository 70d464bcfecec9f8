import { describe, expect, it } from 'vitest';
import { trailingRunStart, withoutTrailing } from './trailing';

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
});
