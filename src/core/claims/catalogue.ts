import { boundTokenCommand, KUBECTL_MIN_VERSION } from '../kubernetes/kubectlCommand';

/**
 * The one catalogue of what each claim and header parameter means. Kubernetes facts cite the
 * upstream source they come from.
 */

export type ClaimOrigin = 'rfc7519' | 'jose' | 'oidc' | 'kubernetes-legacy' | 'kubernetes-bound';

export interface ClaimInfo {
  title: string;
  description: string;
  origin: ClaimOrigin;
  /** Rendered as a date (RFC 7519 NumericDate). */
  isTime?: boolean;
}

export const ORIGIN_LABELS: Record<ClaimOrigin, string> = {
  rfc7519: 'RFC 7519',
  jose: 'JOSE header',
  oidc: 'OpenID Connect',
  'kubernetes-legacy': 'Kubernetes (legacy)',
  'kubernetes-bound': 'Kubernetes (bound)',
};

const LEGACY = 'kubernetes.io/serviceaccount';

export const CLAIM_CATALOGUE: Record<string, ClaimInfo> = {
  // RFC 7519 §4.1 registered claims
  iss: { title: 'Issuer', origin: 'rfc7519', description: 'Who issued the token. Kubernetes: "kubernetes/serviceaccount" for legacy Secret tokens, otherwise the first --service-account-issuer URL.' },
  sub: { title: 'Subject', origin: 'rfc7519', description: 'Whom the token is about. Kubernetes: system:serviceaccount:<namespace>:<name>.' },
  aud: { title: 'Audience', origin: 'rfc7519', description: 'Who the token is meant for; a recipient must find itself here. Kubernetes always writes an array; legacy tokens have none.' },
  exp: { title: 'Expires at', origin: 'rfc7519', isTime: true, description: 'After this instant the token must be refused (kube-apiserver allows 60 s of clock skew). Legacy tokens have no exp and never expire.' },
  nbf: { title: 'Not before', origin: 'rfc7519', isTime: true, description: 'Before this instant the token must be refused (with 60 s leeway in kube-apiserver). Kubernetes sets it equal to iat.' },
  iat: { title: 'Issued at', origin: 'rfc7519', isTime: true, description: 'When the token was issued. kube-apiserver rejects tokens issued more than 60 s in the future.' },
  jti: { title: 'JWT ID', origin: 'rfc7519', description: 'A unique ID for this token. Kubernetes adds a UUID since 1.29 (default on from 1.30); it appears in audit logs as credential-id JTI=<jti>.' },

  // JOSE header parameters (RFC 7515 §4.1)
  'header.alg': { title: 'Algorithm', origin: 'jose', description: 'How the token is signed. Kubernetes signs only with RS256 (RSA keys) or ES256/ES384/ES512 (P-256/P-384/P-521 keys); "none" means unsigned.' },
  'header.kid': { title: 'Key ID', origin: 'jose', description: 'Which key signed it. Kubernetes uses base64url(SHA-256 of the DER public key) since 1.16; older tokens have kid "".' },
  'header.typ': { title: 'Type', origin: 'jose', description: 'Media type of the whole token, usually "JWT". Kubernetes omits it; very old clusters and external signers may add "JWT".' },
  'header.cty': { title: 'Content type', origin: 'jose', description: 'Media type of the payload; "JWT" means a nested token. Not used by Kubernetes.' },
  'header.crit': { title: 'Critical', origin: 'jose', description: 'Header parameters the verifier must understand, or refuse the token.' },
  'header.jku': { title: 'JWK Set URL', origin: 'jose', description: 'A URL for the signer’s key set. Shown as text and never fetched: trusting it would let the token choose its own key.' },
  'header.jwk': { title: 'JSON Web Key', origin: 'jose', description: 'The signer’s public key embedded in the token. Never trusted for verification: anyone can embed their own key.' },
  'header.x5u': { title: 'X.509 URL', origin: 'jose', description: 'A URL for the signer’s certificate chain. Shown as text and never fetched.' },
  'header.x5c': { title: 'X.509 chain', origin: 'jose', description: 'The signer’s certificate chain, base64 DER. Not trusted on its own.' },
  'header.x5t': { title: 'X.509 SHA-1 thumbprint', origin: 'jose', description: 'SHA-1 thumbprint of the signer’s certificate.' },
  'header.x5t#S256': { title: 'X.509 SHA-256 thumbprint', origin: 'jose', description: 'SHA-256 thumbprint of the signer’s certificate.' },
  'header.b64': { title: 'Base64url payload', origin: 'jose', description: 'RFC 7797: false means the payload is not encoded. Kubernetes never uses it; such tokens are not verified here.' },
  'header.enc': { title: 'Encryption', origin: 'jose', description: 'Content encryption algorithm of an encrypted token (JWE).' },
  'header.zip': { title: 'Compression', origin: 'jose', description: 'Compression applied before encryption (JWE only).' },

  // Common OpenID Connect claims
  azp: { title: 'Authorized party', origin: 'oidc', description: 'The client the ID token was issued to.' },
  nonce: { title: 'Nonce', origin: 'oidc', description: 'Binds an ID token to the client’s authentication request.' },
  auth_time: { title: 'Authentication time', origin: 'oidc', isTime: true, description: 'When the user actually authenticated.' },
  at_hash: { title: 'Access token hash', origin: 'oidc', description: 'Half of the hash of the access token issued alongside.' },
  c_hash: { title: 'Code hash', origin: 'oidc', description: 'Half of the hash of the authorization code.' },
  acr: { title: 'Authentication context', origin: 'oidc', description: 'How strongly the user authenticated.' },
  amr: { title: 'Authentication methods', origin: 'oidc', description: 'How the user authenticated (pwd, mfa…).' },
  email: { title: 'Email', origin: 'oidc', description: 'The user’s email address. With OIDC authentication, kube-apiserver can take the username from it.' },
  email_verified: { title: 'Email verified', origin: 'oidc', description: 'Whether the provider verified the email address.' },
  name: { title: 'Name', origin: 'oidc', description: 'The user’s full name.' },
  preferred_username: { title: 'Preferred username', origin: 'oidc', description: 'The name the user prefers; not guaranteed unique.' },
  groups: { title: 'Groups', origin: 'oidc', description: 'Group memberships (a common, non-standard claim); kube-apiserver’s OIDC authenticator can map it to Kubernetes groups.' },
  scope: { title: 'Scope', origin: 'oidc', description: 'Space-separated OAuth scopes granted.' },
  client_id: { title: 'Client ID', origin: 'oidc', description: 'The OAuth client the token was issued to.' },

  // Legacy Secret-based tokens (kubernetes/kubernetes pkg/controller/serviceaccount/tokens_controller.go, v1.36; pkg/serviceaccount/legacy.go legacyPrivateClaims)
  [`${LEGACY}/namespace`]: { title: 'Namespace', origin: 'kubernetes-legacy', description: 'Namespace of the service account and its token Secret (legacy token).' },
  [`${LEGACY}/secret.name`]: { title: 'Secret name', origin: 'kubernetes-legacy', description: 'The Secret that holds this legacy token. Deleting that Secret revokes the token.' },
  [`${LEGACY}/service-account.name`]: { title: 'Service account', origin: 'kubernetes-legacy', description: 'Name of the service account the token authenticates as (legacy token).' },
  [`${LEGACY}/service-account.uid`]: { title: 'Service account UID', origin: 'kubernetes-legacy', description: 'UID of the service account; the API server checks it still matches.' },

  // Bound tokens (kubernetes/kubernetes pkg/serviceaccount/claims.go privateClaims, v1.36)
  'kubernetes.io': { title: 'Kubernetes', origin: 'kubernetes-bound', description: 'Private claims of a bound (TokenRequest) token.' },
  'kubernetes.io.namespace': { title: 'Namespace', origin: 'kubernetes-bound', description: 'Namespace of the service account.' },
  'kubernetes.io.serviceaccount.name': { title: 'Service account', origin: 'kubernetes-bound', description: 'Name of the service account the token authenticates as.' },
  'kubernetes.io.serviceaccount.uid': { title: 'Service account UID', origin: 'kubernetes-bound', description: 'UID of the service account; the token stops working if the account is deleted and recreated.' },
  'kubernetes.io.pod.name': { title: 'Bound pod', origin: 'kubernetes-bound', description: 'The pod the token is bound to; it stops working 60 s after the pod is deleted.' },
  'kubernetes.io.pod.uid': { title: 'Bound pod UID', origin: 'kubernetes-bound', description: 'UID of the bound pod; checked by the API server.' },
  'kubernetes.io.secret.name': { title: 'Bound Secret', origin: 'kubernetes-bound', description: `The Secret the token is bound to (${boundTokenCommand('Secret')}, kubectl ${KUBECTL_MIN_VERSION} or later); deleting it revokes the token.` },
  'kubernetes.io.secret.uid': { title: 'Bound Secret UID', origin: 'kubernetes-bound', description: 'UID of the bound Secret; checked by the API server.' },
  'kubernetes.io.node.name': { title: 'Node', origin: 'kubernetes-bound', description: 'The node: in a pod token it records where the pod runs (informational, 1.30+ default); without a pod the token is bound to this node.' },
  'kubernetes.io.node.uid': { title: 'Node UID', origin: 'kubernetes-bound', description: 'UID of the node; checked only for node-bound tokens.' },
  'kubernetes.io.warnafter': { title: 'Warn after', origin: 'kubernetes-bound', isTime: true, description: 'End of the real lifetime of an extended token (iat + 3607 s). After it the API server still accepts the token but logs authentication.k8s.io/stale-token.' },
};

/** Looks up a claim (dotted name) or, with `header`, a JOSE header parameter. */
export function describeClaim(name: string, where: 'payload' | 'header' = 'payload'): ClaimInfo | null {
  if (where === 'header') return CLAIM_CATALOGUE[`header.${name}`] ?? null;
  return Object.hasOwn(CLAIM_CATALOGUE, name) && !name.startsWith('header.') ? (CLAIM_CATALOGUE[name] ?? null) : null;
}
