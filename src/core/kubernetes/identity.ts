import type { DecodedToken } from '../jws/decodeToken';
import type { Classification } from './classifyToken';
import { LEGACY_CLAIMS, readBoundClaims, readLegacyClaims, show, stringClaim, type ObjectRef } from './kubernetesClaims';
import type { Result } from '../result';
import { kubectlCommand } from './kubectlCommand';
import { ALL_SERVICE_ACCOUNTS_GROUP, AUTHENTICATED_GROUP, SERVICE_ACCOUNT_GROUP_PREFIX, checkName, makeUsername, splitUsername } from './kubernetesNames';
import { behaviourOf, minorOf, type ClusterSettings } from './versions';

/** User extra keys set by the service account authenticator (kubernetes/apiserver pkg/authentication/serviceaccount/util.go). */
export const EXTRA_KEYS = {
  podName: 'authentication.kubernetes.io/pod-name',
  podUid: 'authentication.kubernetes.io/pod-uid',
  nodeName: 'authentication.kubernetes.io/node-name',
  nodeUid: 'authentication.kubernetes.io/node-uid',
  credentialId: 'authentication.kubernetes.io/credential-id',
  validatingWebhookName: 'authentication.kubernetes.io/validatingwebhookconfiguration-name',
  validatingWebhookUid: 'authentication.kubernetes.io/validatingwebhookconfiguration-uid',
  mutatingWebhookName: 'authentication.kubernetes.io/mutatingwebhookconfiguration-name',
  mutatingWebhookUid: 'authentication.kubernetes.io/mutatingwebhookconfiguration-uid',
} as const;

/** Who the API server will take the caller to be, as RBAC sees it. */
export interface Identity {
  /** `system:serviceaccount:<ns>:<name>`; null when the claims lack namespace or name. */
  username: string | null;
  /** The service account UID. */
  uid: string | null;
  namespace: string | null;
  serviceAccount: string | null;
  /** `system:serviceaccounts`, `system:serviceaccounts:<ns>`, `system:authenticated`. */
  groups: string[];
  /** User extra, in the order the API server writes it. */
  extra: Record<string, string[]>;
  /** The bound pod (pod-bound tokens). */
  pod: ObjectRef | null;
  /** The node: where the pod ran (pod-bound) or the bound node (node-bound). */
  node: ObjectRef | null;
  /** The Secret: bound Secret, or for a legacy token the Secret holding it (secret.name). */
  secret: ObjectRef | null;
  /** Why the API server would refuse this identity, or why it looks forged. */
  problems: IdentityProblem[];
}

export interface IdentityProblem {
  /**
   * `sub-invalid`: legacy sub disagrees with the claims (refused by legacy.go). `sub-mismatch`: bound sub
   * disagrees with kubernetes.io (edited or foreign). `missing-claim`, `invalid-name`: refused.
   */
  code: 'sub-invalid' | 'sub-mismatch' | 'missing-claim' | 'invalid-name';
  message: string;
}

function groupsFor(namespace: string | null): string[] {
  // MakeGroupNames plus system:authenticated, which the authenticator chain appends.
  return namespace ? [ALL_SERVICE_ACCOUNTS_GROUP, `${SERVICE_ACCOUNT_GROUP_PREFIX}${namespace}`, AUTHENTICATED_GROUP] : [];
}

function nameProblems(namespace: string | null, name: string | null): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const namespaceProblem = namespace === null ? null : checkName('namespace', namespace);
  if (namespaceProblem) problems.push({ code: 'invalid-name', message: `${namespaceProblem.message}, so no such namespace can exist.` });
  const nameProblem = name === null ? null : checkName('service-account', name);
  if (nameProblem) problems.push({ code: 'invalid-name', message: `${nameProblem.message}, so no such service account can exist.` });
  return problems;
}

