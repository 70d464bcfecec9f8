import { describe, expect, it } from 'vitest';
import { trailingRunLength, trimTrailing } from './trailingRun';

describe('trailingRunLength / trimTrailing', () => {
  it('counts and removes only the run at the very end', () => {
    expect(trailingRunLength('abc==', '=')).toBe(2);
    expect(trailingRunLength('a=b', '=')).toBe(0);
    expect(trailingRunLength('===', '=')).toBe(3);
    expect(trailingRunLength('', '=')).toBe(0);
    expect(trimTrailing('https://a.example///', '/')).toBe('https://a.example');
    expect(trimTrailing('a/b', '/')).toBe('a/b');
  });
});
