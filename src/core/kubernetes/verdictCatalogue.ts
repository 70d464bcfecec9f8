/**
 * The one catalogue of API-server verdict reasons and warnings: for every code, a short title and
 * the text, in kube-apiserver's own words where it has some (quoted error strings are those of
 * kubernetes/kubernetes pkg/serviceaccount/claims.go, legacy.go and jwt.go).
 */

interface ReasonSpec<P> {
  title: string;
  text: (p: P) => string;
}

const reason = <P = Record<string, never>>(s: ReasonSpec<P>): ReasonSpec<P> => s;
const UNREADABLE = "kube-apiserver cannot read the token's claims.";
const OLD_WORDING = ' (1.20 may word it as an older claims.go did, such as "Token has expired."; the release of that change is not pinned.)';

export const VERDICT_CATALOGUE = {
  // ── The signature ───────────────────────────────────────────────────────────────────────────
  'signature-algorithm': reason<{ alg: string }>({
    title: 'Algorithm kube-apiserver has no key for',
    text: (p) => `The token is signed with ${p.alg}; kube-apiserver's keys are RSA or ECDSA, so it can never verify it (Kubernetes uses RS256, ES256, ES384, ES512).`,
  }),
  'signature-algorithm-unusual': reason<{ alg: string }>({
    title: 'Unusual algorithm',
    text: (p) => `${p.alg} is not an algorithm Kubernetes signs with; whether kube-apiserver accepts it with an RSA key depends on its version.`,
  }),
  'kid-mismatch': reason<{ derivedKid: string; tokenKid: string }>({
    title: 'kube-apiserver would not select this key',
    text: (p) =>
      `kube-apiserver 1.31 and later select keys by kid: this key's derived kid "${p.derivedKid}" ≠ token kid "${p.tokenKid}", so it would not try this key ("invalid signature, no keys found" unless another of its keys has that kid). Up to 1.30 it tried every key.`,
  }),
  'signature-no-matching-key': reason<{ detail: string }>({
    title: 'No key with the token’s kid',
    text: (p) => `invalid signature, no keys found: ${p.detail}`,
  }),
  'signature-invalid': reason<{ detail: string }>({ title: 'Invalid signature', text: (p) => `The signature is not valid: ${p.detail}` }),
  'signature-unsecured': reason({ title: 'Unsecured token', text: () => 'The token is unsecured (alg none); kube-apiserver never accepts it.' }),
  'signature-unsupported': reason<{ detail: string }>({ title: 'Signature not verifiable', text: (p) => `The signature cannot be verified: ${p.detail}` }),
  'signature-error': reason<{ detail: string }>({ title: 'Signature check failed', text: (p) => `The signature could not be checked: ${p.detail}` }),
  'signature-not-checked': reason({
    title: 'Signature not checked',
    text: () => 'The signature was not checked (no key was given); the API server accepts only tokens signed by one of its keys.',
  }),
  // ── Shape ───────────────────────────────────────────────────────────────────────────────────
  'no-claims': reason({ title: 'No claims', text: () => 'The payload is not a JSON claims set; kube-apiserver cannot read the token.' }),
  'bad-iss': reason<{ missing: boolean }>({
    title: 'Unreadable issuer',
    text: (p) => (p.missing ? 'The token has no "iss"; no service account authenticator claims it.' : '"iss" must be a string; kube-apiserver cannot read the token.'),
  }),
  'bad-sub': reason({ title: 'Unreadable sub', text: () => `"sub" must be a string; ${UNREADABLE}` }),
  'bad-aud': reason({ title: 'Unreadable aud', text: () => `"aud" must be a string or an array of strings; ${UNREADABLE}` }),
  'bad-time-claim': reason<{ name: string; problem: string }>({ title: 'Unreadable time claim', text: (p) => `"${p.name}" ${p.problem}; ${UNREADABLE}` }),
  'bad-kubernetes-claims': reason<{ what: string | null }>({
    title: 'Unreadable kubernetes.io claims',
    text: (p) => (p.what === null ? `"kubernetes.io" must be an object; ${UNREADABLE}` : `kubernetes.io.${p.what} must be an object with name and uid; ${UNREADABLE}`),
  }),
  // ── Issuer and audience ─────────────────────────────────────────────────────────────────────
  'issuer-not-accepted': reason<{ iss: string; issuers: string[] }>({
    title: 'Issuer not accepted',
    text: (p) =>
      p.issuers.length
        ? `token issuer "${p.iss}" is invalid: the API server accepts ${p.issuers.map((i) => `"${i}"`).join(', ')} (--service-account-issuer).`
        : `token issuer "${p.iss}" is invalid: no expected issuer was entered (the cluster's --service-account-issuer).`,
  }),
  'audience-mismatch': reason<{ tokenAudiences: string; targets: string }>({
    title: 'Meant for another audience',
    text: (p) => `token audiences ${p.tokenAudiences} is invalid for the target audiences ${p.targets}: the token was issued for another audience (TokenRequest spec.audiences), not for the API server.`,
  }),
  'no-aud': reason({
    title: 'No audience',
    text: () => 'The token has no "aud"; kube-apiserver treats it as meant for its own audiences and records the audit annotation authentication.k8s.io/legacy-token.',
  }),
  'no-target-audiences': reason({
    title: 'Audience not checked',
    text: () => 'No audiences or issuers were entered, so the audience was not checked (kube-apiserver skips the check only when it has no audiences at all).',
  }),
  // ── Time ────────────────────────────────────────────────────────────────────────────────────
  expired: reason<{ exp: string; ago: string; leeway: number; oldWording?: boolean }>({
    title: 'Expired',
    text: (p) => `service account token has expired: exp ${p.exp} is ${p.ago} ago, beyond the ${p.leeway} s leeway.${p.oldWording ? OLD_WORDING : ''}`,
  }),
  'not-yet-valid': reason<{ nbf: string; away: string; leeway: number; oldWording?: boolean }>({
    title: 'Not valid yet',
    text: (p) => `service account token is not valid yet: nbf ${p.nbf} is ${p.away} away, beyond the ${p.leeway} s leeway.${p.oldWording ? OLD_WORDING : ''}`,
  }),
  'issued-in-future': reason<{ iat: string; ahead: string; leeway: number; confirmed?: boolean }>({
    title: 'Issued in the future',
    text: (p) =>
      `service account token is issued in the future: iat ${p.iat} is ${p.ahead} ahead, beyond the ${p.leeway} s leeway (is a clock wrong?).${
        p.confirmed === false ? ' Unconfirmed wording for 1.27–1.28: the source read maps this error only from 1.29; older releases may answer "service account token claims could not be validated".' : ''
      }`,
  }),
  'no-exp': reason({ title: 'No expiry', text: () => 'The token has no "exp": it does not expire by itself.' }),
  'missing-exp': reason({
    title: 'No expiry, read as 1970',
    text: () => 'service account token has expired: the token has no "exp", and the go-jose v2.2.2 in kube-apiserver 1.20–1.26 reads a missing exp as 1970. Kubernetes never mints such a token.',
  }),
  // ── Legacy tokens (kubernetes/kubernetes pkg/serviceaccount/legacy.go) ─────────────────────
  'legacy-sub-missing': reason({ title: 'sub missing', text: () => 'sub claim is missing' }),
  'legacy-namespace-missing': reason({ title: 'Namespace missing', text: () => 'namespace claim is missing (kubernetes.io/serviceaccount/namespace)' }),
  'legacy-secret-missing': reason({ title: 'Secret name missing', text: () => 'secretName claim is missing (kubernetes.io/serviceaccount/secret.name)' }),
  'legacy-sa-name-missing': reason({ title: 'Service account name missing', text: () => 'serviceAccountName claim is missing (kubernetes.io/serviceaccount/service-account.name)' }),
  'legacy-sa-uid-missing': reason({ title: 'Service account uid missing', text: () => 'serviceAccountUID claim is missing (kubernetes.io/serviceaccount/service-account.uid)' }),
  'legacy-sub-invalid': reason<{ sub: string; expected: string }>({ title: 'sub does not match', text: (p) => `sub claim is invalid: "${p.sub}" is not ${p.expected}` }),
  // ── Bound tokens (kubernetes/kubernetes pkg/serviceaccount/claims.go) ──────────────────────
  'missing-service-account': reason<{ why: string }>({
    title: 'No service account',
    text: (p) => `The token names no service account (${p.why}); kube-apiserver looks the service account up and cannot find one.`,
  }),
  'missing-service-account-uid': reason({
    title: 'No service account uid',
    text: () => "service account UID does not match claim (): kubernetes.io.serviceaccount.uid is missing, so it cannot equal the service account's uid.",
  }),
  'sub-mismatch': reason<{ sub: string | null; expected: string }>({
    title: 'sub disagrees with kubernetes.io',
    text: (p) =>
      `"sub" is ${p.sub === null ? 'missing' : `"${p.sub}"`}, but the kubernetes.io claims say ${p.expected}; kube-apiserver uses the kubernetes.io claims for the identity, and never issues such a token itself.`,
  }),
  'node-binding-ignored': reason({
    title: 'Node binding ignored',
    text: () => 'kube-apiserver up to 1.28 does not read kubernetes.io.node: the Node binding is ignored and the token works as an unbound token, even after the Node is gone.',
  }),
  'node-binding-gate-off': reason({
    title: 'Node binding refused',
    text: () => 'token is bound to a Node object but the ServiceAccountTokenNodeBindingValidation feature gate is disabled (alpha and off by default in 1.29).',
  }),
  'lookup-disabled': reason({
    title: 'Objects not looked up',
    text: () => 'kube-apiserver runs with --service-account-lookup=false: it does not look up the ServiceAccount, Secret, Pod or Node, nor the invalid-since label, so a deleted object does not invalidate the token.',
  }),
  // ── Issuance: would this API server have minted it so (storage/token.go) ──────────────────
  'extended-despite-flag': reason({
    title: 'Extended, though the flag is off',
    text: () => 'The token is extended (it has kubernetes.io.warnafter), but this API server runs with --service-account-extend-token-expiration=false: another API server minted it, or the flag changed since.',
  }),
  'extended-by-signer': reason({
    title: 'Extension length set by the signer',
    text: () => "With an external signer, an extended token's exp is the signer's maximum extended expiry, not necessarily one year (PR #129816); how the signer's limit feeds into it was not traced.",
  }),
  'longer-than-max': reason<{ lifetime: string; max: number }>({
    title: 'Longer than the maximum',
    text: (p) => `The token lives ${p.lifetime}, longer than --service-account-max-token-expiration (${p.max} s), which shortens every request: it was minted before the flag was set, or by another API server.`,
  }),
  'stale-token': reason<{ warnafter: string; seconds: number }>({
    title: 'Stale token',
    text: (p) =>
      `The token is past kubernetes.io.warnafter (${p.warnafter}): the API server accepts it but records authentication.k8s.io/stale-token, ${p.seconds} seconds after the warning threshold. The kubelet should have refreshed it.`,
  }),
};

export type VerdictCode = keyof typeof VERDICT_CATALOGUE;
export type VerdictParams<C extends VerdictCode> = Parameters<(typeof VERDICT_CATALOGUE)[C]['text']>[0];

export interface VerdictReason {
  code: VerdictCode;
  message: string;
}

export function verdictReason<C extends VerdictCode>(code: C, ...params: VerdictParams<C> extends Record<string, never> ? [] : [VerdictParams<C>]): VerdictReason {
  const text = VERDICT_CATALOGUE[code].text as (p: VerdictParams<C> | Record<string, never>) => string;
  return { code, message: text(params[0] ?? {}) };
}
