/**
 * Before any 403 comes a 401: kube-apiserver authenticates the token before it asks RBAC. This
 * reads the decoder's verdict (core/verify/validateClaims) as an answer to "would the request get
 * as far as RBAC at all?". Reasons that do not depend on keys (expired, wrong audience, unknown
 * issuer) refuse it outright; a signature nobody checked leaves it undecided, since the cluster's
 * key would decide.
 */
import type { ClaimVerdict, VerdictReason } from '../verify/validateClaims';

export type AuthenticationState = 'accepted' | 'refused' | 'undecided';

export interface AuthenticationGate {
  state: AuthenticationState;
  /** One line for the Access view. */
  summary: string;
  /** Every reason the token would be refused with 401, in the verdict's words. */
  reasons: VerdictReason[];
}

/** A reason that goes away with the right key: the signature was simply not checked. */
const KEY_DEPENDENT = new Set(['signature-not-checked']);

export function authenticationGate(verdict: ClaimVerdict): AuthenticationGate {
  if (verdict.accepted) {
    return { state: 'accepted', summary: 'The API server would authenticate this token (as far as can be checked offline), so RBAC decides what it may do.', reasons: [] };
  }
  const refusing = verdict.reasons.filter((r) => !KEY_DEPENDENT.has(r.code));
  if (refusing.length > 0) {
    const n = refusing.length;
    return {
      state: 'refused',
      summary: `The API server would not authenticate this token (${n} reason${n === 1 ? '' : 's'}): every request fails with 401 Unauthorized before RBAC is asked. The permissions below are what its identity would have with a valid token.`,
      reasons: refusing,
    };
  }
  return {
    state: 'undecided',
    summary: 'Nothing checkable offline stops the API server from authenticating this token, but its signature was not checked: add the cluster\'s key in the decoder to be sure. A token the cluster did not sign fails with 401 before RBAC is asked.',
    reasons: verdict.reasons,
  };
}
