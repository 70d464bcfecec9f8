/**
 * Would kube-apiserver accept this token? The issuer, audience, time and claim-shape checks of its
 * service account authenticators (kubernetes/kubernetes pkg/serviceaccount/jwt.go, claims.go,
 * legacy.go), run offline, reporting every reason at
 * once instead of stopping at the first as the API server does. What only the cluster can answer
 * (does the bound Pod still exist with that uid?) is listed separately, never guessed.
 */
import type { JsonObject } from '../jws/decodeToken';
import { formatDuration, toIsoInstant } from '../time/formatTime';
import { parseNumericDate } from '../time/numericDate';
import { API_SERVER_LEEWAY_SECONDS } from '../time/validity';
import { isKubernetesAlgorithm } from '../verify/algorithms';
import type { SignatureResult } from '../verify/verifySignature';
import { LEGACY_ISSUER } from './kubernetesClaims';
import { makeUsername, splitUsername } from './kubernetesNames';
import { verdictReason, type VerdictReason } from './verdictCatalogue';
import { behaviourOf, minorOf, type ClusterSettings, type VersionBehaviour } from './versions';

export type { VerdictReason } from './verdictCatalogue';

/** The API server's configuration: issuers, audiences, and the version, gates and flags. */
export interface ClaimPolicy extends ClusterSettings {
  /** --service-account-issuer values; the first issues tokens, all are accepted. */
  issuers: string[];
  /** --api-audiences; empty means "the issuers", as kube-apiserver defaults it. */
  audiences: string[];
  /** go-jose's DefaultLeeway, 60 s, unless given. */
  leewaySeconds?: number;
  nowSeconds: number;
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

function signatureReason(signature: SignatureResult, b: VersionBehaviour): VerdictReason | null {
  switch (signature.state) {
    case 'verified':
      if (signature.alg && !isKubernetesAlgorithm(signature.alg) && /^(HS|Ed)/.test(signature.alg)) {
        return verdictReason('signature-algorithm', { alg: signature.alg });
      }
      return b.selectsKeyByKid ? kidMismatchReason(signature) : null;
    case 'no-matching-key':
      // Up to 1.30 kube-apiserver ignores kids and tries every key (jwt.go before 9d38f210): a key
      // whose signature matches anyway is one it would accept the token with.
      if (!b.selectsKeyByKid && signature.attempts.some((a) => a.signatureMatchesAnyway === true)) return null;
      return verdictReason('signature-no-matching-key', { detail: signature.message });
    case 'invalid':
      return verdictReason('signature-invalid', { detail: signature.message });
    case 'unsecured':
      return verdictReason('signature-unsecured');
    case 'unsupported':
      return verdictReason('signature-unsupported', { detail: signature.message });
    case 'error':
      return verdictReason('signature-error', { detail: signature.message });
    case 'no-key':
      return verdictReason('signature-not-checked');
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
  return verdictReason('kid-mismatch', { derivedKid: selection.derivedKid, tokenKid: selection.tokenKid ?? '' });
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
  b: VersionBehaviour;
}

function checkAudience(claims: JsonObject, targets: string[], ctx: Context): void {
  const tokenAudiences = audiencesOf(claims.aud);
  if (tokenAudiences === 'malformed') {
    ctx.reasons.push(verdictReason('bad-aud'));
    return;
  }
  if (tokenAudiences === null || tokenAudiences.length === 0) {
    // kube-apiserver treats a token without aud as meant for its own audiences (jwt.go).
    ctx.warnings.push(verdictReason('no-aud'));
    return;
  }
  if (targets.length === 0) {
    ctx.warnings.push(verdictReason('no-target-audiences'));
    return;
  }
  if (!tokenAudiences.some((a) => targets.includes(a))) {
    ctx.reasons.push(verdictReason('audience-mismatch', { tokenAudiences: goQuoteList(tokenAudiences), targets: goQuoteList(targets) }));
  }
}

function checkTimes(claims: JsonObject, ctx: Context): void {
  const { now, leeway, b } = ctx;
  // kube-apiserver 1.20 may word these errors as an older claims.go did (the release is not pinned).
  const oldWording = b.minor === 20;
  for (const name of ['exp', 'nbf', 'iat'] as const) {
    if (claims[name] === undefined) {
      if (name === 'exp') ctx[b.refusesMissingExp ? 'reasons' : 'warnings'].push(verdictReason(b.refusesMissingExp ? 'missing-exp' : 'no-exp'));
      continue;
    }
    const date = parseNumericDate(claims[name]);
    if (!date.ok) {
      ctx.reasons.push(verdictReason('bad-time-claim', { name, problem: date.message }));
      continue;
    }
    const at = date.seconds;
    if (name === 'exp' && now - leeway > at) {
      ctx.reasons.push(verdictReason('expired', { exp: toIsoInstant(at), ago: formatDuration(now - at), leeway, oldWording }));
    }
    if (name === 'nbf' && now + leeway < at) {
      ctx.reasons.push(verdictReason('not-yet-valid', { nbf: toIsoInstant(at), away: formatDuration(at - now), leeway, oldWording }));
    }
    if (name === 'iat' && b.checksIat && now + leeway < at) {
      ctx.reasons.push(verdictReason('issued-in-future', { iat: toIsoInstant(at), ahead: formatDuration(at - now), leeway, confirmed: b.iatMessageConfirmed }));
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
  if (!sub) ctx.reasons.push(verdictReason('legacy-sub-missing'));
  if (!namespace) ctx.reasons.push(verdictReason('legacy-namespace-missing'));
  if (!secretName) ctx.reasons.push(verdictReason('legacy-secret-missing'));
  if (!saName) ctx.reasons.push(verdictReason('legacy-sa-name-missing'));
  if (!saUid) ctx.reasons.push(verdictReason('legacy-sa-uid-missing'));
  if (sub && namespace && saName) {
    const split = splitUsername(sub);
    if (!split || split.namespace !== namespace || split.name !== saName) {
      ctx.reasons.push(verdictReason('legacy-sub-invalid', { sub, expected: makeUsername(namespace, saName) }));
    }
  }
  if (!ctx.b.lookup) return;
  const ns = namespace ?? '<namespace>';
  ctx.notCheckable.push(
    `The Secret ${ns}/${secretName ?? '<secret>'} still exists, is not being deleted, and its data.token is exactly this token (else "Token has been invalidated" or "Token does not match server's copy").`,
    `The ServiceAccount ${ns}/${saName ?? '<name>'} still exists with uid ${saUid ?? '<uid>'}.`,
  );
  // The label and its check came with the legacy token cleaner (kubernetes/kubernetes
  // pkg/serviceaccount/legacy.go, 1.29 revision, #118598); whether 1.28 checks it is unconfirmed.
  if (ctx.b.minor >= 28) {
    ctx.notCheckable.push(
      `The Secret does not carry the label kubernetes.io/legacy-token-invalid-since (set by the legacy token cleaner)${ctx.b.checksInvalidSince ? '' : '; whether kube-apiserver 1.28 checks it is unconfirmed'}.`,
    );
  }
}

function readRef(value: unknown, what: string, ctx: Context): { name: string | null; uid: string | null } | null {
  if (value === undefined) return null;
  if (!isObject(value)) {
    ctx.reasons.push(verdictReason('bad-kubernetes-claims', { what }));
    return null;
  }
  return { name: nonEmpty(value.name), uid: nonEmpty(value.uid) };
}

function checkBound(claims: JsonObject, ctx: Context): void {
  const k8s = claims['kubernetes.io'];
  if (k8s !== undefined && !isObject(k8s)) {
    ctx.reasons.push(verdictReason('bad-kubernetes-claims', { what: null }));
    return;
  }
  const info = k8s ?? {};
  const namespace = nonEmpty(info.namespace);
  const sa = readRef(info.serviceaccount, 'serviceaccount', ctx);
  const pod = readRef(info.pod, 'pod', ctx);
  const secret = readRef(info.secret, 'secret', ctx);
  const node = readRef(info.node, 'node', ctx);

  if (!namespace || !sa?.name) {
    const why = !k8s ? 'it has no "kubernetes.io" claim' : !namespace ? 'kubernetes.io.namespace is missing' : 'kubernetes.io.serviceaccount.name is missing';
    ctx.reasons.push(verdictReason('missing-service-account', { why }));
  } else if (!sa.uid) {
    ctx.reasons.push(verdictReason('missing-service-account-uid'));
  }

  const sub = text(claims.sub);
  if (namespace && sa?.name) {
    const expected = makeUsername(namespace, sa.name);
    if (sub !== expected) {
      // The bound validator takes the identity from kubernetes.io, not from sub (claims.go), so a
      // mismatch does not stop the API server; a token it issued never has one, though.
      ctx.warnings.push(verdictReason('sub-mismatch', { sub, expected }));
    }
  }

  const warnafter = info.warnafter === undefined ? null : parseNumericDate(info.warnafter);
  if (warnafter?.ok && warnafter.seconds > 0 && ctx.now > warnafter.seconds) {
    ctx.warnings.push(verdictReason('stale-token', { warnafter: toIsoInstant(warnafter.seconds), seconds: Math.floor(ctx.now - warnafter.seconds) }));
  }

  // A node binding without a pod (kubernetes/kubernetes pkg/serviceaccount/claims.go): ignored up to
  // 1.28 (no node field), refused while ServiceAccountTokenNodeBindingValidation is off, else checked.
  const nodeBound = node !== null && pod === null;
  if (nodeBound && !ctx.b.readsNodeBinding) ctx.warnings.push(verdictReason('node-binding-ignored'));
  if (nodeBound && ctx.b.readsNodeBinding && !ctx.b.gates.ServiceAccountTokenNodeBindingValidation) ctx.reasons.push(verdictReason('node-binding-gate-off'));

  if (!ctx.b.lookup) return;
  const ns = namespace ?? '<namespace>';
  ctx.notCheckable.push(`The ServiceAccount ${ns}/${sa?.name ?? '<name>'} still exists with uid ${sa?.uid ?? '<uid>'} and was not deleted more than ${API_SERVER_LEEWAY_SECONDS} s ago.`);
  if (pod) ctx.notCheckable.push(`The Pod ${ns}/${pod.name ?? '<name>'} it is bound to still exists with uid ${pod.uid ?? '<uid>'} (else "service account token has been invalidated").`);
  if (secret) ctx.notCheckable.push(`The Secret ${ns}/${secret.name ?? '<name>'} it is bound to still exists with uid ${secret.uid ?? '<uid>'} (else "service account token has been invalidated").`);
  if (nodeBound && ctx.b.readsNodeBinding) ctx.notCheckable.push(`The Node ${node.name ?? '<name>'} it is bound to still exists with uid ${node.uid ?? '<uid>'}.`);
}

const seconds = (v: unknown): number | null => {
  if (v === undefined) return null;
  const date = parseNumericDate(v);
  return date.ok ? date.seconds : null;
};

/**
 * Would this API server have minted the token this way? Not part of accepting it, but a token that
 * does not fit the flags came from another API server, or from before a flag changed.
 * kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go.
 */
function checkIssuance(claims: JsonObject, ctx: Context): void {
  const { b } = ctx;
  const info = isObject(claims['kubernetes.io']) ? claims['kubernetes.io'] : {};
  const iat = seconds(claims.iat);
  const exp = seconds(claims.exp);
  const warnafter = seconds(info.warnafter);
  if (iat === null || exp === null) return;
  if (warnafter !== null && !b.extendTokenExpiration) ctx.warnings.push(verdictReason('extended-despite-flag'));
  if (warnafter !== null && b.externalSigner) ctx.warnings.push(verdictReason('extended-by-signer'));
  const lifetime = (warnafter ?? exp) - iat;
  if (b.maxTokenExpirationSeconds !== null && lifetime > b.maxTokenExpirationSeconds) {
    ctx.warnings.push(verdictReason('longer-than-max', { lifetime: formatDuration(lifetime), max: b.maxTokenExpirationSeconds }));
  }
}

export function apiServerVerdict(claims: JsonObject | null, policy: ClaimPolicy, signature?: SignatureResult): ClaimVerdict {
  const b = behaviourOf(minorOf(policy.version ?? 'latest'), policy);
  const ctx: Context = { reasons: [], warnings: [], notCheckable: [], leeway: policy.leewaySeconds ?? API_SERVER_LEEWAY_SECONDS, now: policy.nowSeconds, b };
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
    const reason = signatureReason(signature, b);
    if (reason) ctx.reasons.push(reason);
    if (signature.state === 'verified' && !reason && signature.alg && !isKubernetesAlgorithm(signature.alg)) {
      // RS384/RS512/PS*: an RSA key could verify them, and older go-jose did not pin algorithms.
      ctx.warnings.push(verdictReason('signature-algorithm-unusual', { alg: signature.alg }));
    }
  } else {
    ctx.notCheckable.push('The signature: no signature result was given.');
  }

  if (!claims) {
    ctx.reasons.push(verdictReason('no-claims'));
    return done('unreadable');
  }
  const iss = claims.iss;
  if (typeof iss !== 'string') {
    ctx.reasons.push(verdictReason('bad-iss', { missing: iss === undefined }));
    return done('unreadable');
  }
  if (typeof claims.sub !== 'string' && claims.sub !== undefined) {
    ctx.reasons.push(verdictReason('bad-sub'));
  }

  if (iss === LEGACY_ISSUER) {
    // The legacy authenticator has its own issuer set, {"kubernetes/serviceaccount"}, whatever
    // --service-account-issuer says, and does no time checks (a legacy token has no times).
    checkAudience(claims, targetAudiences, ctx);
    checkLegacy(claims, ctx);
    if (!b.lookup) ctx.warnings.push(verdictReason('lookup-disabled'));
    return done('legacy');
  }
  if (!policy.issuers.includes(iss)) {
    ctx.reasons.push(verdictReason('issuer-not-accepted', { iss, issuers: policy.issuers }));
  }
  checkAudience(claims, targetAudiences, ctx);
  checkTimes(claims, ctx);
  checkBound(claims, ctx);
  checkIssuance(claims, ctx);
  if (!b.lookup) ctx.warnings.push(verdictReason('lookup-disabled'));
  return done('bound');
}
