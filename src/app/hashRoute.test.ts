import { describe, expect, it } from 'vitest';
import { hashTokenAction, parseHash, routeFragment } from './hashRoute';

describe('parseHash', () => {
  it('reads a view from the fragment, the decoder by default', () => {
    expect(parseHash('')).toEqual({ route: 'decoder', token: null });
    expect(parseHash('#')).toEqual({ route: 'decoder', token: null });
    expect(parseHash('#compare')).toEqual({ route: 'compare', token: null });
    expect(parseHash('#audit')).toEqual({ route: 'audit', token: null });
    expect(parseHash('#learn/timeline')).toEqual({ route: 'learn', token: null });
    expect(parseHash('#nowhere')).toEqual({ route: 'decoder', token: null });
    // A route is a whole word: "#compared" is not Compare.
    expect(parseHash('#compared')).toEqual({ route: 'decoder', token: null });
  });

  it('reads #token= as url-encoded text, with "+" as a space', () => {
    const secret = 'apiVersion: v1\nkind: Secret\ndata:\n  token: ZXlK+/=';
    expect(parseHash(`#token=${encodeURIComponent(secret)}`)).toEqual({ route: 'decoder', token: secret });
    expect(parseHash('#token=Bearer+abc')).toEqual({ route: 'decoder', token: 'Bearer abc' });
    expect(parseHash('#token=')).toEqual({ route: 'decoder', token: '' });
  });

  it('keeps malformed percent escapes as they are instead of failing', () => {
    expect(parseHash('#token=abc%E0%A4%A')).toEqual({ route: 'decoder', token: 'abc%E0%A4%A' });
  });

  it('reads a route and a token together, and stops the token at the next "&"', () => {
    expect(parseHash('#audit&token=a.b.c')).toEqual({ route: 'audit', token: 'a.b.c' });
    expect(parseHash('#compare?token=a.b.c')).toEqual({ route: 'compare', token: 'a.b.c' });
    expect(parseHash('#token=a.b.c&theme=dark')).toEqual({ route: 'decoder', token: 'a.b.c' });
    // "xtoken=" is another parameter, not the token.
    expect(parseHash('#audit&xtoken=a.b.c')).toEqual({ route: 'audit', token: null });
  });
});

describe('routeFragment', () => {
  it('is what stays in the address bar once the token is taken out: the route alone', () => {
    expect(routeFragment(parseHash('#compare&token=a.b.c').route)).toBe('#compare');
    expect(routeFragment(parseHash('#audit?token=a.b.c').route)).toBe('#audit');
    expect(routeFragment(parseHash('#token=a.b.c').route)).toBe('');
  });
});

describe('hashTokenAction', () => {
  it('fills an empty input directly', () => {
    expect(hashTokenAction('a.b.c', '')).toBe('fill');
    expect(hashTokenAction('a.b.c', '  \n')).toBe('fill');
  });

  it('offers, and never silently replaces, when the input holds other text', () => {
    expect(hashTokenAction('evil.b.c', 'mine.b.c')).toBe('offer');
  });

  it('does nothing for the input already there or for an empty token', () => {
    expect(hashTokenAction('a.b.c', 'a.b.c')).toBe('ignore');
    expect(hashTokenAction('', 'a.b.c')).toBe('ignore');
    expect(hashTokenAction(' ', '')).toBe('ignore');
  });
});
