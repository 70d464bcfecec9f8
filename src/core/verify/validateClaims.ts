/**
 * Would kube-apiserver accept this token? The issuer, audience, time and claim-shape checks of its
 * service account authenticators (reference §4.1–4.3), run offline, reporting every reason at
 * once instead of stopping at the first as the API server does. What only the cluster can answer
 * (does the bound Pod still exist with that uid?) is listed separately, never guessed.
 */
import type { JsonObject } from '../jws/decodeToken';
import { formatDuration, toIsoInstant } from '../time/formatTime';
import { parseNumericDate } from '../time/numericDate';
import { API_SERVER_LEEWAY_SECONDS } from '../time/validity';
import { makeUsername, splitUsername } from '../kubernetes/kubernetesNames';
import { isKubernetesAlgorithm } from './algorithms';
import type { SignatureResult } from './verifySignature';

/** The issuer of every legacy Secret-based token (k/k pkg/serviceaccount/legacy.go). */
export const LEGACY_ISSUER = 'kubernetes/serviceaccount';

export interface ClaimPolicy {
  /** --service-account-issuer values; the first issues tokens, all are accepted. */
  issuers: string[];
  /** --api-audiences; empty means "the issuers", as kube-apiserver defaults it. */
  audiences: string[];
  /** go-jose's DefaultLeeway, 60 s, unless given. */
  leewaySeconds?: number;
  nowSeconds: number;
}

export interface VerdictReason {
  code: string;
  message: string;
}

export interface ClaimVerdict {
  /** True when nothing checkable offline stands in the way. */
  accepted: boolean;
  /** Which authenticator handles the token: by its issuer. */
  path: 'legacy' | 'bound' | 'unreadable';
  /** Every reason the API server would refuse the token. */
  reasons: VerdictReason[];
  /** Accepted, but worth knowing (stale token audit annotation, sub inconsistent with identity…). */
  warnings: VerdictReason[];
  /** What only the cluster can tell. */
  notCheckable: string[];
  /** The audiences the token was matched against. */
  targetAudiences: string[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
/** Go's %q for a []string: ["a" "b"]. */
const goQuoteList = (list: string[]) => `[${list.map((s) => JSON.stringify(s)).join(' ')}]`;

function signatureReason(signature: SignatureResult): VerdictReason | null {
  switch (signature.state) {
    case 'verified':
      if (signature.alg && !isKubernetesAlgorithm(signature.alg) && /^(HS|Ed)/.test(signature.alg)) {
        return { code: 'signature-algorithm', message: `The token is signed with ${signature.alg}; kube-apiserver's keys are RSA or ECDSA, so it can never verify it (Kubernetes uses RS256, ES256, ES384, ES512).` };
      }
      return kidMismatchReason(signature);
    case 'no-matching-key':
      return { code: 'signature-no-matching-key', message: `invalid signature, no keys found: ${signature.message}` };
    case 'invalid':
      return { code: 'signature-invalid', message: `The signature is not valid: ${signature.message}` };
    case 'unsecured':
      return { code: 'signature-unsecured', message: 'The token is unsecured (alg none); kube-apiserver never accepts it.' };
    case 'unsupported':
      return { code: 'signature-unsupported', message: `The signature cannot be verified: ${signature.message}` };
    case 'error':
      return { code: 'signature-error', message: `The signature could not be checked: ${signature.message}` };
    case 'no-key':
      return { code: 'signature-not-checked', message: 'The signature was not checked (no key was given); the API server accepts only tokens signed by one of its keys.' };
  }
}

/**
 * The signature verifies, but would kube-apiserver pick that key? It selects keys by the kid it
 * derives from each (kubernetes/kubernetes pkg/serviceaccount/jwt.go @ 9d38f210, from 1.31); through
 * 1.30 it tried every key. Which versions apply is for the version table to say.
 */
function kidMismatchReason(signature: SignatureResult): VerdictReason | null {
  const selection = signature.kubernetesSelection;
  if (!selection || selection.selects) return null;
  return {
    code: 'kid-mismatch',
    message: `kube-apiserver 1.31 and later select keys by kid: this key's derived kid "${selection.derivedKid}" ≠ token kid "${selection.tokenKid ?? ''}", so it would not try this key ("invalid signature, no keys found" unless another of its keys has that kid). Up to 1.30 it tried every key.`,
  };
}

function audiencesOf(aud: unknown): string[] | null | 'malformed' {
  if (aud === undefined) return null;
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud) && aud.every((a) => typeof a === 'string')) return aud as string[];
  return 'malformed';
}

