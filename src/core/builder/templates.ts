/**
 * Starting points for the builder: one claim set per token shape, filled the way the minting
 * component writes it (kubernetes/kubernetes pkg/serviceaccount/claims.go, v1.36; kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go, v1.36), with times relative to the given instant. The texts here
 * are the one place the builder explains its templates.
 */
import { BOUND_CLAIM, LEGACY_CLAIMS, LEGACY_ISSUER } from '../kubernetes/kubernetesClaims';
import { stringifySorted, type JsonObject } from './jsonText';
import { boundTokenCommand, KUBECTL_MIN_VERSION } from '../kubernetes/kubectlCommand';

export const TEMPLATE_IDS = ['legacy', 'pod-bound', 'secret-bound', 'node-bound', 'unbound', 'generic'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const isTemplateId = (value: string): value is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(value);

export interface TemplateInfo {
  id: TemplateId;
  label: string;
  description: string;
}

/** kubeadm's default `--service-account-issuer`; bound tokens default their audience to it (kubernetes/kubernetes pkg/serviceaccount/claims.go, v1.36). */
export const DEFAULT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go, v1.36: the admission-injected projected token asks for 3607 s and is extended to one year. */
export const EXTENDED_EXPIRATION_SECONDS = 31_536_000;
export const WARN_AFTER_SECONDS = 3607;
/** kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go, v1.36: TokenRequest default `expirationSeconds`. */
export const DEFAULT_EXPIRATION_SECONDS = 3600;

export const TEMPLATES: Record<TemplateId, TemplateInfo> = {
  legacy: {
    id: 'legacy',
    label: 'Legacy Secret-based token',
    description:
      'What kube-controller-manager wrote into kubernetes.io/service-account-token Secrets: issuer kubernetes/serviceaccount, the four flat kubernetes.io/serviceaccount/* claims and sub. No audience and no times: it never expires.',
  },
  'pod-bound': {
    id: 'pod-bound',
    label: 'Pod-bound token (projected volume, 1.30+)',
    description:
      'What the kubelet mounts at /var/run/secrets/kubernetes.io/serviceaccount/token today: bound to a pod, with the node it runs on and a jti, and extended expiry — exp one year after iat, warnafter iat + 3607 s.',
  },
  'secret-bound': {
    id: 'secret-bound',
    label: 'Secret-bound token',
    description: `${boundTokenCommand('Secret')} (kubectl ${KUBECTL_MIN_VERSION} or later): valid for 1 h (the TokenRequest default) and revoked by deleting the Secret.`,
  },
  'node-bound': {
    id: 'node-bound',
    label: 'Node-bound token',
    description: `${boundTokenCommand('Node')} (kubectl ${KUBECTL_MIN_VERSION} or later; on by default in clusters from 1.31): bound to a node and no pod, valid for 1 h.`,
  },
  unbound: {
    id: 'unbound',
    label: 'Unbound TokenRequest token',
    description: 'kubectl create token <sa>: bound to no object, valid for 1 h (the TokenRequest default).',
  },
  generic: {
    id: 'generic',
    label: 'Generic JWT (not Kubernetes)',
    description: 'An ordinary access token from some other issuer, with typ "JWT" in the header: the decoder reports it as not a Kubernetes token.',
  },
};

export interface TemplateOptions {
  /** The instant the token is issued, in seconds (iat = nbf). */
  nowSeconds: number;
  /** `iss` of bound tokens, and their audience. */
  issuer?: string;
  /** UUID source for jti and object UIDs; crypto.randomUUID by default. */
  newUuid?: () => string;
}

interface Names {
  namespace: string;
  serviceAccount: string;
}

const ref = (name: string, uid: string) => ({ name, uid });

/** The claims kube-apiserver's Claims() writes for every bound token (kubernetes/kubernetes pkg/serviceaccount/claims.go, v1.36), plus `kubernetes.io` parts. */
function boundClaims(options: Required<TemplateOptions>, names: Names, lifetime: number, bound: JsonObject, extra: JsonObject = {}): JsonObject {
  const iat = options.nowSeconds;
  return {
    aud: [options.issuer],
    exp: iat + lifetime,
    iat,
    iss: options.issuer,
    jti: options.newUuid(),
    [BOUND_CLAIM]: {
      namespace: names.namespace,
      serviceaccount: ref(names.serviceAccount, options.newUuid()),
      ...bound,
      ...extra,
    },
    nbf: iat,
    sub: `system:serviceaccount:${names.namespace}:${names.serviceAccount}`,
  };
}

export function templateClaims(id: TemplateId, given: TemplateOptions): JsonObject {
  const options: Required<TemplateOptions> = {
    issuer: DEFAULT_ISSUER,
    newUuid: () => globalThis.crypto.randomUUID(),
    ...given,
    nowSeconds: Math.floor(given.nowSeconds),
  };
  const iat = options.nowSeconds;
  switch (id) {
    case 'legacy':
      return {
        iss: LEGACY_ISSUER,
        [LEGACY_CLAIMS.namespace]: 'default',
        [LEGACY_CLAIMS.secretName]: 'build-robot-token',
        [LEGACY_CLAIMS.serviceAccountName]: 'build-robot',
        [LEGACY_CLAIMS.serviceAccountUid]: options.newUuid(),
        sub: 'system:serviceaccount:default:build-robot',
      };
    case 'pod-bound':
      return boundClaims(
        options,
        { namespace: 'shop', serviceAccount: 'checkout' },
        EXTENDED_EXPIRATION_SECONDS,
        { node: ref('worker-1', options.newUuid()), pod: ref('checkout-6d9f7c8b5d-x2kqp', options.newUuid()) },
        { warnafter: iat + WARN_AFTER_SECONDS },
      );
    case 'secret-bound':
      return boundClaims(options, { namespace: 'ci', serviceAccount: 'deployer' }, DEFAULT_EXPIRATION_SECONDS, { secret: ref('deployer-binding', options.newUuid()) });
    case 'node-bound':
      return boundClaims(options, { namespace: 'kube-system', serviceAccount: 'node-agent' }, DEFAULT_EXPIRATION_SECONDS, { node: ref('worker-1', options.newUuid()) });
    case 'unbound':
      return boundClaims(options, { namespace: 'default', serviceAccount: 'build-robot' }, DEFAULT_EXPIRATION_SECONDS, {});
    case 'generic':
      return {
        aud: 'https://api.example.com',
        exp: iat + DEFAULT_EXPIRATION_SECONDS,
        iat,
        iss: 'https://auth.example.com',
        jti: options.newUuid(),
        nbf: iat,
        scope: 'orders:read',
        sub: 'user-7c1e2d',
      };
  }
}

/** The payload text the editor starts with: sorted like kube-apiserver writes it, indented for editing. */
export function templatePayloadText(id: TemplateId, options: TemplateOptions): string {
  return stringifySorted(templateClaims(id, options), 2);
}

/**
 * The protected header: `alg` and `kid` only, as go-jose writes it for kube-apiserver (kubernetes/kubernetes pkg/serviceaccount/jwt.go, signed by go-jose, v1.36);
 * the generic template adds `typ: "JWT"` as most other issuers do. No kid when none is given.
 */
export function templateHeader(id: TemplateId, alg: string, kid: string | null): JsonObject {
  return { alg, ...(kid !== null && { kid }), ...(id === 'generic' && { typ: 'JWT' }) };
}

export function templateHeaderText(id: TemplateId, alg: string, kid: string | null): string {
  return stringifySorted(templateHeader(id, alg, kid), 2);
}
