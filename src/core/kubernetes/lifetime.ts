import type { DecodedToken } from '../jws/decodeToken';
import { formatDuration, formatUtc } from '../time/formatTime';
import { API_SERVER_LEEWAY_SECONDS, readTimeClaims } from '../time/validity';
import { readBoundClaims } from './kubernetesClaims';

/**
 * Admission-injected pod tokens request 60*60 + 7 s (WarnOnlyBoundTokenExpirationSeconds,
 * kubernetes/kubernetes pkg/serviceaccount/claims.go).
 */
export const ADMISSION_TOKEN_SECONDS = 3607;
/** ExpirationExtensionSeconds: 365 days (pkg/serviceaccount/claims.go too). */
export const EXTENDED_EXPIRATION_SECONDS = 365 * 24 * 60 * 60;
/**
 * Kubelet token manager: refresh after 24 h at the latest, with up to 10 s jitter
 * (kubernetes/kubernetes pkg/kubelet/token/token_manager.go).
 */
export const KUBELET_MAX_TTL_SECONDS = 24 * 60 * 60;
export const KUBELET_MAX_JITTER_SECONDS = 10;

export interface LifetimeOptions {
  /** TokenRequest status.expirationTimestamp, in seconds. */
  expirationTimestamp?: number;
  /** The requested spec.expirationSeconds, when known. */
  requestedTtlSeconds?: number;
}

export interface KubeletRefresh {
  /** iat + min(80 % of the requested TTL, 24 h); the kubelet subtracts 0–10 s of jitter. */
  at: number;
  afterSeconds: number;
  rule: '80%' | '24h';
  due: boolean;
  jitterSeconds: number;
}

export interface Lifetime {
  iat: number | null;
  exp: number | null;
  warnafter: number | null;
  extended: boolean;
  /** exp − iat. */
  hardLifetimeSeconds: number | null;
  /** warnafter − iat for extended tokens, else exp − iat. */
  effectiveLifetimeSeconds: number | null;
  /** warnafter for extended tokens, else exp. */
  effectiveEnd: number | null;
  /** The TTL the token was requested with (what the kubelet's refresh rule uses). */
  requestedTtlSeconds: number | null;
  ttlSource: 'option' | 'expiration-timestamp' | 'warnafter' | 'exp' | null;
  /** For pod-bound tokens: when a kubelet-managed (projected) token is refreshed. */
  kubeletRefresh: KubeletRefresh | null;
  /** now > warnafter: still accepted, but logged as stale (kubernetes/kubernetes pkg/serviceaccount/claims.go). */
  stale: boolean;
  secondsPastWarnafter: number | null;
  leewaySeconds: number;
  /** exp + leeway: the last instant kube-apiserver accepts it. */
  acceptedUntil: number | null;
  expirationTimestamp: number | null;
  /** TokenRequest expirationTimestamp earlier than exp: the API server extended it. */
  extensionRevealed: boolean;
  /** Sentences for the time panel. */
  notes: string[];
}