interface Context {
  reasons: VerdictReason[];
  warnings: VerdictReason[];
  notCheckable: string[];
  leeway: number;
  now: number;
}

function checkAudience(claims: JsonObject, targets: string[], ctx: Context): void {
  const tokenAudiences = audiencesOf(claims.aud);
  if (tokenAudiences === 'malformed') {
    ctx.reasons.push({ code: 'bad-aud', message: '"aud" must be a string or an array of strings; kube-apiserver cannot read the token\'s claims.' });
    return;
  }
  if (tokenAudiences === null || tokenAudiences.length === 0) {
    // kube-apiserver treats a token without aud as meant for its own audiences (jwt.go).
    ctx.warnings.push({ code: 'no-aud', message: 'The token has no "aud"; kube-apiserver treats it as meant for its own audiences and records the audit annotation authentication.k8s.io/legacy-token.' });
    return;
  }
  if (targets.length === 0) {
    ctx.warnings.push({ code: 'no-target-audiences', message: 'No audiences or issuers were entered, so the audience was not checked (kube-apiserver skips the check only when it has no audiences at all).' });
    return;
  }
  if (!tokenAudiences.some((a) => targets.includes(a))) {
    ctx.reasons.push({
      code: 'audience-mismatch',
      message: `token audiences ${goQuoteList(tokenAudiences)} is invalid for the target audiences ${goQuoteList(targets)}: the token was issued for another audience (TokenRequest spec.audiences), not for the API server.`,
    });
  }
}

function checkTimes(claims: JsonObject, ctx: Context): void {
  const { now, leeway } = ctx;
  for (const name of ['exp', 'nbf', 'iat'] as const) {
    if (claims[name] === undefined) {
      if (name === 'exp') ctx.warnings.push({ code: 'no-exp', message: 'The token has no "exp": it does not expire by itself.' });
      continue;
    }
    const date = parseNumericDate(claims[name]);
    if (!date.ok) {
      ctx.reasons.push({ code: 'bad-time-claim', message: `"${name}" ${date.message}; kube-apiserver cannot read the token's claims.` });
      continue;
    }
    const at = date.seconds;
    if (name === 'exp' && now - leeway > at) {
      ctx.reasons.push({ code: 'expired', message: `service account token has expired: exp ${toIsoInstant(at)} is ${formatDuration(now - at)} ago, beyond the ${leeway} s leeway.` });
    }
    if (name === 'nbf' && now + leeway < at) {
      ctx.reasons.push({ code: 'not-yet-valid', message: `service account token is not valid yet: nbf ${toIsoInstant(at)} is ${formatDuration(at - now)} away, beyond the ${leeway} s leeway.` });
    }
    if (name === 'iat' && now + leeway < at) {
      ctx.reasons.push({ code: 'issued-in-future', message: `service account token is issued in the future: iat ${toIsoInstant(at)} is ${formatDuration(at - now)} ahead, beyond the ${leeway} s leeway (is a clock wrong?).` });
    }
  }
}

