import { describe, expect, it } from 'vitest';
import { rewriteJsonObject } from './rewriteJson';

describe('rewriteJsonObject', () => {
  it('applies the change and keeps a sorted document sorted', () => {
    const result = rewriteJsonObject('{"b":1,"d":2}', 'payload', (v) => ({ ...v, c: 3 }));
    expect(result).toEqual({ ok: true, value: '{\n  "b": 1,\n  "c": 3,\n  "d": 2\n}' });
  });
  it('keeps the typed order of an unsorted document', () => {
    const result = rewriteJsonObject('{"sub":"x","iat":1}', 'payload', (v) => ({ ...v, exp: 2 }));
    expect(result).toEqual({ ok: true, value: '{\n  "sub": "x",\n  "iat": 1,\n  "exp": 2\n}' });
  });
  it('does not touch the caller’s parsed value (works on a copy)', () => {
    let seen: unknown;
    rewriteJsonObject('{"a":{"b":1}}', 'payload', (v) => {
      seen = v;
      return v;
    });
    expect(seen).toEqual({ a: { b: 1 } });
  });
  it('refuses invalid JSON and documents a rewrite would alter', () => {
    expect(rewriteJsonObject('{"a":', 'header', (v) => v)).toMatchObject({ ok: false, error: { code: 'json-syntax', segment: 'header' } });
    expect(rewriteJsonObject('{"a":1,"a":2}', 'payload', (v) => v)).toMatchObject({ ok: false, error: { code: 'duplicate-member' } });
  });
});
