import { nonCanonicalTail } from '../jws/base64url';
import type { DecodedToken } from '../jws/decodeToken';
import { withoutTrailing } from '../text/trailing';
import { formatDuration, formatRelative, formatUtc } from '../time/formatTime';
import { API_SERVER_LEEWAY_SECONDS, type Validity } from '../time/validity';
import type { Classification } from './classifyToken';
import { FINDING_CATALOGUE, FINDING_CODES, makeFinding, type Finding } from './findingCatalogue';
import type { Identity } from './identity';
import { KUBERNETES_ALGORITHMS, audiences, headerString, readBoundClaims, show, stringClaim } from './kubernetesClaims';
import type { Lifetime } from './lifetime';
import { behaviourOf, minorOf, type ClusterSettings, type VersionBehaviour } from './versions';

export type { Finding } from './findingCatalogue';

/** What the token came in, when that adds to the findings. */
export interface FindingContext {
  /** TokenRequest status.expirationTimestamp, in seconds (lifetimeOf reads it). */
  expirationTimestamp?: number;
  /** Labels of the Secret the token came from: the legacy token tracker's and cleaner's. */
  legacyTokenInvalidSince?: string;
  legacyTokenLastUsed?: string;
  /** Audiences the user says the API server accepts (--api-audiences), besides the defaults. */
  apiAudiences?: string[];
}

const API_SERVER_AUDIENCE = /^(?:https:\/\/)?kubernetes\.default\.svc(?:\.[a-z0-9-]+)*\/?$/i;

/** Is this audience one kube-apiserver accepts by default: its issuer or a kubernetes.default.svc form? */
export function isApiServerAudience(aud: string, iss: string | null, extra: string[] = []): boolean {
  return aud === iss || extra.includes(aud) || API_SERVER_AUDIENCE.test(aud);
}

const SEVERITY_RANK = { danger: 0, warning: 1, info: 2 } as const;
const BOUND_KINDS = new Set(['pod-bound', 'secret-bound', 'node-bound', 'unbound']);

function timeFindings(validity: Validity, now: number, out: Finding[], b: VersionBehaviour): void {
  const get = (name: string) => validity.times.find((t) => t.name === name)?.date;
  const unreadable = validity.times.filter((t) => !t.date.ok);
  if (unreadable.length) {
    out.push(makeFinding('bad-time-claim', { problems: unreadable.map((t) => `${t.name} ${t.date.ok ? '' : t.date.message}.`).join(' ') }));
  }
  const leeway = API_SERVER_LEEWAY_SECONDS;
  const exp = get('exp');
  const nbf = get('nbf');
  const iat = get('iat');
  // Same rules and leeway as the validity banner (time/validity.ts).
  if (validity.state === 'not-yet-valid' && nbf?.ok) {
    out.push(makeFinding('not-yet-valid', { nbf: formatUtc(nbf.seconds), until: formatRelative(nbf.seconds, now), leeway }));
  }
  if (validity.state === 'expired' && exp?.ok) {
    out.push(makeFinding('expired', { exp: formatUtc(exp.seconds), ago: formatRelative(exp.seconds, now), leeway }));
  }
  if (validity.inLeewayAfterExpiry && exp?.ok) {
    out.push(makeFinding('in-leeway', { exp: formatUtc(exp.seconds), left: formatDuration(exp.seconds + leeway - now), leeway }));
  }
  if (validity.issuedInFuture && iat?.ok) {
    out.push(makeFinding('issued-in-future', { iat: formatUtc(iat.seconds), until: formatRelative(iat.seconds, now), leeway, iatUnchecked: !b.checksIat }));
  }
}