function positive(n: number | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

/**
 * Lifetimes: for extended tokens the effective lifetime beside the hard exp,
 * the kubelet's refresh instant, staleness past warnafter and the 60 s leeway.
 */
export function lifetimeOf(decoded: DecodedToken, nowSeconds: number, options: LifetimeOptions = {}): Lifetime {
  const times = readTimeClaims(decoded.claims);
  const read = (name: string) => {
    const d = times.find((t) => t.name === name)?.date;
    return d?.ok ? d.seconds : null;
  };
  const iat = read('iat');
  const exp = read('exp');
  const warnafter = read('kubernetes.io.warnafter');
  const bound = readBoundClaims(decoded.claims);
  const extended = bound?.hasWarnafter ?? false;
  const notes: string[] = [];

  const hard = iat !== null && exp !== null ? exp - iat : null;
  const effective = extended ? (iat !== null && warnafter !== null ? warnafter - iat : null) : hard;
  const expirationTimestamp = positive(options.expirationTimestamp) ? options.expirationTimestamp : null;

  let requested: number | null = null;
  let ttlSource: Lifetime['ttlSource'] = null;
  if (positive(options.requestedTtlSeconds)) {
    requested = Math.floor(options.requestedTtlSeconds);
    ttlSource = 'option';
  } else if (expirationTimestamp !== null && iat !== null && expirationTimestamp > iat) {
    // The kubelet works the other way round: iat = expirationTimestamp − expirationSeconds.
    requested = expirationTimestamp - iat;
    ttlSource = 'expiration-timestamp';
  } else if (extended && effective !== null && effective > 0) {
    requested = effective;
    ttlSource = 'warnafter';
  } else if (hard !== null && hard > 0) {
    requested = hard;
    ttlSource = 'exp';
  }

  if (extended && effective !== null && hard !== null) {
    notes.push(`Extended: effective lifetime ${formatDuration(effective)} (${effective} s, until warnafter); hard expiry ${formatDuration(hard)} after issue (exp).`);
  } else if (hard !== null) {
    notes.push(`Lifetime ${formatDuration(hard)} (exp − iat = ${hard} s).`);
  }
  if (!extended && bound?.pod && hard === ADMISSION_TOKEN_SECONDS) {
    notes.push(
      // storage/token.go extends every pod-bound request for exactly 3607 s, hand-written volumes too;
      // the audience condition exists from 1.24 (VERSION_RULES.extensionAudienceRule, PR #105954).
      `It lives ${ADMISSION_TOKEN_SECONDS} s, what admission-injected pod tokens request, yet it was not extended: the API server runs with --service-account-extend-token-expiration=false, or (from 1.24) the token has audiences beyond the API server’s. Otherwise any pod-bound request for exactly 3607 s is extended, a hand-written projected volume too.`,
    );
  }

  let kubeletRefresh: KubeletRefresh | null = null;
  if (bound?.pod && iat !== null && requested !== null) {
    // token_manager.go: refresh once older than 80 % of the requested TTL (integer math TTL*20/100) or 24 h.
    const eighty = requested - Math.floor((requested * 20) / 100);
    const afterSeconds = Math.min(eighty, KUBELET_MAX_TTL_SECONDS);
    const at = iat + afterSeconds;
    kubeletRefresh = { at, afterSeconds, rule: eighty <= KUBELET_MAX_TTL_SECONDS ? '80%' : '24h', due: nowSeconds >= at, jitterSeconds: KUBELET_MAX_JITTER_SECONDS };
    notes.push(
      `If the kubelet manages it (a projected volume), it fetches a new token ${formatDuration(afterSeconds)} after issue (${kubeletRefresh.rule === '80%' ? `80 % of the requested ${requested} s` : 'the 24 h cap'}), less 0–${KUBELET_MAX_JITTER_SECONDS} s of jitter: ${formatUtc(at)}${kubeletRefresh.due ? ', already past' : ''}.`,
    );
  }

  const stale = warnafter !== null && nowSeconds > warnafter;
  if (stale && warnafter !== null) {
    notes.push(`Stale: ${formatDuration(nowSeconds - warnafter)} past warnafter. The API server still accepts it, but logs authentication.k8s.io/stale-token for every use.`);
  }
  const acceptedUntil = exp !== null ? exp + API_SERVER_LEEWAY_SECONDS : null;
  if (acceptedUntil !== null) {
    notes.push(`kube-apiserver allows ${API_SERVER_LEEWAY_SECONDS} s of clock skew: it accepts the token until ${formatUtc(acceptedUntil)} (exp + ${API_SERVER_LEEWAY_SECONDS} s).`);
  }
  const extensionRevealed = expirationTimestamp !== null && exp !== null && expirationTimestamp < exp;
  if (extensionRevealed && expirationTimestamp !== null && exp !== null) {
    notes.push(`The TokenRequest’s status.expirationTimestamp (${formatUtc(expirationTimestamp)}) is earlier than exp (${formatUtc(exp)}): the API server extended this token.`);
  }

  return {
    iat,
    exp,
    warnafter,
    extended,
    hardLifetimeSeconds: hard,
    effectiveLifetimeSeconds: effective,
    effectiveEnd: extended ? warnafter : exp,
    requestedTtlSeconds: requested,
    ttlSource,
    kubeletRefresh,
    stale,
    secondsPastWarnafter: stale && warnafter !== null ? nowSeconds - warnafter : null,
    leewaySeconds: API_SERVER_LEEWAY_SECONDS,
    acceptedUntil,
    expirationTimestamp,
    extensionRevealed,
    notes,
  };
}
