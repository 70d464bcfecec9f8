import type { DecodedToken } from '../jws/decodeToken';
import { parseNumericDate } from '../time/numericDate';
import { formatDuration } from '../time/formatTime';
import { EXTENDED_INFO, KIND_CATALOGUE, KIND_VARIANTS, type TokenKind, type TokenVariant } from './kindCatalogue';
import {
  BOUND_CLAIM,
  LEGACY_CLAIMS,
  LEGACY_ISSUER,
  isPlainObject,
  readBoundClaims,
  readLegacyClaims,
  show,
  stringClaim,
  type BoundClaims,
  type Claims,
  type ObjectRef,
} from './kubernetesClaims';

export type BoundObjectKind = 'Pod' | 'Secret' | 'Node' | 'ValidatingWebhookConfiguration' | 'MutatingWebhookConfiguration';

/** How a legacy token's header dates it. */
export type LegacyHeaderEra = 'kid-sha256' | 'kid-empty' | 'no-kid-typ-jwt' | 'no-kid' | 'kid-other';

export interface Classification {
  kind: TokenKind;
  /** A finer kind the UI contract has no value for (webhook-bound is reported as `unbound`). */
  variant: TokenVariant | null;
  /** `kubernetes.io.warnafter` is present. */
  extended: boolean;
  /** Why: one line per clue, "clue → conclusion". */
  evidence: string[];
  /** Which Kubernetes versions could have minted it. */
  versions: string;
  title: string;
  headline: string;
  description: string;
  /** The object a bound token is bound to (pod, Secret, node, webhook: the first present), when there is one. */
  boundObject: { kind: BoundObjectKind; name: string | null; uid: string | null } | null;
  /** For legacy tokens: what the header says about their age. */
  legacyHeader: LegacyHeaderEra | null;
}

const KID_SHA256 = /^[A-Za-z0-9_-]{43}$/;

function refText(ref: ObjectRef): string {
  return ref.name !== null ? show(ref.name) : '(no name)';
}

function legacyEra(header: Claims | null): LegacyHeaderEra {
  const kid = header && Object.hasOwn(header, 'kid') ? header.kid : undefined;
  if (typeof kid === 'string' && KID_SHA256.test(kid)) return 'kid-sha256';
  if (kid === '') return 'kid-empty';
  if (kid === undefined) return header?.typ === 'JWT' ? 'no-kid-typ-jwt' : 'no-kid';
  return 'kid-other';
}

/** Legacy header eras: kid = base64url SHA-256 of the public key since v1.16 (kubernetes/kubernetes PR #78502). */
const LEGACY_ERAS: Record<LegacyHeaderEra, { evidence: string; versions: string }> = {
  'kid-sha256': {
    evidence: 'kid is a 43-character base64url key ID (SHA-256 of the public key) → minted by 1.16 or later',
    versions: '1.16 or later (the kid is the key’s SHA-256 ID, added in 1.16). Auto-generated Secrets stopped in 1.24; a newer one was created by hand.',
  },
  'kid-empty': {
    evidence: 'kid is "" → minted before 1.16 (go-jose era, before key IDs)',
    versions: 'Before 1.16 (an empty kid predates key IDs). It still works if its Secret exists; the API server tries every key.',
  },
  'no-kid-typ-jwt': {
    evidence: 'no kid and typ "JWT" → very old, from the jwt-go era before go-jose',
    versions: 'Very old: before 1.16, from the jwt-go era (no kid, typ "JWT"). It still works if its Secret exists.',
  },
  'no-kid': {
    evidence: 'no kid → minted before 1.16, when tokens carried no key ID',
    versions: 'Before 1.16 (no key ID).',
  },
  'kid-other': {
    evidence: 'kid is not the 43-character SHA-256 form Kubernetes derives → probably not minted by kube-controller-manager',
    versions: 'Unknown: Kubernetes writes either "" (before 1.16) or a 43-character kid (1.16+), and this kid is neither.',
  },
};

