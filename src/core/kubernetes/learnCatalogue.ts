import { boundTokenCommand } from './kubectlCommand';

/**
 * The Learn view's content, as data: short explainers and a version timeline. Every statement
 * names, in `refs`, the upstream source files it rests on.
 */

/** Built-in samples (the blog post "Service Account Tokens in Kubernetes v1.24"). */
export type LearnSampleId = 'v1.20-legacy' | 'v1.24-projected' | 'v1.24-explicit-secret';

export interface LearnSection {
  id: string;
  title: string;
  paragraphs: string[];
  refs: string[];
  /** Samples that show what the section describes, one click away. */
  samples?: LearnSampleId[];
}

export interface TimelineEntry {
  /** Kubernetes minor version, e.g. "1.24". */
  version: string;
  title: string;
  detail: string;
  refs: string[];
}

export const LEARN_SECTIONS: LearnSection[] = [
  {
    id: 'what',
    title: 'What a service account token is',
    paragraphs: [
      'A service account is the identity of a workload inside a cluster. Its token is a JWT signed by the cluster: presented as "Authorization: Bearer <token>", it makes kube-apiserver treat the caller as system:serviceaccount:<namespace>:<name>, in the groups system:serviceaccounts, system:serviceaccounts:<namespace> and system:authenticated. RBAC decides what that user may do.',
      'The token is not encrypted: anyone holding it can read its claims, and anyone holding it can use it. What makes it trustworthy is the signature, made with the service account signing key and checked with the cluster’s public keys (served at /openid/v1/jwks).',
    ],
    refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/serviceaccount/jwt.go', 'kubernetes/apiserver pkg/authentication/serviceaccount/util.go'],
  },
  {
    id: 'legacy',
    title: 'Legacy Secret-based tokens',
    paragraphs: [
      'The original kind. kube-controller-manager wrote a token into a Secret of type kubernetes.io/service-account-token for every service account, and pods mounted that Secret. Its issuer is "kubernetes/serviceaccount", its claims are four flat kubernetes.io/serviceaccount/* names plus sub, and it has no audience and no expiry: it works until the Secret is deleted.',
      'Since 1.24 these Secrets are no longer generated. You can still create one by hand (a Secret with the kubernetes.io/service-account.name annotation); the token controller then fills it in.',
    ],
    refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/controller/serviceaccount/tokens_controller.go', 'kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go'],
    samples: ['v1.20-legacy', 'v1.24-explicit-secret'],
  },
  {
    id: 'bound',
    title: 'Bound (projected) tokens',
    paragraphs: [
      'The TokenRequest API issues tokens that expire and carry an audience. Their issuer is the cluster’s --service-account-issuer URL and their Kubernetes claims sit in one kubernetes.io object: namespace, service account, and optionally the pod, Secret or node the token is bound to. A bound token stops working when that object is deleted.',
      'Pods get one through a projected serviceAccountToken volume: the kubelet requests it for the pod, writes it to a file and refreshes it once it is older than 80 % of its requested lifetime (or 24 h). Since 1.21 the default mount at /var/run/secrets/kubernetes.io/serviceaccount/token is such a volume. `kubectl create token` asks for one by hand.',
    ],
    refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/kubelet/token/token_manager.go', 'kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go'],
    samples: ['v1.24-projected'],
  },
  {
    id: 'extended',
    title: 'Why a pod token says it expires in a year',
    paragraphs: [
      'The default pod token requests 3607 s. So that old clients which read their token only once keep working, the API server extends it: exp becomes one year after issue and kubernetes.io.warnafter marks the end of the intended 3607 s. Past warnafter the token is still accepted, but every use is logged with the audit annotation authentication.k8s.io/stale-token.',
    ],
    refs: ['kubernetes/kubernetes pkg/kubelet/token/token_manager.go', 'kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go', 'kubernetes/kubernetes pkg/serviceaccount/claims.go'],
    samples: ['v1.24-projected'],
  },
  {
    id: 'validation',
    title: 'How kube-apiserver checks a token',
    paragraphs: [
      'It picks the keys by the header’s kid (an empty kid means every key) and checks the signature, the issuer and the audiences, then the times with 60 s of leeway, and finally that the service account and any bound object still exist with the same UID. A legacy token must also still match the copy in its Secret. Kubernetes itself signs only with RS256, or ES256, ES384 and ES512 for EC keys.',
      'Offline, this app can check the signature, issuer, audiences and times; whether the objects still exist needs the cluster.',
    ],
    refs: ['kubernetes/kubernetes pkg/serviceaccount/jwt.go', 'kubernetes/kubernetes pkg/serviceaccount/legacy.go', 'kubernetes/kubernetes pkg/serviceaccount/claims.go'],
  },
];

