import { claimAt } from '../claims/flattenClaims';
import { formatDuration, formatRelative } from './formatTime';
import { parseNumericDate, type NumericDate } from './numericDate';

/** go-jose's jwt.DefaultLeeway, which kube-apiserver uses for exp, nbf and iat (kubernetes/kubernetes pkg/serviceaccount/claims.go validator.Validate, v1.36). */
export const API_SERVER_LEEWAY_SECONDS = 60;

export type ValidityState = 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry';

export interface TimeClaim {
  name: 'exp' | 'nbf' | 'iat' | 'kubernetes.io.warnafter';
  date: NumericDate;
}

export interface Validity {
  state: ValidityState;
  /** One line for the banner. */
  headline: string;
  /** Further lines: leeway, strict RFC view, unreadable dates. */
  details: string[];
  times: TimeClaim[];
  /** exp − iat, when both are readable. */
  lifetimeSeconds: number | null;
  /** exp − now (negative once expired). */
  secondsLeft: number | null;
  /** Past exp, but the API server's leeway still covers it. */
  inLeewayAfterExpiry: boolean;
  /** iat later than now + leeway: kube-apiserver says "issued in the future". */
  issuedInFuture: boolean;
}

const TIME_CLAIMS: TimeClaim['name'][] = ['exp', 'nbf', 'iat', 'kubernetes.io.warnafter'];

/** Reads the time claims that are present (absent ones are left out). */
export function readTimeClaims(claims: Record<string, unknown> | null): TimeClaim[] {
  const out: TimeClaim[] = [];
  for (const name of TIME_CLAIMS) {
    const value = claimAt(claims, name);
    if (value !== undefined) out.push({ name, date: parseNumericDate(value) });
  }
  return out;
}

/**
 * Is the token usable at `nowSeconds`, as kube-apiserver would judge it: expired only when
 * now > exp + leeway, not yet valid when now < nbf − leeway (kubernetes/kubernetes pkg/serviceaccount/claims.go validator.Validate, v1.36).
 */
export function evaluateValidity(
  claims: Record<string, unknown> | null,
  nowSeconds: number,
  leewaySeconds: number = API_SERVER_LEEWAY_SECONDS,
): Validity {
  const times = readTimeClaims(claims);
  const get = (name: TimeClaim['name']) => times.find((t) => t.name === name)?.date;
  const exp = get('exp');
  const nbf = get('nbf');
  const iat = get('iat');
  const details: string[] = [];
  for (const t of times) {
    if (!t.date.ok) details.push(`${t.name} ${t.date.message}.`);
    else for (const note of t.date.notes) details.push(`${t.name} ${note}.`);
  }
  const lifetimeSeconds = exp?.ok && iat?.ok ? exp.seconds - iat.seconds : null;
  const secondsLeft = exp?.ok ? exp.seconds - nowSeconds : null;
  const issuedInFuture = !!iat?.ok && iat.seconds > nowSeconds + leewaySeconds;
  const base = { details, times, lifetimeSeconds, secondsLeft, issuedInFuture, inLeewayAfterExpiry: false };
  const rel = (s: number) => formatRelative(s, nowSeconds);

  if (nbf?.ok && nowSeconds < nbf.seconds - leewaySeconds) {
    return { ...base, state: 'not-yet-valid', headline: `Not valid yet: valid from ${rel(nbf.seconds)} (nbf).` };
  }
  if (nbf?.ok && nowSeconds < nbf.seconds) {
    details.unshift(`nbf is ${formatDuration(nbf.seconds - nowSeconds)} away; the API server’s ${leewaySeconds} s leeway already accepts it.`);
  }
  if (exp === undefined) {
    return { ...base, state: 'no-expiry', headline: 'No expiry: this token has no exp claim and is valid until its signing key or Secret is removed.' };
  }
  if (!exp.ok) {
    return { ...base, state: 'expired', headline: `Unusable: exp ${exp.message}, so no verifier can tell when it expires (kube-apiserver rejects it).` };
  }
  if (nowSeconds > exp.seconds + leewaySeconds) {
    return { ...base, state: 'expired', headline: `Expired ${rel(exp.seconds)} (at exp; the API server’s ${leewaySeconds} s leeway is over too).` };
  }
  if (nowSeconds > exp.seconds) {
    const past = nowSeconds - exp.seconds;
    return {
      ...base,
      inLeewayAfterExpiry: true,
      state: 'valid',
      headline: `Expired ${formatDuration(past)} ago — the API server still accepts it for ${formatDuration(exp.seconds + leewaySeconds - nowSeconds)} (${leewaySeconds} s leeway).`,
      details: [`Strictly by RFC 7519 it is expired; kube-apiserver allows ${leewaySeconds} s of clock skew.`, ...details],
    };
  }
  return { ...base, state: 'valid', headline: `Valid: expires ${rel(exp.seconds)} (${formatDuration(exp.seconds - nowSeconds)} left).` };
}
