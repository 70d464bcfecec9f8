import { describe, expect, it } from 'vitest';
import { escapeInvisibleInJson, revealInvisible } from './revealInvisible';

describe('revealInvisible', () => {
  it('marks right-to-left overrides and zero-width characters', () => {
    const r = revealInvisible('system:serviceaccount:\u202Edefault\u200B:a');
    expect(r.text).toBe('system:serviceaccount:⟦U+202E⟧default⟦U+200B⟧:a');
    expect(r.hidden).toBe(2);
  });

  it('leaves ordinary text, including non-Latin scripts, alone', () => {
    expect(revealInvisible('namespace-ü-日本')).toEqual({ text: 'namespace-ü-日本', hidden: 0 });
  });

  it('marks NUL and other control characters', () => {
    expect(revealInvisible('a\u0000b\u0007').text).toBe('a⟦U+0000⟧b⟦U+0007⟧');
  });
});

describe('escapeInvisibleInJson', () => {
  it('escapes hidden characters so the JSON parses to the same value', () => {
    const value = { sub: 'system:serviceaccount:\u202Edefault:a\u200B', tag: '\u{E0041}x' };
    const r = escapeInvisibleInJson(JSON.stringify(value, null, 2));
    expect(r.hidden).toBe(3);
    expect(r.text).toContain('\\u202e');
    expect(r.text).toContain('\\udb40\\udc41');
    expect(JSON.parse(r.text)).toEqual(value);
  });
});
