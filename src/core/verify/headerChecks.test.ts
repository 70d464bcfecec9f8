import { describe, expect, it } from 'vitest';
import { checkHeader } from './headerChecks';

const check = (header: Record<string, unknown>, duplicates: string[] = []) => checkHeader(header, duplicates);

describe('checkHeader', () => {
  it('accepts a Kubernetes header and returns its algorithm and kid', () => {
    expect(check({ alg: 'RS256', kid: 'abc' })).toMatchObject({ ok: true, algorithm: { alg: 'RS256' }, kid: 'abc', notes: [] });
    expect(check({ alg: 'ES256', kid: '' })).toMatchObject({ ok: true, kid: '' });
    expect(check({ alg: 'HS256', typ: 'JWT' })).toMatchObject({ ok: true, kid: null });
  });

  it('reports alg none, in any spelling, as unsecured', () => {
    for (const alg of ['none', 'None', 'NONE']) expect(check({ alg })).toMatchObject({ ok: false, state: 'unsecured' });
    // Even with crit members that would otherwise be checked first.
    expect(check({ alg: 'none', crit: ['x'], x: 1 })).toMatchObject({ state: 'unsecured' });
  });

  it('refuses a missing or non-string alg and a non-string kid', () => {
    expect(check({})).toMatchObject({ ok: false, state: 'error', message: expect.stringMatching(/no "alg"/) });
    expect(check({ alg: 256 })).toMatchObject({ state: 'error' });
    expect(check({ alg: 'RS256', kid: 5 })).toMatchObject({ state: 'error', message: expect.stringMatching(/"kid" must be a string, not number/) });
  });

  it('says an unknown algorithm is unsupported', () => {
    expect(check({ alg: 'ES256K' })).toMatchObject({ ok: false, state: 'unsupported', message: expect.stringMatching(/"ES256K" is not supported/) });
  });

  it('refuses understood-nowhere crit extensions as unsupported, and malformed crit as an error', () => {
    expect(check({ alg: 'RS256', crit: ['exp'], exp: 1 })).toMatchObject({ state: 'unsupported', message: expect.stringMatching(/"exp" as critical/) });
    expect(check({ alg: 'RS256', crit: ['b64'], b64: false })).toMatchObject({ state: 'unsupported', message: expect.stringMatching(/RFC 7797/) });
    expect(check({ alg: 'RS256', crit: [] })).toMatchObject({ state: 'error' });
    expect(check({ alg: 'RS256', crit: 'exp', exp: 1 })).toMatchObject({ state: 'error' });
    expect(check({ alg: 'RS256', crit: [1] })).toMatchObject({ state: 'error' });
    expect(check({ alg: 'RS256', crit: ['alg'] })).toMatchObject({ state: 'error', message: expect.stringMatching(/standard parameters/) });
    expect(check({ alg: 'RS256', crit: ['ghost'] })).toMatchObject({ state: 'error', message: expect.stringMatching(/does not contain/) });
    expect(check({ alg: 'RS256', crit: ['constructor'] })).toMatchObject({ state: 'error', message: expect.stringMatching(/does not contain/) });
  });

  it('refuses an unencoded payload (b64: false) even without crit', () => {
    expect(check({ alg: 'HS256', b64: false })).toMatchObject({ state: 'unsupported' });
    expect(check({ alg: 'HS256', b64: 'no' })).toMatchObject({ state: 'error' });
    expect(check({ alg: 'HS256', b64: true })).toMatchObject({ ok: true });
  });

  it('refuses duplicate header members', () => {
    expect(check({ alg: 'RS256' }, ['alg'])).toMatchObject({ ok: false, state: 'error', message: expect.stringMatching(/"alg" more than once/) });
  });

  it('notes that a key carried in the header is ignored', () => {
    expect(check({ alg: 'RS256', jwk: { kty: 'RSA' }, x5u: 'https://x' })).toMatchObject({ ok: true, notes: [expect.stringMatching(/"jwk", "x5u"; it is ignored/)] });
  });
});