function checkLegacy(claims: JsonObject, ctx: Context): void {
  const get = (suffix: string) => nonEmpty(claims[`kubernetes.io/serviceaccount/${suffix}`]);
  const sub = nonEmpty(claims.sub);
  const namespace = get('namespace');
  const secretName = get('secret.name');
  const saName = get('service-account.name');
  const saUid = get('service-account.uid');
  // The exact errors of k/k pkg/serviceaccount/legacy.go, all at once.
  if (!sub) ctx.reasons.push({ code: 'legacy-sub-missing', message: 'sub claim is missing' });
  if (!namespace) ctx.reasons.push({ code: 'legacy-namespace-missing', message: 'namespace claim is missing (kubernetes.io/serviceaccount/namespace)' });
  if (!secretName) ctx.reasons.push({ code: 'legacy-secret-missing', message: 'secretName claim is missing (kubernetes.io/serviceaccount/secret.name)' });
  if (!saName) ctx.reasons.push({ code: 'legacy-sa-name-missing', message: 'serviceAccountName claim is missing (kubernetes.io/serviceaccount/service-account.name)' });
  if (!saUid) ctx.reasons.push({ code: 'legacy-sa-uid-missing', message: 'serviceAccountUID claim is missing (kubernetes.io/serviceaccount/service-account.uid)' });
  if (sub && namespace && saName) {
    const split = splitUsername(sub);
    if (!split || split.namespace !== namespace || split.name !== saName) {
      ctx.reasons.push({ code: 'legacy-sub-invalid', message: `sub claim is invalid: "${sub}" is not ${makeUsername(namespace, saName)}` });
    }
  }
  const ns = namespace ?? '<namespace>';
  ctx.notCheckable.push(
    `The Secret ${ns}/${secretName ?? '<secret>'} still exists, is not being deleted, and its data.token is exactly this token (else "Token has been invalidated" or "Token does not match server's copy").`,
    `The ServiceAccount ${ns}/${saName ?? '<name>'} still exists with uid ${saUid ?? '<uid>'}.`,
    'The Secret does not carry the label kubernetes.io/legacy-token-invalid-since (set by the legacy token cleaner).',
  );
}

function readRef(value: unknown, what: string, ctx: Context): { name: string | null; uid: string | null } | null {
  if (value === undefined) return null;
  if (!isObject(value)) {
    ctx.reasons.push({ code: 'bad-kubernetes-claims', message: `kubernetes.io.${what} must be an object with name and uid; kube-apiserver cannot read the token's claims.` });
    return null;
  }
  return { name: nonEmpty(value.name), uid: nonEmpty(value.uid) };
}

function checkBound(claims: JsonObject, ctx: Context): void {
  const k8s = claims['kubernetes.io'];
  if (k8s !== undefined && !isObject(k8s)) {
    ctx.reasons.push({ code: 'bad-kubernetes-claims', message: '"kubernetes.io" must be an object; kube-apiserver cannot read the token\'s claims.' });
    return;
  }
  const info = k8s ?? {};
  const namespace = nonEmpty(info.namespace);
  const sa = readRef(info.serviceaccount, 'serviceaccount', ctx);
  const pod = readRef(info.pod, 'pod', ctx);
  const secret = readRef(info.secret, 'secret', ctx);
  const node = readRef(info.node, 'node', ctx);

  if (!namespace || !sa?.name) {
    ctx.reasons.push({
      code: 'missing-service-account',
      message: `The token names no service account (${!k8s ? 'it has no "kubernetes.io" claim' : !namespace ? 'kubernetes.io.namespace is missing' : 'kubernetes.io.serviceaccount.name is missing'}); kube-apiserver looks the service account up and cannot find one.`,
    });
  } else if (!sa.uid) {
    ctx.reasons.push({ code: 'missing-service-account-uid', message: 'service account UID does not match claim (): kubernetes.io.serviceaccount.uid is missing, so it cannot equal the service account\'s uid.' });
  }

  const sub = text(claims.sub);
  if (namespace && sa?.name) {
    const expected = makeUsername(namespace, sa.name);
    if (sub !== expected) {
      // The bound validator takes the identity from kubernetes.io, not from sub (claims.go), so a
      // mismatch does not stop the API server; a token it issued never has one, though.
      ctx.warnings.push({ code: 'sub-mismatch', message: `"sub" is ${sub === null ? 'missing' : `"${sub}"`}, but the kubernetes.io claims say ${expected}; kube-apiserver uses the kubernetes.io claims for the identity, and never issues such a token itself.` });
    }
  }

  const warnafter = info.warnafter === undefined ? null : parseNumericDate(info.warnafter);
  if (warnafter?.ok && warnafter.seconds > 0 && ctx.now > warnafter.seconds) {
    ctx.warnings.push({
      code: 'stale-token',
      message: `The token is past kubernetes.io.warnafter (${toIsoInstant(warnafter.seconds)}): the API server accepts it but records authentication.k8s.io/stale-token, ${Math.floor(ctx.now - warnafter.seconds)} seconds after the warning threshold. The kubelet should have refreshed it.`,
    });
  }

  const ns = namespace ?? '<namespace>';
  ctx.notCheckable.push(`The ServiceAccount ${ns}/${sa?.name ?? '<name>'} still exists with uid ${sa?.uid ?? '<uid>'} and was not deleted more than ${API_SERVER_LEEWAY_SECONDS} s ago.`);
  if (pod) ctx.notCheckable.push(`The Pod ${ns}/${pod.name ?? '<name>'} it is bound to still exists with uid ${pod.uid ?? '<uid>'} (else "service account token has been invalidated").`);
  if (secret) ctx.notCheckable.push(`The Secret ${ns}/${secret.name ?? '<name>'} it is bound to still exists with uid ${secret.uid ?? '<uid>'} (else "service account token has been invalidated").`);
  if (node && !pod) ctx.notCheckable.push(`The Node ${node.name ?? '<name>'} it is bound to still exists with uid ${node.uid ?? '<uid>'}.`);
}