function legacyIdentity(decoded: DecodedToken): Identity {
  const claims = decoded.claims;
  const legacy = readLegacyClaims(claims);
  const namespace = legacy?.namespace ?? null;
  const name = legacy?.serviceAccountName ?? null;
  const problems: IdentityProblem[] = [];
  // The legacy validator (kubernetes/kubernetes pkg/serviceaccount/legacy.go) requires these to be non-empty.
  const required: [string, string | null][] = [
    ['sub', stringClaim(claims, 'sub') || null],
    [LEGACY_CLAIMS.namespace, namespace],
    [LEGACY_CLAIMS.secretName, legacy?.secretName ?? null],
    [LEGACY_CLAIMS.serviceAccountName, name],
    [LEGACY_CLAIMS.serviceAccountUid, legacy?.serviceAccountUid ?? null],
  ];
  for (const [claim, value] of required) {
    if (value === null) problems.push({ code: 'missing-claim', message: `${claim} is missing or empty; the API server refuses legacy tokens without it.` });
  }
  const sub = stringClaim(claims, 'sub');
  if (sub) {
    const split = splitUsername(sub);
    if (!split || split.namespace !== namespace || split.name !== name) {
      problems.push({
        code: 'sub-invalid',
        message: `sub ${show(sub)} does not name ${namespace && name ? show(makeUsername(namespace, name)) : 'the namespace and service account in the claims'}; the API server refuses the token: "sub claim is invalid".`,
      });
    }
  }
  problems.push(...nameProblems(namespace, name));
  return {
    username: namespace && name ? makeUsername(namespace, name) : null,
    uid: legacy?.serviceAccountUid ?? null,
    namespace,
    serviceAccount: name,
    groups: groupsFor(namespace),
    extra: {}, // Legacy tokens produce no extra.
    pod: null,
    node: null,
    secret: legacy?.secretName ? { name: legacy.secretName, uid: null } : null,
    problems,
  };
}

function boundIdentity(decoded: DecodedToken, classification: Classification): Identity {
  const claims = decoded.claims;
  const bound = readBoundClaims(claims);
  const namespace = bound?.namespace ?? null;
  const name = bound?.serviceAccount?.name ?? null;
  const problems: IdentityProblem[] = [];
  if (!namespace) problems.push({ code: 'missing-claim', message: 'kubernetes.io.namespace is missing or empty, so the API server cannot find the service account.' });
  if (!name) problems.push({ code: 'missing-claim', message: 'kubernetes.io.serviceaccount.name is missing or empty, so the API server cannot find the service account.' });
  const sub = stringClaim(claims, 'sub');
  if (namespace && name && sub !== makeUsername(namespace, name)) {
    problems.push({
      code: 'sub-mismatch',
      message: `sub ${sub === null ? '(missing)' : show(sub)} does not match kubernetes.io (${show(makeUsername(namespace, name))}). Kubernetes always writes them together, so the token was edited or minted elsewhere; the identity above comes from kubernetes.io.`,
    });
  }
  problems.push(...nameProblems(namespace, name));

  const extra: Record<string, string[]> = {};
  const pod = classification.kind === 'pod-bound' ? (bound?.pod ?? null) : null;
  const node = classification.kind === 'pod-bound' || classification.kind === 'node-bound' ? (bound?.node ?? null) : null;
  // util.go: pod extras only when both name and uid are non-empty; node-uid only when non-empty.
  if (pod?.name && pod.uid) {
    extra[EXTRA_KEYS.podName] = [pod.name];
    extra[EXTRA_KEYS.podUid] = [pod.uid];
  }
  if (node?.name) {
    extra[EXTRA_KEYS.nodeName] = [node.name];
    if (node.uid) extra[EXTRA_KEYS.nodeUid] = [node.uid];
  }
  if (classification.variant === 'webhook-bound' && bound) {
    const v = bound.validatingWebhookConfiguration;
    const m = bound.mutatingWebhookConfiguration;
    if (v?.name) extra[EXTRA_KEYS.validatingWebhookName] = [v.name];
    if (v?.uid) extra[EXTRA_KEYS.validatingWebhookUid] = [v.uid];
    if (m?.name) extra[EXTRA_KEYS.mutatingWebhookName] = [m.name];
    if (m?.uid) extra[EXTRA_KEYS.mutatingWebhookUid] = [m.uid];
  }
  const jti = stringClaim(claims, 'jti');
  if (jti) extra[EXTRA_KEYS.credentialId] = [`JTI=${jti}`]; // as kubernetes/kubernetes pkg/serviceaccount/claims.go sets it

  return {
    username: namespace && name ? makeUsername(namespace, name) : null,
    uid: bound?.serviceAccount?.uid ?? null,
    namespace,
    serviceAccount: name,
    groups: groupsFor(namespace),
    extra,
    pod,
    node,
    secret: classification.kind === 'secret-bound' ? (bound?.secret ?? null) : null,
    problems,
  };
}

