/**
 * Kubernetes versions the verdict can be evaluated for, the feature gates that change it, and the
 * one table of version-dependent rules (each row cites the upstream source it was read from).
 * `latest` is the newest release, 1.36; 1.37 behaviour (alpha) is not modelled.
 */

import { LATEST_MINOR, OLDEST_MINOR, type KubernetesVersion } from './versionChoices';

export { isKubernetesVersion, LATEST_MINOR, OLDEST_MINOR, VERSION_CHOICES, type KubernetesVersion } from './versionChoices';

/** Every minor from 1.20 to the latest, oldest first. */
export const MINORS: readonly number[] = Array.from({ length: LATEST_MINOR - OLDEST_MINOR + 1 }, (_, i) => OLDEST_MINOR + i);

export function minorOf(version: KubernetesVersion): number {
  if (version === 'latest') return LATEST_MINOR;
  const minor = Number(version.slice(2));
  return Number.isInteger(minor) ? Math.min(LATEST_MINOR, Math.max(OLDEST_MINOR, minor)) : LATEST_MINOR;
}

export const versionName = (minor: number): string => (minor === LATEST_MINOR ? 'latest' : `1.${minor}`);

// ── Feature gates ─────────────────────────────────────────────────────────────────────────────
// Stages from kubernetes/kubernetes pkg/features/kube_features.go (versioned feature specs) and the
// feature-gate pages of kubernetes/website. `on` is the first minor where the gate is on by default.

interface GateSpec {
  alpha: number;
  on: number;
  what: string;
}

export const FEATURE_GATES = {
  ServiceAccountTokenJTI: { alpha: 29, on: 30, what: 'the credential-id user extra (JTI=<jti>)' },
  ServiceAccountTokenPodNodeInfo: { alpha: 29, on: 30, what: 'the node-name and node-uid extras of pod-bound tokens' },
  ServiceAccountTokenNodeBindingValidation: { alpha: 29, on: 30, what: 'checking node-bound tokens (refused while off)' },
  ExternalServiceAccountTokenSigner: { alpha: 32, on: 34, what: 'an external signer (--service-account-signing-endpoint)' },
} satisfies Record<string, GateSpec>;

export type FeatureGate = keyof typeof FEATURE_GATES;
export type FeatureGates = Record<FeatureGate, boolean>;

/** The gates as a version ships them; a gate that does not exist yet is off. */
export function defaultGates(minor: number): FeatureGates {
  const gates = {} as FeatureGates;
  for (const [name, spec] of Object.entries(FEATURE_GATES) as [FeatureGate, GateSpec][]) gates[name] = minor >= spec.on;
  return gates;
}

/** A gate can be turned on only where it exists (alpha or later). */
export function gatesFor(minor: number, overrides: Partial<FeatureGates> = {}): FeatureGates {
  const gates = defaultGates(minor);
  for (const [name, on] of Object.entries(overrides) as [FeatureGate, boolean | undefined][]) {
    if (on !== undefined) gates[name] = on && minor >= FEATURE_GATES[name].alpha;
  }
  return gates;
}

// ── The rules that change with the version ────────────────────────────────────────────────────
// go-jose in kube-apiserver (k8s.io/apiserver go.mod at each tag): 1.20–1.26 square/go-jose v2.2.2,
// 1.27–1.32 v2.6.0, 1.33+ go-jose/go-jose v2.6.3.

interface VersionRuleRow {
  /** First minor it applies to (inclusive); absent: from 1.20. */
  since?: number;
  /** Last minor it applies to (inclusive); absent: up to latest. */
  until?: number;
  summary: string;
  source: string;
}

export const VERSION_RULES = {
  kidSelection: {
    since: 31,
    summary: 'Keys are selected by the kid derived from each key; a kid no key has gives "invalid signature, no keys found". Up to 1.30 every key is tried and the kid is ignored.',
    source: 'kubernetes/kubernetes pkg/serviceaccount/jwt.go @ 9d38f210 (PR #125177)',
  },
  missingExpRefused: {
    until: 26,
    summary: 'A token without exp is refused as expired: go-jose v2.2.2 reads a missing exp as 1970.',
    source: 'square/go-jose v2.2.2 jwt/claims.go, jwt/validation.go (k8s.io/apiserver go.mod v0.20–v0.26)',
  },
  iatChecked: {
    since: 27,
    summary: 'An iat more than the leeway in the future is refused. go-jose v2.2.2 (1.20–1.26) checks only nbf and exp.',
    source: 'go-jose v2.6.0 jwt/validation.go ErrIssuedInTheFuture (k8s.io/apiserver go.mod v0.27)',
  },
  iatMessageConfirmed: {
    since: 29,
    summary: 'claims.go maps the iat error to "service account token is issued in the future"; for 1.27–1.28 the mapping is unconfirmed (else the generic "claims could not be validated" error).',
    source: 'kubernetes/kubernetes pkg/serviceaccount/claims.go (1.29 revision, not pinned)',
  },
  nodeBindingRead: {
    since: 29,
    summary: 'A node binding is read: up to 1.28 claims.go has no node field, so the binding is ignored and the token counts as unbound.',
    source: 'kubernetes/kubernetes pkg/serviceaccount/claims.go @ a23d4fdd58ee (no node) and the 1.29 revision',
  },
  podOnlyExtras: {
    until: 28,
    summary: 'User extras are only pod-name and pod-uid; node-name, node-uid and credential-id follow their feature gates from 1.29.',
    source: 'kubernetes/apiserver pkg/authentication/serviceaccount/util.go @ v0.28.0',
  },
  invalidSinceChecked: {
    since: 29,
    summary: 'A legacy token whose Secret has the kubernetes.io/legacy-token-invalid-since label is refused (the label does not exist before 1.28; whether 1.28 checks it is unconfirmed).',
    source: 'kubernetes/kubernetes pkg/serviceaccount/legacy.go (1.29 revision, not pinned; PR #118598)',
  },
  extensionAudienceRule: {
    since: 24,
    summary: 'A 3607 s pod token is extended only when its audiences are the API audiences; 1.20–1.23 extend it whatever the audience.',
    source: 'kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go (PR #105954, 1.24.0-alpha.2)',
  },
} satisfies Record<string, VersionRuleRow>;

