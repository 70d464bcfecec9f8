import { boundTokenCommand, KUBECTL_MIN_VERSION } from './kubectlCommand';

/**
 * What each kind of token is, in words shown to the user (the one catalogue for kinds). Facts
 * cite, in `refs`, the upstream source files they rest on.
 */

/** The contract values of `data-kind` on `token-kind` (PRODUCT.md). */
export type TokenKind = 'legacy' | 'pod-bound' | 'secret-bound' | 'node-bound' | 'unbound' | 'not-kubernetes';

/** Finer kinds the contract has no value for; see KIND_VARIANTS. */
export type TokenVariant = 'webhook-bound';

export interface KindInfo {
  title: string;
  /** One line under the title. */
  headline: string;
  description: string;
  /** Reference sections the text rests on. */
  refs: string[];
}

export const KIND_CATALOGUE: Record<TokenKind, KindInfo> = {
  legacy: {
    title: 'Legacy Secret-based token',
    headline: 'Never expires: it works for as long as its Secret and service account exist.',
    description:
      'Minted by kube-controller-manager into a Secret of type kubernetes.io/service-account-token. It has no audience and no time claims. Secrets were generated for every service account until 1.24; since then they exist only when created by hand, and from 1.29 unused auto-generated ones are labelled invalid and later deleted.',
    refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/controller/serviceaccount/tokens_controller.go', 'kubernetes/kubernetes pkg/serviceaccount/legacy.go', 'kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go'],
  },
  'pod-bound': {
    title: 'Pod-bound token',
    headline: 'Bound to a pod: it stops working 60 s after the pod is deleted.',
    description:
      'Issued through the TokenRequest API with the pod as bound object, normally by the kubelet for a projected serviceAccountToken volume (the default kube-api-access mount since 1.21). The API server checks that the pod still exists with the same UID; whether it does cannot be checked offline.',
    refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/kubelet/token/token_manager.go'],
  },
  'secret-bound': {
    title: 'Secret-bound token',
    headline: 'Bound to a Secret: deleting the Secret revokes it.',
    description:
      `Issued through the TokenRequest API with a Secret as bound object (${boundTokenCommand('Secret')}, kubectl ${KUBECTL_MIN_VERSION} or later). The Secret can be of any type; the API server checks that it still exists with the same UID.`,
    refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go'],
  },
  'node-bound': {
    title: 'Node-bound token',
    headline: 'Bound to a node: it stops working once the node is deleted.',
    description:
      `Issued through the TokenRequest API with a Node as bound object (${boundTokenCommand('Node')}, kubectl ${KUBECTL_MIN_VERSION} or later; kubectl 1.29–1.30 only with KUBECTL_NODE_BOUND_TOKENS=true). It has a node reference and no pod reference; the API server checks that the node still exists with the same UID.`,
    refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go'],
  },
  unbound: {
    title: 'TokenRequest token, not bound to an object',
    headline: 'Valid until exp, unless the service account is deleted.',
    description:
      'Issued through the TokenRequest API without a bound object, as `kubectl create token <service-account>` does (kubectl 1.24+). Only the service account is checked; deleting it is the only way to revoke the token before it expires.',
    refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go', 'kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go'],
  },
  'not-kubernetes': {
    title: 'Not a Kubernetes service account token',
    headline: 'No Kubernetes claims: an OIDC ID token or another JWT.',
    description:
      'It has neither the legacy issuer "kubernetes/serviceaccount" with its flat claims nor a kubernetes.io object claim. kube-apiserver may still accept it through an OIDC or structured authentication configuration, which maps its claims to a user in its own way.',
    refs: ['kubernetes/kubernetes pkg/serviceaccount/claims.go'],
  },
};

/**
 * Webhook-bound tokens (1.37 alpha) are bound to a Validating/MutatingWebhookConfiguration.
 * The UI contract has no value for them; they are reported as `unbound` (not bound to a pod,
 * Secret or node, which is what that value tells the UI) with this variant and its own text.
 */
export const KIND_VARIANTS: Record<TokenVariant, KindInfo> = {
  'webhook-bound': {
    title: 'Webhook-bound token (1.37 alpha)',
    headline: 'Bound to an admission webhook configuration; lives at most 600 s.',
    description:
      'Issued so that kube-apiserver can authenticate to an admission webhook (KEP-6060, alpha in 1.37, off by default). It is bound to a ValidatingWebhookConfiguration or MutatingWebhookConfiguration, cannot use the API server’s audiences, and is capped at 600 s. The claim names inside the JWT are not yet confirmed in Kubernetes code.',
    refs: ['kubernetes/enhancements keps/sig-auth/4193-bound-service-account-token-improvements'],
  },
};

/** Added to a bound kind when `kubernetes.io.warnafter` is present. */
export const EXTENDED_INFO: KindInfo = {
  title: 'Extended expiry',
  headline: 'Meant to be used for 3607 s (until warnafter); the API server accepts it for a year (exp).',
  description:
    'Pod tokens injected by the ServiceAccount admission plugin request 3607 s. With --service-account-extend-token-expiration (default true since 1.20) the API server writes exp one year out and warnafter = iat + 3607, so old clients that never re-read the token keep working. After warnafter it is still accepted, but each use is logged with the audit annotation authentication.k8s.io/stale-token.',
  refs: ['kubernetes/kubernetes pkg/kubelet/token/token_manager.go', 'kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go', 'kubernetes/kubernetes pkg/serviceaccount/claims.go'],
};