function classifyLegacy(decoded: DecodedToken): Classification {
  const legacy = readLegacyClaims(decoded.claims);
  const era = legacyEra(decoded.headerObject);
  const evidence = [`iss is "${LEGACY_ISSUER}" and has the flat kubernetes.io/serviceaccount/* claims → legacy Secret-based token`];
  if (legacy?.secretName) evidence.push(`${LEGACY_CLAIMS.secretName} is ${show(legacy.secretName)} → the Secret that holds it; deleting that Secret revokes it`);
  evidence.push(LEGACY_ERAS[era].evidence);
  if (decoded.claims && !Object.hasOwn(decoded.claims, 'exp')) evidence.push('no exp → never expires');
  const info = KIND_CATALOGUE.legacy;
  return {
    kind: 'legacy',
    variant: null,
    extended: false,
    evidence,
    versions: LEGACY_ERAS[era].versions,
    title: info.title,
    headline: info.headline,
    description: info.description,
    boundObject: null,
    legacyHeader: era,
  };
}

const NO_JTI = ' It has no jti, so it was minted before 1.30 or with ServiceAccountTokenJTI turned off (always on from 1.32).';

function boundVersions(kind: TokenKind, variant: TokenVariant | null, extended: boolean, hasJti: boolean, podNode: boolean): string {
  if (variant === 'webhook-bound') return '1.37 or later: webhook-bound tokens are alpha in 1.37 and off by default.';
  if (kind === 'node-bound') {
    return '1.29 or later: node-bound tokens are alpha in 1.29, issued by default from 1.31 and GA in 1.33.' + (hasJti ? '' : NO_JTI);
  }
  if (hasJti || podNode) {
    const what = hasJti && podNode ? 'jti and node info' : hasJti ? 'jti' : 'node info in a pod token';
    return `1.29 or later: ${what} came in 1.29 (alpha) and is on by default from 1.30, GA in 1.32.` + (hasJti ? '' : NO_JTI);
  }
  if (kind === 'pod-bound' && extended) {
    return '1.21 or later with default settings: extended 3607 s pod tokens are injected by default from 1.21 (1.19–1.20 only with BoundServiceAccountTokenVolume turned on).' + NO_JTI;
  }
  const kubectl = kind === 'unbound' ? ' `kubectl create token` exists since kubectl 1.24.' : '';
  return `1.12 or later: bound tokens come from the TokenRequest API (beta 1.12, GA 1.20).${kubectl}${NO_JTI}`;
}

