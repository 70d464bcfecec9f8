import { describe, expect, it } from 'vitest';
import type { ClaimVerdict } from '../verify/validateClaims';
import { authenticationGate } from './authenticationGate';

const verdict = (accepted: boolean, codes: string[]): ClaimVerdict => ({
  accepted,
  path: 'bound',
  reasons: codes.map((code) => ({ code, message: `${code} message` })),
  warnings: [],
  notCheckable: [],
  targetAudiences: [],
});

describe('authenticationGate', () => {
  it('an accepted token reaches RBAC', () => {
    expect(authenticationGate(verdict(true, []))).toMatchObject({ state: 'accepted', reasons: [] });
  });

  it('an expired token is refused with 401 whatever the key, and says why', () => {
    const gate = authenticationGate(verdict(false, ['expired', 'signature-not-checked']));
    expect(gate.state).toBe('refused');
    expect(gate.summary).toContain('401');
    expect(gate.reasons.map((r) => r.code)).toEqual(['expired']);
  });

  it('only an unchecked signature leaves it undecided', () => {
    expect(authenticationGate(verdict(false, ['signature-not-checked'])).state).toBe('undecided');
  });

  it('a signature that fails is a refusal, not a missing key', () => {
    expect(authenticationGate(verdict(false, ['signature-invalid'])).state).toBe('refused');
  });
});
