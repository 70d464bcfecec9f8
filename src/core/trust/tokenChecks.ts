/**
 * What every relying party sees first: the token's claims, its kind and time validity (through
 * core/kubernetes and core/time, so the rules live in one place), and whether its issuer can be
 * discovered from outside the cluster.
 */
import type { DecodedToken } from '../jws/decodeToken';
import { classifyToken, type Classification } from '../kubernetes/classifyToken';
import { isApiServerAudience } from '../kubernetes/findings';
import { identityOf, type Identity } from '../kubernetes/identity';
import { audiences, headerString, show, stringClaim } from '../kubernetes/kubernetesClaims';
import { formatRelative, formatUtc } from '../time/formatTime';
import { evaluateValidity, type Validity } from '../time/validity';
import { classifyIssuer, type IssuerReach } from './issuerReach';
import { withoutTrailingSlash } from './urlText';
import { cannotEvaluate, makeTrustReason, type TrustEffect, type TrustReason } from './trustCatalogue';

export interface TokenContext {
  claims: Record<string, unknown>;
  iss: string | null;
  sub: string | null;
  /** `aud` as a list (a string aud becomes one entry). */
  aud: string[];
  alg: string | null;
  classification: Classification;
  /** Namespace, service account and user from core/kubernetes; null for non-Kubernetes tokens. */
  identity: Identity | null;
  validity: Validity;
  issuer: IssuerReach;
  nowSeconds: number;
}

export function readTokenContext(decoded: DecodedToken, nowSeconds: number): TokenContext | null {
  const claims = decoded.claims;
  if (!claims) return null;
  const classification = classifyToken(decoded);
  const iss = stringClaim(claims, 'iss');
  return {
    claims,
    iss,
    sub: stringClaim(claims, 'sub'),
    aud: audiences(claims),
    alg: headerString(decoded.headerObject, 'alg'),
    classification,
    identity: identityOf(decoded, classification),
    validity: evaluateValidity(claims, nowSeconds),
    issuer: classifyIssuer(iss),
    nowSeconds,
  };
}

/** How a relying party treats the things every token is judged on. */
export interface TokenPolicy {
  /** Who checks, for the texts (e.g. `AWS STS`). */
  rp: string;
  /** Legacy tokens: refused (OIDC relying parties) or accepted through TokenReview (Vault's Kubernetes method). */
  legacy: 'reject' | 'tokenreview';
  /**
   * Where the signing keys come from: the issuer's public discovery document, keys uploaded to
   * the relying party, the cluster's TokenReview, or the relying party's own config (not pasted).
   */
  keys: 'public-discovery' | 'uploaded' | 'tokenreview' | 'config' | 'cluster-discovery';
  /** Sentence for the relying-party-only reasons: its clock and leeway. */
  clock: string;
}

const REACH_CONSEQUENCE = 'It cannot fetch the keys from there, so it refuses the token whatever its configuration says.';

function issuerReasons(ctx: TokenContext, policy: TokenPolicy, out: TrustReason[]): void {
  const reach = ctx.issuer;
  const mustBePublic = policy.keys === 'public-discovery';
  const effect: TrustEffect = mustBePublic ? 'reject' : 'info';
  if (reach.kind === 'missing') {
    out.push(makeTrustReason('issuer-missing', policy.keys === 'tokenreview' ? 'info' : 'reject', 'token', {}));
    return;
  }
  if (policy.keys === 'tokenreview') return; // Vault's Kubernetes method never looks at iss for keys.
  if (reach.kind === 'not-https') out.push(makeTrustReason('issuer-not-https', effect, 'token', { iss: show(reach.iss), rp: policy.rp }));
  else if (reach.kind === 'not-public') {
    const consequence =
      policy.keys === 'uploaded'
        ? 'That is fine here, because the keys were uploaded to the provider.'
        : policy.keys === 'config' || policy.keys === 'cluster-discovery'
          ? `${policy.rp} must be able to reach it, or be configured with the keys or another discovery URL.`
          : `${policy.rp} ${REACH_CONSEQUENCE.charAt(0).toLowerCase()}${REACH_CONSEQUENCE.slice(1)}`;
    out.push(makeTrustReason('issuer-not-public', effect, 'token', { iss: show(reach.iss), why: reach.why, rp: policy.rp, consequence }));
  } else if (mustBePublic) out.push(makeTrustReason('issuer-public', 'info', 'relying-party-only', { iss: reach.iss, rp: policy.rp }));
}

/**
 * Reasons about the token alone: what makes it unusable for this relying party (unsigned, legacy,
 * expired, no expiry, issuer) and what is worth knowing (audience of the API server, not a
 * Kubernetes token). `null` context (no claims) gives one `cannot-evaluate`.
 */