/**
 * The identity as one version sets the user extras (D12): up to 1.28 only pod-name and pod-uid
 * (kubernetes/apiserver pkg/authentication/serviceaccount/util.go @ v0.28.0); from 1.29 node-name and
 * node-uid follow ServiceAccountTokenPodNodeInfo for pod tokens and node binding validation for node
 * tokens, credential-id follows ServiceAccountTokenJTI (kubernetes/kubernetes pkg/serviceaccount/claims.go).
 * The webhook extras (1.37 alpha) are left as they are.
 */
export function identityForVersion(identity: Identity, settings: ClusterSettings): Identity {
  const b = behaviourOf(minorOf(settings.version ?? 'latest'), settings);
  const nodeExtras = identity.pod ? b.nodeExtrasForPods : b.nodeExtrasForNodes;
  const drop = new Set<string>([...(nodeExtras ? [] : [EXTRA_KEYS.nodeName, EXTRA_KEYS.nodeUid]), ...(b.credentialIdExtra ? [] : [EXTRA_KEYS.credentialId])]);
  if (![...drop].some((key) => key in identity.extra)) return identity;
  return { ...identity, extra: Object.fromEntries(Object.entries(identity.extra).filter(([key]) => !drop.has(key))) };
}

/**
 * The user the API server derives from a token (kubernetes/apiserver pkg/authentication/serviceaccount/util.go). Null for tokens that are not Kubernetes
 * service account tokens: their identity depends on the cluster's OIDC configuration.
 */
export function identityOf(decoded: DecodedToken, classification: Classification): Identity | null {
  if (classification.kind === 'not-kubernetes') return null;
  return classification.kind === 'legacy' ? legacyIdentity(decoded) : boundIdentity(decoded, classification);
}

/**
 * `kubectl auth can-i --list` as this service account, in its namespace: null without a namespace
 * or name, a problem when either is not a valid name.
 *
 * Only `--as` is passed. kube-apiserver's impersonation filter turns an impersonated
 * `system:serviceaccount:<ns>:<name>` into a service account user and adds its groups
 * (`system:serviceaccounts`, `system:serviceaccounts:<ns>`) itself when no group is asked for, and
 * `system:authenticated` to every non-anonymous user; each `--as-group` would instead be authorized
 * separately as `impersonate` on `groups`, which makes the command Forbidden for someone allowed to
 * impersonate service accounts only (kubernetes/apiserver
 * pkg/endpoints/filters/impersonation/impersonation.go, the same from v0.20.0 to today).
 */
export function kubectlAuthCanIList(identity: Identity): Result<string> | null {
  const { namespace, serviceAccount } = identity;
  if (!namespace || !serviceAccount) return null;
  return kubectlCommand({
    words: ['auth', 'can-i'],
    namespace,
    options: ['--list', `--as=${makeUsername(namespace, serviceAccount)}`],
    embedded: [{ kind: 'service-account', value: serviceAccount }],
  });
}