export const LEARN_TIMELINE: TimelineEntry[] = [
  { version: '1.12', title: 'TokenRequest and token projection beta', detail: 'Bound tokens with an audience and an expiry, requested through the TokenRequest API.', refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go'] },
  { version: '1.13', title: 'Bound token volume alpha', detail: 'BoundServiceAccountTokenVolume: the default mount can become a projected token instead of the Secret.', refs: ['kubernetes/kubernetes pkg/kubelet/token/token_manager.go'] },
  { version: '1.16', title: 'Key IDs', detail: 'kid becomes the base64url SHA-256 of the public key; older tokens have kid "".', refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/serviceaccount/jwt.go'] },
  { version: '1.19', title: 'warnafter', detail: 'The kubernetes.io.warnafter claim for extended tokens is added (PR #89549).', refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go'] },
  { version: '1.20', title: 'TokenRequest GA, extended expiry by default', detail: '--service-account-extend-token-expiration defaults to true; issuer discovery (/.well-known/openid-configuration) is beta.', refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go', 'kubernetes/kubernetes pkg/serviceaccount/jwt.go'] },
  { version: '1.21', title: 'Bound tokens by default', detail: 'BoundServiceAccountTokenVolume beta: pods mount a 3607 s extended, pod-bound token instead of the Secret. Issuer discovery GA.', refs: ['kubernetes/kubernetes pkg/kubelet/token/token_manager.go', 'kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/serviceaccount/jwt.go'] },
  { version: '1.22', title: 'Bound token volume GA', detail: 'The projected kube-api-access volume is the only default; --service-account-issuer can be repeated to rotate issuers.', refs: ['kubernetes/kubernetes pkg/kubelet/token/token_manager.go', 'kubernetes/kubernetes pkg/serviceaccount/jwt.go'] },
  { version: '1.24', title: 'No more auto-generated token Secrets', detail: 'LegacyServiceAccountTokenNoAutoGeneration beta; kubectl create token appears.', refs: ['kubernetes/kubernetes pkg/controller/serviceaccount/tokens_controller.go', 'kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go', 'kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go'] },
  { version: '1.26', title: 'No auto-generation is GA; tracking starts', detail: 'LegacyServiceAccountTokenTracking alpha: the kubernetes.io/legacy-token-last-used label.', refs: ['kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go'] },
  { version: '1.27', title: 'Tracking legacy tokens by default', detail: 'LegacyServiceAccountTokenTracking beta: the API server records the last day each legacy token was used.', refs: ['kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go'] },
  { version: '1.28', title: 'Tracking GA; clean-up alpha', detail: 'LegacyServiceAccountTokenCleanUp alpha: unused auto-generated Secrets get kubernetes.io/legacy-token-invalid-since, then are deleted.', refs: ['kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go'] },
  { version: '1.29', title: 'Clean-up on by default; jti and node binding alpha', detail: 'LegacyServiceAccountTokenCleanUp beta. ServiceAccountTokenJTI, PodNodeInfo and NodeBinding alpha (KEP-4193).', refs: ['kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go', 'kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go'] },
  { version: '1.30', title: 'jti and node info by default', detail: 'Bound tokens carry a jti (credential-id JTI=<jti> in audit logs) and pod tokens name their node. Legacy token clean-up GA.', refs: ['kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go', 'kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go'] },
  { version: '1.31', title: 'Node-bound tokens by default', detail: `ServiceAccountTokenNodeBinding beta; kubectl 1.31 offers Node-bound tokens without KUBECTL_NODE_BOUND_TOKENS=true: ${boundTokenCommand('Node')}.`, refs: ['kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go'] },
  { version: '1.32', title: 'jti and node info GA', detail: 'ServiceAccountTokenJTI, PodNodeInfo and NodeBindingValidation GA. External token signers alpha (KEP-740).', refs: ['kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go', 'kubernetes/kubernetes pkg/serviceaccount/jwt.go'] },
  { version: '1.33', title: 'Node-bound tokens GA', detail: 'ServiceAccountTokenNodeBinding GA.', refs: ['kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go'] },
  { version: '1.37', title: 'Webhook-bound tokens alpha (upcoming)', detail: 'Tokens bound to an admission webhook configuration, capped at 600 s; off by default.', refs: ['kubernetes/enhancements keps/sig-auth/4193-bound-service-account-token-improvements'] },
];