export type VersionRule = keyof typeof VERSION_RULES;

export function ruleApplies(rule: VersionRule, minor: number): boolean {
  const row: VersionRuleRow = VERSION_RULES[rule];
  return minor >= (row.since ?? OLDEST_MINOR) && minor <= (row.until ?? LATEST_MINOR);
}

/** The API server flags and gates a verdict depends on, besides issuers and audiences. */
export interface ClusterSettings {
  version?: KubernetesVersion;
  /** Overrides of the version's default feature gates. */
  gates?: Partial<FeatureGates>;
  /** --service-account-lookup (default true): false skips every existence and uid check. */
  serviceAccountLookup?: boolean;
  /** --service-account-signing-endpoint is set (needs ExternalServiceAccountTokenSigner). */
  externalSigner?: boolean;
  /** --service-account-extend-token-expiration (default true since 1.20, #96273). */
  extendTokenExpiration?: boolean;
  /** --service-account-max-token-expiration in seconds; null or absent: not set. */
  maxTokenExpirationSeconds?: number | null;
}

/** What one version, with its gates and the flags, does to a token. */
export interface VersionBehaviour {
  minor: number;
  gates: FeatureGates;
  selectsKeyByKid: boolean;
  refusesMissingExp: boolean;
  checksIat: boolean;
  iatMessageConfirmed: boolean;
  readsNodeBinding: boolean;
  checksInvalidSince: boolean;
  /** Extras the authenticator can set besides pod-name/pod-uid. */
  nodeExtrasForPods: boolean;
  nodeExtrasForNodes: boolean;
  credentialIdExtra: boolean;
  extensionNeedsApiAudiences: boolean;
  lookup: boolean;
  externalSigner: boolean;
  extendTokenExpiration: boolean;
  maxTokenExpirationSeconds: number | null;
}

export function behaviourOf(minor: number, settings: ClusterSettings = {}): VersionBehaviour {
  const gates = gatesFor(minor, settings.gates);
  const podOnly = ruleApplies('podOnlyExtras', minor);
  const externalSigner = settings.externalSigner === true && gates.ExternalServiceAccountTokenSigner;
  return {
    minor,
    gates,
    // An external signer chooses its own kids (jwt.go signerFromOpaqueSigner): no derived-kid check.
    selectsKeyByKid: ruleApplies('kidSelection', minor) && !externalSigner,
    refusesMissingExp: ruleApplies('missingExpRefused', minor),
    checksIat: ruleApplies('iatChecked', minor),
    iatMessageConfirmed: ruleApplies('iatMessageConfirmed', minor),
    readsNodeBinding: ruleApplies('nodeBindingRead', minor),
    checksInvalidSince: ruleApplies('invalidSinceChecked', minor),
    nodeExtrasForPods: !podOnly && gates.ServiceAccountTokenPodNodeInfo,
    nodeExtrasForNodes: !podOnly && gates.ServiceAccountTokenNodeBindingValidation,
    credentialIdExtra: !podOnly && gates.ServiceAccountTokenJTI,
    extensionNeedsApiAudiences: ruleApplies('extensionAudienceRule', minor),
    lookup: settings.serviceAccountLookup !== false,
    externalSigner,
    extendTokenExpiration: settings.extendTokenExpiration !== false,
    maxTokenExpirationSeconds: settings.maxTokenExpirationSeconds ?? null,
  };
}

// ── "Depends on the version" ──────────────────────────────────────────────────────────────────

/** Sorted minors as ranges: "1.20-1.30", "1.31-latest", "1.29", joined by ",". */
export function formatVersionRanges(minors: Iterable<number>): string {
  const sorted = [...new Set(minors)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    if (last && m === last[1] + 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? versionName(a) : `1.${a}-${versionName(b)}`)).join(',');
}

/** "from 1.31", "on 1.20–1.26", "on 1.29 and 1.31-latest"; null when every version agrees. */
export function versionPhrase(minors: Iterable<number>): string | null {
  const set = new Set(minors);
  if (MINORS.every((m) => set.has(m))) return null;
  const ranges = formatVersionRanges(set);
  const single = /^1\.(\d+)-latest$/.exec(ranges);
  if (single) return `from 1.${single[1]}`;
  return `on ${ranges.replaceAll('-', '–').split(',').join(' and ')}`;
}
