/**
 * The four answers at the top of the results — what is this token, is it still good, is it
 * genuine, who will the API server think I am — as data the summary card only renders. Each
 * state carries an icon and a title as well as a tone, so colour is never the only signal.
 */
import { revealInvisible } from '../text/revealInvisible';
import { formatRelative } from '../time/formatTime';
import type { Validity, ValidityState } from '../time/validity';
import type { SignatureResult, SignatureState } from '../verify/verifySignature';
import type { Classification } from './classifyToken';
import type { Identity } from './identity';
import type { Lifetime } from './lifetime';

export type SummaryTone = 'neutral' | 'info' | 'good' | 'warning' | 'danger';
export type SummaryIcon = 'check' | 'cross' | 'alert' | 'info' | 'question' | 'clock';

export interface SummaryItem {
  /** What is answered: "Kind", "Time", "Signature", "Identity". */
  label: string;
  title: string;
  text: string;
  tone: SummaryTone;
  icon: SummaryIcon;
}

export interface TokenSummary {
  kind: SummaryItem & { kind: Classification['kind']; extended: boolean };
  time: SummaryItem & { state: ValidityState };
  signature: SummaryItem & { state: SignatureState | 'pending'; matchedKid: string | null; warnings: string[] };
  identity: SummaryItem & { username: string | null };
}

export interface SummaryInput {
  classification: Classification;
  validity: Validity;
  lifetime: Lifetime;
  /** Undefined while the signature is being checked. */
  signature: SignatureResult | undefined;
  identity: Identity | null;
  /** The instant everything is judged at (now, or the one chosen). */
  atSeconds: number;
  /** True when that instant was chosen by the user rather than "now". */
  pinned: boolean;
}

const ICON_OF: Record<SummaryTone, SummaryIcon> = { good: 'check', danger: 'cross', warning: 'alert', info: 'info', neutral: 'question' };
const item = (label: string, title: string, text: string, tone: SummaryTone, icon: SummaryIcon = ICON_OF[tone]): SummaryItem => ({ label, title, text, tone, icon });

function kindItem({ classification, lifetime, atSeconds }: SummaryInput): TokenSummary['kind'] {
  const { kind, extended } = classification;
  let text = classification.headline;
  if (extended && lifetime.warnafter !== null && lifetime.exp !== null) {
    // kube-apiserver extends a kubelet token's exp to a year and sets warnafter at the requested
    // expiry (k/k pkg/serviceaccount/claims.go): fresh until then, accepted until exp.
    text = `Extended expiry: fresh until warnafter (${formatRelative(lifetime.warnafter, atSeconds)}), hard expiry at exp (${formatRelative(lifetime.exp, atSeconds)}).`;
  }
  const tone: SummaryTone = kind === 'legacy' ? 'warning' : kind === 'not-kubernetes' ? 'neutral' : 'info';
  return { ...item('Kind', classification.title, text, tone, kind === 'not-kubernetes' ? 'question' : ICON_OF[tone]), kind, extended };
}

const TIME_TITLE: Record<ValidityState, string> = { valid: 'Valid', expired: 'Expired', 'not-yet-valid': 'Not valid yet', 'no-expiry': 'Never expires' };
const TIME_TONE: Record<ValidityState, SummaryTone> = { valid: 'good', expired: 'danger', 'not-yet-valid': 'warning', 'no-expiry': 'warning' };

function timeItem({ validity, pinned }: SummaryInput): TokenSummary['time'] {
  const { state } = validity;
  const tone = validity.inLeewayAfterExpiry ? 'warning' : TIME_TONE[state];
  const title = `${TIME_TITLE[state]}${validity.inLeewayAfterExpiry ? ' (within the leeway)' : ''}${pinned ? ' at the chosen time' : ''}`;
  return { ...item('Time', title, validity.headline, tone, state === 'no-expiry' || state === 'not-yet-valid' ? 'clock' : ICON_OF[tone]), state };
}

/** The signature's name for each state, shared with its detail view. */
export const SIGNATURE_TITLES: Record<SignatureState, string> = {
  verified: 'Verified',
  invalid: 'Invalid signature',
  'no-matching-key': 'No key with this kid',
  unsupported: 'Cannot verify here',
  unsecured: 'Unsigned (alg none)',
  error: 'Cannot verify',
  'no-key': "Not checked — add the cluster's public key",
};
export const SIGNATURE_TONES: Record<SignatureState, SummaryTone> = {
  verified: 'good',
  invalid: 'danger',
  'no-matching-key': 'warning',
  unsupported: 'warning',
  unsecured: 'danger',
  error: 'danger',
  // No key is no failure: the check simply was not asked for.
  'no-key': 'neutral',
};

function signatureItem({ signature }: SummaryInput): TokenSummary['signature'] {
  if (!signature) return { ...item('Signature', 'Checking…', 'The signature is being checked with the key given.', 'neutral', 'clock'), state: 'pending', matchedKid: null, warnings: [] };
  const tone = SIGNATURE_TONES[signature.state];
  return {
    ...item('Signature', SIGNATURE_TITLES[signature.state], signature.message, tone, signature.state === 'no-key' ? 'question' : ICON_OF[tone]),
    state: signature.state,
    matchedKid: signature.matchedKid ?? null,
    warnings: signature.warnings,
  };
}

function identityItem({ identity }: SummaryInput): TokenSummary['identity'] {
  if (!identity) return { ...item('Identity', 'No service account', 'The API server would not map this token to a service account.', 'neutral'), username: null };
  const username = identity.username === null ? null : revealInvisible(identity.username).text;
  const problem = identity.problems[0];
  const text = problem
    ? problem.message
    : `The username RBAC sees, in ${identity.groups.length} group${identity.groups.length === 1 ? '' : 's'}${identity.pod?.name ? `, for pod ${revealInvisible(identity.pod.name).text}` : ''}.`;
  const title = username ?? 'Username unknown: the claims lack a namespace or name';
  return { ...item('Identity', title, text, problem || !username ? 'warning' : 'info'), username };
}

export function summarizeToken(input: SummaryInput): TokenSummary {
  return { kind: kindItem(input), time: timeItem(input), signature: signatureItem(input), identity: identityItem(input) };
}