export function validateClaims(claims: JsonObject | null, policy: ClaimPolicy, signature?: SignatureResult): ClaimVerdict {
  const ctx: Context = { reasons: [], warnings: [], notCheckable: [], leeway: policy.leewaySeconds ?? API_SERVER_LEEWAY_SECONDS, now: policy.nowSeconds };
  const targetAudiences = policy.audiences.length ? [...policy.audiences] : [...policy.issuers];
  const done = (path: ClaimVerdict['path']): ClaimVerdict => ({
    accepted: ctx.reasons.length === 0,
    path,
    reasons: ctx.reasons,
    warnings: ctx.warnings,
    notCheckable: ctx.notCheckable,
    targetAudiences,
  });

  if (signature) {
    const reason = signatureReason(signature);
    if (reason) ctx.reasons.push(reason);
    if (signature.state === 'verified' && !reason && signature.alg && !isKubernetesAlgorithm(signature.alg)) {
      // RS384/RS512/PS*: an RSA key could verify them, and older go-jose did not pin algorithms.
      ctx.warnings.push({ code: 'signature-algorithm', message: `${signature.alg} is not an algorithm Kubernetes signs with; whether kube-apiserver accepts it with an RSA key depends on its version.` });
    }
  } else {
    ctx.notCheckable.push('The signature: no signature result was given.');
  }

  if (!claims) {
    ctx.reasons.push({ code: 'no-claims', message: 'The payload is not a JSON claims set; kube-apiserver cannot read the token.' });
    return done('unreadable');
  }
  const iss = claims.iss;
  if (typeof iss !== 'string') {
    ctx.reasons.push({ code: 'bad-iss', message: iss === undefined ? 'The token has no "iss"; no service account authenticator claims it.' : '"iss" must be a string; kube-apiserver cannot read the token.' });
    return done('unreadable');
  }
  if (typeof claims.sub !== 'string' && claims.sub !== undefined) {
    ctx.reasons.push({ code: 'bad-sub', message: '"sub" must be a string; kube-apiserver cannot read the token\'s claims.' });
  }

  if (iss === LEGACY_ISSUER) {
    // The legacy authenticator has its own issuer set, {"kubernetes/serviceaccount"}, whatever
    // --service-account-issuer says, and does no time checks (a legacy token has no times).
    checkAudience(claims, targetAudiences, ctx);
    checkLegacy(claims, ctx);
    return done('legacy');
  }
  if (!policy.issuers.includes(iss)) {
    ctx.reasons.push({
      code: 'issuer-not-accepted',
      message: policy.issuers.length
        ? `token issuer "${iss}" is invalid: the API server accepts ${policy.issuers.map((i) => `"${i}"`).join(', ')} (--service-account-issuer).`
        : `token issuer "${iss}" is invalid: no expected issuer was entered (the cluster's --service-account-issuer).`,
    });
  }
  checkAudience(claims, targetAudiences, ctx);
  checkTimes(claims, ctx);
  checkBound(claims, ctx);
  return done('bound');
}