function classifyBound(decoded: DecodedToken, bound: BoundClaims): Classification {
  const claims = decoded.claims as Claims;
  const iss = stringClaim(claims, 'iss');
  const evidence = [`has a ${BOUND_CLAIM} object claim${iss !== null ? ` (iss ${show(iss)})` : ''} → bound (TokenRequest) token`];
  let kind: TokenKind;
  let variant: TokenVariant | null = null;
  let boundObject: Classification['boundObject'] = null;
  const { pod, secret, node } = bound;
  const webhook = bound.validatingWebhookConfiguration
    ? { kind: 'ValidatingWebhookConfiguration' as const, ref: bound.validatingWebhookConfiguration, claim: 'validatingWebhookConfiguration' }
    : bound.mutatingWebhookConfiguration
      ? { kind: 'MutatingWebhookConfiguration' as const, ref: bound.mutatingWebhookConfiguration, claim: 'mutatingWebhookConfiguration' }
      : null;

  // In order: pod, secret, node without pod, webhook, none.
  if (pod) {
    kind = 'pod-bound';
    boundObject = { kind: 'Pod', ...pod };
    evidence.push(`has kubernetes.io.pod → bound to pod ${refText(pod)}`);
    if (node) evidence.push(`also has kubernetes.io.node ${refText(node)} → the node the pod ran on (informational only; not validated)`);
  } else if (secret) {
    kind = 'secret-bound';
    boundObject = { kind: 'Secret', ...secret };
    evidence.push(`has kubernetes.io.secret → bound to Secret ${refText(secret)}; deleting it revokes the token`);
  } else if (node) {
    kind = 'node-bound';
    boundObject = { kind: 'Node', ...node };
    evidence.push(`has kubernetes.io.node without a pod → bound to node ${refText(node)}`);
  } else if (webhook) {
    kind = 'unbound';
    variant = 'webhook-bound';
    boundObject = { kind: webhook.kind, ...webhook.ref };
    evidence.push(
      `has kubernetes.io.${webhook.claim} → bound to ${webhook.kind} ${refText(webhook.ref)} (1.37 alpha; claim names unconfirmed). Reported as "unbound": it is bound to no pod, Secret or node`,
    );
  } else {
    kind = 'unbound';
    evidence.push('has only namespace and serviceaccount in kubernetes.io → not bound to any object (kubectl create token or the TokenRequest API)');
  }
  if (secret && (pod || node)) {
    evidence.push(`also has kubernetes.io.secret → Kubernetes never issues this: "token can only be bound to one object type"`);
  }

  const extended = bound.hasWarnafter;
  if (extended) {
    const iat = parseNumericDate(claims.iat);
    const exp = parseNumericDate(claims.exp);
    const warn = parseNumericDate(bound.raw.warnafter);
    const effective = iat.ok && warn.ok ? ` (warnafter − iat = ${warn.seconds - iat.seconds} s)` : '';
    const hard = iat.ok && exp.ok ? `; hard exp after ${formatDuration(exp.seconds - iat.seconds)}` : '';
    evidence.push(`has kubernetes.io.warnafter → extended expiry: meant to be used until warnafter${effective}${hard}`);
  }
  const jti = Object.hasOwn(claims, 'jti');
  if (jti) evidence.push('has jti → minted by 1.29+ with ServiceAccountTokenJTI (on by default from 1.30)');

  const info = variant ? KIND_VARIANTS[variant] : KIND_CATALOGUE[kind];
  return {
    kind,
    variant,
    extended,
    evidence,
    versions: boundVersions(kind, variant, extended, jti, kind === 'pod-bound' && node !== null),
    title: extended ? `${info.title}, ${EXTENDED_INFO.title.toLowerCase()}` : info.title,
    headline: extended ? `${info.headline} ${EXTENDED_INFO.headline}` : info.headline,
    description: extended ? `${info.description} ${EXTENDED_INFO.description}` : info.description,
    boundObject,
    legacyHeader: null,
  };
}

function notKubernetes(evidence: string[]): Classification {
  const info = KIND_CATALOGUE['not-kubernetes'];
  return {
    kind: 'not-kubernetes',
    variant: null,
    extended: false,
    evidence,
    versions: 'Not applicable: no Kubernetes service account issuer minted it.',
    title: info.title,
    headline: info.headline,
    description: info.description,
    boundObject: null,
    legacyHeader: null,
  };
}

/**
 * What kind of token this is, on the decoded (unverified) payload: legacy claims first, then the
 * bound `kubernetes.io` claim, else not a Kubernetes token. Never throws.
 */
export function classifyToken(decoded: DecodedToken): Classification {
  const claims = decoded.claims;
  if (!claims) return notKubernetes(['the payload is not a JSON object → not a Kubernetes service account token']);
  // The legacy issuer with the flat claims (kubernetes/kubernetes pkg/serviceaccount/legacy.go).
  if (readLegacyClaims(claims)) return classifyLegacy(decoded);
  // A `kubernetes.io` object claim (kubernetes/kubernetes pkg/serviceaccount/claims.go).
  const bound = readBoundClaims(claims);
  if (bound) return classifyBound(decoded, bound);
  // Neither: say why not.
  const evidence: string[] = [];
  const iss = stringClaim(claims, 'iss');
  if (iss === LEGACY_ISSUER) evidence.push(`iss is "${LEGACY_ISSUER}" but ${LEGACY_CLAIMS.namespace} is missing → not a legacy token`);
  if (Object.hasOwn(claims, BOUND_CLAIM) && !isPlainObject(claims[BOUND_CLAIM])) evidence.push(`${BOUND_CLAIM} is not an object → not a bound token`);
  evidence.push(
    `no ${BOUND_CLAIM} object claim and ${iss === null ? 'no iss' : `iss ${show(iss)}`} → not a Kubernetes service account token (an OIDC ID token or another JWT)`,
  );
  return notKubernetes(evidence);
}
