import type { RecognizedInput } from '../input/inputKinds';
import {
  LEGACY_TOKEN_INVALID_SINCE_LABEL,
  LEGACY_TOKEN_LAST_USED_LABEL,
  SERVICE_ACCOUNT_NAME_ANNOTATION,
  SERVICE_ACCOUNT_UID_ANNOTATION,
} from '../input/secretDocument';
import type { DecodedToken } from '../jws/decodeToken';
import { evaluateValidity, type Validity } from '../time/validity';
import { classifyToken, type Classification } from './classifyToken';
import { findingsOf, type Finding, type FindingContext } from './findings';
import { identityForVersion, identityOf, type Identity } from './identity';
import type { ClusterSettings } from './versions';
import { lifetimeOf, type Lifetime } from './lifetime';
import { migrationFor, type MigrationStep } from './migration';

/** The Secret a token came in, as the Secret itself says it (not as the page displays it). */
export interface SecretContext {
  name: string | null;
  namespace: string | null;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
}

/** What the token came in: a Secret, a TokenRequest response, or nothing around it. */
export type TokenContext =
  | { source: 'secret'; secret: SecretContext }
  /** status.expirationTimestamp in seconds; null when the response has none (or an unreadable one). */
  | { source: 'tokenrequest'; expirationTimestamp: number | null }
  | { source: 'token' };

/** The namespace, service account and Secret a token belongs to: the Secret's word first, then the token's. */
export interface TokenOwner {
  namespace: string | null;
  /** The Secret holding it: the surrounding Secret, or for a bare legacy token its secret.name claim. */
  secretName: string | null;
  serviceAccount: string | null;
  serviceAccountUid: string | null;
}

/** Everything Kubernetes says about one token at one instant, each part computed once. */
export interface TokenInspection {
  classification: Classification;
  identity: Identity | null;
  lifetime: Lifetime;
  validity: Validity;
  findings: Finding[];
  migration: MigrationStep[];
  owner: TokenOwner;
}

/** The context the finding rules read: a Secret's legacy-token labels, a TokenRequest's time. */
export function findingContextOf(context: TokenContext): FindingContext {
  const out: FindingContext = {};
  if (context.source === 'tokenrequest' && context.expirationTimestamp !== null) out.expirationTimestamp = context.expirationTimestamp;
  if (context.source === 'secret') {
    const invalidSince = context.secret.labels[LEGACY_TOKEN_INVALID_SINCE_LABEL];
    const lastUsed = context.secret.labels[LEGACY_TOKEN_LAST_USED_LABEL];
    if (invalidSince !== undefined) out.legacyTokenInvalidSince = invalidSince;
    if (lastUsed !== undefined) out.legacyTokenLastUsed = lastUsed;
  }
  return out;
}

/**
 * The context a recognised input carries. Recognition hands a Secret's labels over only as its
 * facts (keyed by the label itself, values capped at 200 characters, longer than any label value
 * kube-apiserver accepts), and not its name or namespace in typed form.
 */
export function tokenContextFrom(input: RecognizedInput): TokenContext {
  if (input.kind === 'tokenrequest') return { source: 'tokenrequest', expirationTimestamp: input.expirationTimestamp ?? null };
  if (input.kind !== 'secret') return { source: 'token' };
  const labels: Record<string, string> = {};
  for (const label of [LEGACY_TOKEN_INVALID_SINCE_LABEL, LEGACY_TOKEN_LAST_USED_LABEL]) {
    const value = input.facts?.find((f) => f.label === label)?.value;
    if (value !== undefined) labels[label] = value;
  }
  return { source: 'secret', secret: { name: null, namespace: null, labels, annotations: {} } };
}

/** The finding context a recognised input carries (a TokenRequest's time, a Secret's labels). */
export function findingContextFrom(input: RecognizedInput): FindingContext {
  return findingContextOf(tokenContextFrom(input));
}

/** Who the token belongs to; without a token (a Secret still waiting for one), the Secret alone. */
export function ownerOf(identity: Identity | null, classification: Classification | null, secret: SecretContext | null): TokenOwner {
  const annotation = (key: string) => secret?.annotations[key] ?? null;
  return {
    namespace: secret?.namespace ?? identity?.namespace ?? null,
    secretName: secret ? secret.name : classification?.kind === 'legacy' ? (identity?.secret?.name ?? null) : null,
    serviceAccount: annotation(SERVICE_ACCOUNT_NAME_ANNOTATION) ?? identity?.serviceAccount ?? null,
    serviceAccountUid: annotation(SERVICE_ACCOUNT_UID_ANNOTATION) ?? identity?.uid ?? null,
  };
}

function inspectClassified(decoded: DecodedToken, classification: Classification, context: FindingContext, nowSeconds: number, cluster: ClusterSettings) {
  // The user extras depend on the chosen cluster version (D12); the rest of the identity does not.
  const found = identityOf(decoded, classification);
  const identity = found && identityForVersion(found, cluster);
  const lifetime = lifetimeOf(decoded, nowSeconds, context.expirationTimestamp !== undefined ? { expirationTimestamp: context.expirationTimestamp } : {});
  const validity = evaluateValidity(decoded.claims, nowSeconds);
  const findings = findingsOf({ decoded, classification, identity, lifetime, validity }, nowSeconds, context, cluster);
  return { classification, identity, lifetime, validity, findings, migration: migrationFor(identity, classification) };
}

/**
 * The one pipeline from a decoded token to what the decoder, Compare and the audit show:
 * classification → identity → lifetime and validity → findings and migration, each computed once
 * and handed to the next step. `nowSeconds` is passed in so a pinned clock holds in a worker too.
 * `cluster` (version and flags, default latest) shapes the identity extras and findings' texts.
 */
export function inspectToken(decoded: DecodedToken, context: TokenContext, nowSeconds: number, cluster: ClusterSettings = {}): TokenInspection {
  const inspection = inspectClassified(decoded, classifyToken(decoded), findingContextOf(context), nowSeconds, cluster);
  const secret = context.source === 'secret' ? context.secret : null;
  return { ...inspection, owner: ownerOf(inspection.identity, inspection.classification, secret) };
}

/** The findings alone, for a classification in hand (the finding rules' tests enter here). */
export function findingsFor(decoded: DecodedToken, classification: Classification, nowSeconds: number, context: FindingContext = {}, cluster: ClusterSettings = {}): Finding[] {
  return inspectClassified(decoded, classification, context, nowSeconds, cluster).findings;
}