/** "the header", "header and signature each": the segments a finding is about. */
function segmentList(names: string[]): string {
  const text = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${text}${names.length > 1 ? ' each' : ''}`;
}

function encodingFindings(decoded: DecodedToken, out: Finding[]): void {
  const segments = [
    ['header', decoded.header.raw],
    ['payload', decoded.payload.raw],
    ['signature', decoded.signature.raw],
  ] as const;
  const loose = segments.filter(([, raw]) => /[=+/]/.test(raw)).map(([name]) => name);
  if (loose.length) out.push(makeFinding('not-raw-base64url', { segments: segmentList(loose) }));
  const respelled = segments.filter(([, raw]) => nonCanonicalTail(withoutTrailing(raw, '=')) !== null).map(([name]) => name);
  if (respelled.length) out.push(makeFinding('non-canonical-base64url', { segments: segmentList(respelled) }));
  for (const [where, facts] of [
    ['header', decoded.header.facts],
    ['payload', decoded.payload.facts],
  ] as const) {
    for (const dup of facts?.duplicates ?? []) {
      out.push(
        makeFinding('duplicate-claim', {
          where,
          name: show(dup.path ? `${dup.path}.${dup.name}` : dup.name),
          values: dup.values.join(', then '),
        }),
      );
    }
  }
}

/** What the finding rules read, each computed once by inspectToken and handed down. */
export interface FindingInputs {
  decoded: DecodedToken;
  classification: Classification;
  identity: Identity | null;
  /** lifetimeOf with the context's expirationTimestamp. */
  lifetime: Lifetime;
  /** evaluateValidity at the same instant, with the API server's leeway. */
  validity: Validity;
}

/**
 * Findings for a decoded token: what is wrong or worth knowing, each with an explanation and what
 * to do, texts from FINDING_CATALOGUE. Sorted by severity (danger first), then catalogue order.
 */
/** `cluster`: the chosen version and flags; texts that depend on the version follow it (D2, D3). */
export function findingsOf(inputs: FindingInputs, nowSeconds: number, context: FindingContext = {}, cluster: ClusterSettings = {}): Finding[] {
  const { decoded, classification, identity, lifetime: life, validity } = inputs;
  const b = behaviourOf(minorOf(cluster.version ?? 'latest'), cluster);
  const out: Finding[] = [];
  const claims = decoded.claims;
  const kind = classification.kind;
  const isKubernetes = kind !== 'not-kubernetes';
  const isBound = BOUND_KINDS.has(kind);

  const alg = headerString(decoded.headerObject, 'alg');
  if (alg !== null && alg.toLowerCase() === 'none') out.push(makeFinding('alg-none', {}));
  else if (isKubernetes && (alg === null || !(KUBERNETES_ALGORITHMS as readonly string[]).includes(alg))) {
    out.push(makeFinding('non-kubernetes-alg', { alg: alg === null ? '(missing)' : show(alg) }));
  }
  if (decoded.headerObject && decoded.headerObject.kid === '') out.push(makeFinding('kid-empty', { legacy: kind === 'legacy' }));
  encodingFindings(decoded, out);

  if (claims) timeFindings(validity, nowSeconds, out, b);
  if (claims && !Object.hasOwn(claims, 'exp')) out.push(makeFinding('no-expiry', { legacy: kind === 'legacy', refusedAsExpired: b.refusesMissingExp }));

  if (identity) {
    const refused = identity.problems.filter((p) => p.code === 'missing-claim' || p.code === 'invalid-name');
    if (refused.length) out.push(makeFinding('identity-invalid', { problems: refused.map((p) => p.message).join(' ') }));
    for (const p of identity.problems) {
      if (p.code === 'sub-invalid') out.push(makeFinding('sub-invalid', { detail: p.message }));
      if (p.code === 'sub-mismatch') out.push(makeFinding('sub-mismatch', { detail: p.message }));
    }
  }

  if (kind === 'legacy') {
    out.push(makeFinding('legacy-token', { secret: identity?.secret?.name ? `the Secret ${show(identity.secret.name)}` : 'its Secret' }));
    if (context.legacyTokenInvalidSince) out.push(makeFinding('legacy-token-invalidated', { since: context.legacyTokenInvalidSince }));
    if (context.legacyTokenLastUsed) out.push(makeFinding('legacy-token-last-used', { date: context.legacyTokenLastUsed }));
  }

  if (isBound) {
    const bound = readBoundClaims(claims);
    if (bound?.secret && (bound.pod || bound.node)) {
      const named = [bound.pod && 'a pod', 'a Secret', bound.node && 'a node'].filter(Boolean) as string[];
      out.push(makeFinding('multiple-bindings', { objects: named.join(' and ') }));
    }

    if (life.extended) {
      if (life.effectiveLifetimeSeconds !== null && life.hardLifetimeSeconds !== null) {
        out.push(makeFinding('extended-expiry', { effective: formatDuration(life.effectiveLifetimeSeconds), hard: formatDuration(life.hardLifetimeSeconds) }));
      }
      const expired = out.some((f) => f.code === 'expired');
      if (life.stale && life.warnafter !== null && !expired) {
        out.push(makeFinding('past-warnafter', { warnafter: formatUtc(life.warnafter), past: formatDuration(nowSeconds - life.warnafter) }));
      }
    } else if (life.hardLifetimeSeconds !== null && life.hardLifetimeSeconds > 24 * 60 * 60) {
      out.push(makeFinding('long-lived', { lifetime: formatDuration(life.hardLifetimeSeconds) }));
    }
    if (life.extensionRevealed && life.expirationTimestamp !== null && life.exp !== null) {
      out.push(makeFinding('extension-revealed', { expirationTimestamp: formatUtc(life.expirationTimestamp), exp: formatUtc(life.exp) }));
    }

    const aud = claims ? claims.aud : undefined;
    if (typeof aud === 'string') out.push(makeFinding('string-aud', { aud: show(aud) }));
    const list = audiences(claims);
    const iss = stringClaim(claims, 'iss');
    // Webhook-bound tokens may not use API server audiences at all.
    if (classification.variant !== 'webhook-bound' && list.length > 0 && !list.some((a) => isApiServerAudience(a, iss, context.apiAudiences))) {
      out.push(makeFinding('audience-not-apiserver', { aud: list.map((a) => show(a)).join(', '), iss: iss === null ? '(none)' : show(iss) }));
    }
  }

  const order = (code: string) => FINDING_CODES.indexOf(code as keyof typeof FINDING_CATALOGUE);
  return out.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || order(a.code) - order(b.code));
}
