import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { FIXTURE_IAT, readFixture } from '../../testing/fixtures';
import { evaluateValidity, readTimeClaims } from './validity';

const claimsOf = (file: string) => decodeToken(readFixture(file)).claims;

describe('evaluateValidity (kube-apiserver view, 60 s leeway)', () => {
  const pod = claimsOf('tokens/pod-bound.jwt');
  const exp = FIXTURE_IAT + 3607;

  it('is valid inside the window, with time left and lifetime', () => {
    const v = evaluateValidity(pod, FIXTURE_IAT + 1200);
    expect(v.state).toBe('valid');
    expect(v.secondsLeft).toBe(2407);
    expect(v.lifetimeSeconds).toBe(3607);
    expect(v.headline).toBe('Valid: expires in 40 minutes (40 min 7 s left).');
  });

  it('is still accepted 30 s after exp, and says so', () => {
    const v = evaluateValidity(pod, exp + 30);
    expect(v.state).toBe('valid');
    expect(v.inLeewayAfterExpiry).toBe(true);
    expect(v.headline).toBe('Expired 30 s ago — the API server still accepts it for 30 s (60 s leeway).');
  });

  it('is expired once the leeway is over', () => {
    expect(evaluateValidity(pod, exp + 61).state).toBe('expired');
    expect(evaluateValidity(pod, exp + 60).state).toBe('valid');
  });

  it('is not yet valid more than 60 s before nbf', () => {
    expect(evaluateValidity(pod, FIXTURE_IAT - 61).state).toBe('not-yet-valid');
    const early = evaluateValidity(pod, FIXTURE_IAT - 30);
    expect(early.state).toBe('valid');
    expect(early.details[0]).toMatch(/leeway already accepts it/);
  });

  it('flags a token issued in the future', () => {
    expect(evaluateValidity(pod, FIXTURE_IAT - 61).issuedInFuture).toBe(true);
    expect(evaluateValidity(pod, FIXTURE_IAT - 60).issuedInFuture).toBe(false);
  });

  it('has no expiry for a legacy token', () => {
    const v = evaluateValidity(claimsOf('tokens/legacy-secret.jwt'), FIXTURE_IAT);
    expect(v.state).toBe('no-expiry');
    expect(v.lifetimeSeconds).toBeNull();
  });

  it('uses a custom leeway', () => {
    expect(evaluateValidity(pod, exp + 30, 0).state).toBe('expired');
  });

  it('refuses an unreadable exp with a message', () => {
    const v = evaluateValidity({ exp: 'soon' }, FIXTURE_IAT);
    expect(v.state).toBe('expired');
    expect(v.headline).toMatch(/exp is the string "soon"/);
  });

  it('reads warnafter from the kubernetes.io object', () => {
    const names = readTimeClaims(claimsOf('tokens/pod-bound-extended.jwt')).map((t) => t.name);
    expect(names).toEqual(['exp', 'nbf', 'iat', 'kubernetes.io.warnafter']);
  });
});