export function tokenReasons(ctx: TokenContext | null, policy: TokenPolicy): TrustReason[] {
  if (!ctx) return [cannotEvaluate('token', 'the token', 'Paste a token in the decoder: its payload must be a JSON object of claims.')];
  const out: TrustReason[] = [];
  if (ctx.alg !== null && ctx.alg.toLowerCase() === 'none') out.push(makeTrustReason('token-unsigned', 'reject', 'token', {}));
  const kind = ctx.classification.kind;
  if (kind === 'legacy') {
    out.push(
      policy.legacy === 'reject'
        ? makeTrustReason('token-legacy', 'reject', 'token', { rp: policy.rp })
        : makeTrustReason('token-legacy-tokenreview', 'warn', 'token', {}),
    );
  } else if (kind === 'not-kubernetes') out.push(makeTrustReason('token-not-kubernetes', 'info', 'token', {}));

  const v = ctx.validity;
  const time = (name: string) => v.times.find((t) => t.name === name)?.date;
  const exp = time('exp');
  const nbf = time('nbf');
  if (v.state === 'expired') {
    out.push(
      makeTrustReason('token-expired', 'reject', 'token', {
        exp: exp?.ok ? formatUtc(exp.seconds) : 'unreadable',
        ago: exp?.ok ? formatRelative(exp.seconds, ctx.nowSeconds) : 'its exp claim is unreadable',
      }),
    );
  } else if (v.state === 'not-yet-valid' && nbf?.ok) {
    out.push(makeTrustReason('token-not-yet-valid', 'reject', 'token', { nbf: formatUtc(nbf.seconds), until: formatRelative(nbf.seconds, ctx.nowSeconds) }));
  } else if (v.state === 'no-expiry') {
    // A legacy token's missing exp is part of token-legacy; Vault's Kubernetes method allows it.
    if (kind !== 'legacy' && policy.legacy === 'reject') out.push(makeTrustReason('token-no-expiry', 'reject', 'token', {}));
  } else if (exp?.ok) out.push(makeTrustReason('token-time-valid', 'pass', 'token', { until: formatRelative(exp.seconds, ctx.nowSeconds) }));

  if (kind !== 'legacy' && ctx.aud.length > 0 && ctx.aud.every((a) => isApiServerAudience(a, ctx.iss))) {
    out.push(makeTrustReason('token-audience-api-server', 'warn', 'token', { aud: ctx.aud.map((a) => show(a)).join(', ') }));
  }
  issuerReasons(ctx, policy, out);
  return out;
}

const KEYS_TEXT: Record<TokenPolicy['keys'], (rp: string, iss: string) => string> = {
  'public-discovery': (rp, iss) => `${rp} verifies the signature with the keys it fetches from ${iss}/.well-known/openid-configuration (jwks_uri).`,
  uploaded: (rp) => `${rp} verifies the signature with the keys uploaded to it.`,
  tokenreview: () => 'The cluster verifies the signature when Vault sends the token to TokenReview (or Vault does, with the keys in its auth config).',
  config: (rp) => `${rp} verifies the signature with the keys in its own configuration (a JWKS URL, discovery URL or pasted public keys), which is not part of what you pasted.`,
  'cluster-discovery': (rp, iss) =>
    `${rp} verifies the signature with the keys it fetches from ${iss}/.well-known/openid-configuration, or from issuer.discoveryURL when set, trusting issuer.certificateAuthority.`,
};

const NETWORK_TEXT: Record<TokenPolicy['keys'], (rp: string, iss: string) => string> = {
  'public-discovery': (rp, iss) => `${rp} must reach ${iss} over the internet when it refreshes the keys; a firewall or an expired certificate there makes it refuse tokens.`,
  uploaded: (rp) => `${rp} does not need to reach the issuer: the keys were uploaded.`,
  tokenreview: () => 'Vault must reach the cluster’s API server (kubernetes_host in the auth config) for TokenReview.',
  config: (rp) => `${rp} must reach whatever JWKS or discovery URL its configuration names.`,
  'cluster-discovery': (rp) => `${rp} must reach the discovery URL from its own network (through the egress selector when one is set); it need not be public.`,
};

/** What only the relying party can check: its keys, its clock, its network. */
export function relyingPartyOnlyReasons(ctx: TokenContext | null, policy: TokenPolicy): TrustReason[] {
  const iss = ctx?.iss ? withoutTrailingSlash(ctx.iss) : '<iss>';
  return [
    makeTrustReason('rp-signature', 'info', 'relying-party-only', { how: KEYS_TEXT[policy.keys](policy.rp, iss) }),
    makeTrustReason('rp-clock', 'info', 'relying-party-only', { how: policy.clock }),
    makeTrustReason('rp-network', 'info', 'relying-party-only', { how: NETWORK_TEXT[policy.keys](policy.rp, iss) }),
  ];
}
