import { describe, expect, it } from 'vitest';
import { bracketDepth, splitTopLevel, stripEnclosingParens } from './celSource';

describe('CEL source scanning', () => {
  it('measures bracket nesting outside string literals', () => {
    expect(bracketDepth("a.b == 'x'")).toBe(0);
    expect(bracketDepth("f([{'k': (1)}])")).toBe(4);
    expect(bracketDepth("a.matches('((((((((')")).toBe(1);
    expect(bracketDepth('"""((("""')).toBe(0);
    expect(bracketDepth('('.repeat(100))).toBe(100);
  });

  it('splits at top-level && and ||, not inside brackets or strings', () => {
    expect(splitTopLevel("a == 'x && y' && (b || c) && d", '&&')).toEqual(["a == 'x && y'", '(b || c)', 'd']);
    expect(splitTopLevel('a && b || c', '||')).toEqual(['a && b', 'c']);
    expect(splitTopLevel('a', '&&')).toEqual(['a']);
  });

  it('does not split an expression with a top-level conditional', () => {
    expect(splitTopLevel('a ? b : c || d', '||')).toBeNull();
    expect(splitTopLevel("x.startsWith('?') && y", '&&')).toEqual(["x.startsWith('?')", 'y']);
  });

  it('strips only brackets that enclose the whole expression', () => {
    expect(stripEnclosingParens(' (a && b) ')).toBe('a && b');
    expect(stripEnclosingParens('(a) && (b)')).toBeNull();
    expect(stripEnclosingParens('a')).toBeNull();
  });
});
