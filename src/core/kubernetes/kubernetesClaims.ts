/**
 * Typed views of the Kubernetes claims in a decoded (unverified) payload. Nothing is trusted: every
 * member is checked for type, and odd shapes simply read as absent.
 */

export type Claims = Record<string, unknown>;

/** `iss` of legacy Secret-based tokens (kubernetes/kubernetes pkg/serviceaccount/legacy.go, LegacyIssuer). */
export const LEGACY_ISSUER = 'kubernetes/serviceaccount';

/** The flat private claims of legacy tokens (legacyPrivateClaims JSON tags, legacy.go). */
export const LEGACY_CLAIMS = {
  namespace: 'kubernetes.io/serviceaccount/namespace',
  secretName: 'kubernetes.io/serviceaccount/secret.name',
  serviceAccountName: 'kubernetes.io/serviceaccount/service-account.name',
  serviceAccountUid: 'kubernetes.io/serviceaccount/service-account.uid',
} as const;

/** The nested private claim of bound tokens (privateClaims `kubernetes.io`, kubernetes/kubernetes pkg/serviceaccount/claims.go). */
export const BOUND_CLAIM = 'kubernetes.io';

/** Algorithms Kubernetes signs with: RS256 for RSA keys, ES256/384/512 by curve. */
export const KUBERNETES_ALGORITHMS = ['RS256', 'ES256', 'ES384', 'ES512'] as const;

export interface ObjectRef {
  /** Empty strings read as null. */
  name: string | null;
  uid: string | null;
}

export interface LegacyClaims {
  namespace: string | null;
  secretName: string | null;
  serviceAccountName: string | null;
  serviceAccountUid: string | null;
}

export interface BoundClaims {
  namespace: string | null;
  serviceAccount: ObjectRef | null;
  pod: ObjectRef | null;
  secret: ObjectRef | null;
  node: ObjectRef | null;
  /** 1.37 alpha, member names unverified. */
  validatingWebhookConfiguration: ObjectRef | null;
  mutatingWebhookConfiguration: ObjectRef | null;
  /** Present (any value) when the claim exists; its value is read by the time code. */
  hasWarnafter: boolean;
  /** The raw `kubernetes.io` object. */
  raw: Claims;
}

export function isPlainObject(value: unknown): value is Claims {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Claims | null, key: string): unknown {
  return obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function readRef(value: unknown): ObjectRef | null {
  if (!isPlainObject(value)) return null;
  return { name: nonEmptyString(own(value, 'name')), uid: nonEmptyString(own(value, 'uid')) };
}

/** True when `iss` is the legacy issuer and the legacy namespace claim is present. */
export function isLegacyShape(claims: Claims | null): boolean {
  return !!claims && own(claims, 'iss') === LEGACY_ISSUER && Object.hasOwn(claims, LEGACY_CLAIMS.namespace);
}

export function readLegacyClaims(claims: Claims | null): LegacyClaims | null {
  if (!isLegacyShape(claims)) return null;
  const c = claims as Claims;
  return {
    namespace: nonEmptyString(own(c, LEGACY_CLAIMS.namespace)),
    secretName: nonEmptyString(own(c, LEGACY_CLAIMS.secretName)),
    serviceAccountName: nonEmptyString(own(c, LEGACY_CLAIMS.serviceAccountName)),
    serviceAccountUid: nonEmptyString(own(c, LEGACY_CLAIMS.serviceAccountUid)),
  };
}

/** The `kubernetes.io` object claim of a bound token, or null when there is none. */
export function readBoundClaims(claims: Claims | null): BoundClaims | null {
  const k = own(claims, BOUND_CLAIM);
  if (!isPlainObject(k)) return null;
  return {
    namespace: nonEmptyString(own(k, 'namespace')),
    serviceAccount: readRef(own(k, 'serviceaccount')),
    pod: readRef(own(k, 'pod')),
    secret: readRef(own(k, 'secret')),
    node: readRef(own(k, 'node')),
    validatingWebhookConfiguration: readRef(own(k, 'validatingWebhookConfiguration')),
    mutatingWebhookConfiguration: readRef(own(k, 'mutatingWebhookConfiguration')),
    hasWarnafter: Object.hasOwn(k, 'warnafter'),
    raw: k,
  };
}

/** A string claim, or null. */
export function stringClaim(claims: Claims | null, name: string): string | null {
  const v = own(claims, name);
  return typeof v === 'string' ? v : null;
}

/** `aud` as a list: RFC 7519 allows a string or an array of strings. */
export function audiences(claims: Claims | null): string[] {
  const aud = own(claims, 'aud');
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
}

/** A header parameter as a string, or null. */
export function headerString(header: Claims | null, name: string): string | null {
  return stringClaim(header, name);
}

/** Value shown inside an explanation: JSON-quoted so control characters are visible, and bounded. */
export function show(value: unknown, max = 80): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max + 2 ? `${text.slice(0, max)}…` : text;
}
