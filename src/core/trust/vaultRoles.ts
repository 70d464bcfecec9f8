/**
 * Vault logins with a service account token, following the plugins' login paths:
 * - Kubernetes method: hashicorp/vault-plugin-auth-kubernetes path_login.go (parseAndValidateJWT:
 *   audience, name and namespace globs, namespace selector; getAliasName; lookup → TokenReview).
 * - JWT method: hashicorp/vault-plugin-auth-jwt path_login.go and claims.go (role_type, audience,
 *   bound_subject, validateBoundClaims with bound_claims_type, createIdentity: user_claim,
 *   groups_claim, claim_mappings).
 * What lives in the auth method's config (keys, bound issuer, kubernetes_host) is not part of a
 * role, so it is named under what only the relying party checks.
 */
import { show } from '../kubernetes/kubernetesClaims';
import { kubectlCreateTokenFix, tokenServiceAccount } from './fixes';
import { readJsonPointer } from './jsonPointer';
import type { JsonObject } from './recognizeTrustConfig';
import type { TokenContext } from './tokenChecks';
import { TRUST_NOTES, cannotEvaluate, makeTrustReason, type TrustReason } from './trustCatalogue';
import type { TrustAttribute, TrustFix } from './trustReport';
import { matchVaultGlob } from './wildcards';

export interface VaultEvaluation {
  reasons: TrustReason[];
  fixes: TrustFix[];
  attributes: TrustAttribute[];
}

const RP = 'Vault';

/** Vault prints lists as JSON arrays; `vault write` also takes comma-separated strings. */
function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string' && value !== '') return value.split(',').map((s) => s.trim());
  return [];
}

const globAllows = (patterns: string[], value: string) => patterns.some((p) => matchVaultGlob(p, value) === true);

/** Evaluates a Vault Kubernetes auth role (the `data` of `vault read -format=json auth/kubernetes/role/<name>`). */
export function evaluateVaultKubernetesRole(role: JsonObject, ctx: TokenContext | null): VaultEvaluation {
  const reasons: TrustReason[] = [];
  const fixes: TrustFix[] = [];
  const attributes: TrustAttribute[] = [];
  if (!ctx) return { reasons, fixes, attributes };
  const rp = RP;
  const namespace = ctx.identity?.namespace ?? null;
  const name = ctx.identity?.serviceAccount ?? null;
  const uid = ctx.identity?.uid ?? null;

  const audience = typeof role.audience === 'string' ? role.audience.trim() : '';
  if (audience === '') reasons.push(makeTrustReason('audience-unchecked', 'warn', 'relying-party', { field: 'audience', rp }));
  else if (ctx.aud.includes(audience)) reasons.push(makeTrustReason('audience-match', 'pass', 'relying-party', { field: 'audience', rp, aud: show(audience) }));
  else {
    reasons.push(
      makeTrustReason('audience-mismatch', 'reject', 'relying-party', { field: 'audience', rp, aud: ctx.aud.map((a) => show(a)).join(', ') || '(none)', expected: show(audience) }),
    );
  }

  const names = stringList(role.bound_service_account_names);
  if (name === null) {
    reasons.push(makeTrustReason('claim-missing', 'reject', 'relying-party', { field: 'bound_service_account_names', rp, claim: 'kubernetes.io.serviceaccount.name' }));
  } else if ((names.length === 1 && names[0] === '*') || globAllows(names, name)) {
    reasons.push(makeTrustReason('claim-match', 'pass', 'relying-party', { field: 'bound_service_account_names', rp, claim: 'service account name', actual: show(name) }));
  } else {
    reasons.push(
      makeTrustReason('claim-mismatch', 'reject', 'relying-party', {
        field: 'bound_service_account_names',
        rp,
        claim: 'service account name',
        actual: show(name),
        expected: names.map((n) => show(n)).join(', ') || '(none)',
      }),
    );
  }

  const namespaces = stringList(role.bound_service_account_namespaces);
  const selector = typeof role.bound_service_account_namespace_selector === 'string' ? role.bound_service_account_namespace_selector.trim() : '';
  if (namespace === null) {
    reasons.push(makeTrustReason('claim-missing', 'reject', 'relying-party', { field: 'bound_service_account_namespaces', rp, claim: 'kubernetes.io.namespace' }));
  } else if (namespaces.length > 0 && (namespaces[0] === '*' || globAllows(namespaces, namespace))) {
    reasons.push(makeTrustReason('claim-match', 'pass', 'relying-party', { field: 'bound_service_account_namespaces', rp, claim: 'namespace', actual: show(namespace) }));
  } else if (selector !== '') {
    reasons.push(cannotEvaluate('relying-party', 'bound_service_account_namespace_selector', TRUST_NOTES.vaultNamespaceSelector(show(namespace))));
  } else {
    reasons.push(
      makeTrustReason('claim-mismatch', 'reject', 'relying-party', {
        field: 'bound_service_account_namespaces',
        rp,
        claim: 'namespace',
        actual: show(namespace),
        expected: namespaces.map((n) => show(n)).join(', ') || '(none)',
      }),
    );
  }

  const source = typeof role.alias_name_source === 'string' && role.alias_name_source !== '' ? role.alias_name_source : 'serviceaccount_uid';
  const alias = source === 'serviceaccount_name' ? (namespace && name ? `${namespace}/${name}` : null) : uid;
  if (alias === null) {
    const claim = source === 'serviceaccount_name' ? 'kubernetes.io.namespace and serviceaccount.name' : 'kubernetes.io.serviceaccount.uid';
    reasons.push(makeTrustReason('claim-missing', 'reject', 'relying-party', { field: 'alias_name_source', rp, claim }));
  } else {
    reasons.push(makeTrustReason('vault-alias', 'info', 'relying-party', { alias: show(alias), source }));
    attributes.push({ name: 'alias', values: [alias] });
  }
  if (uid) attributes.push({ name: 'metadata service_account_uid', values: [uid] });
  if (name) attributes.push({ name: 'metadata service_account_name', values: [name] });
  if (namespace) attributes.push({ name: 'metadata service_account_namespace', values: [namespace] });
  if (ctx.identity?.secret?.name && ctx.classification.kind === 'legacy') attributes.push({ name: 'metadata service_account_secret_name', values: [ctx.identity.secret.name] });
  const policies = stringList(role.token_policies).length ? stringList(role.token_policies) : stringList(role.policies);
  if (policies.length) attributes.push({ name: 'policies', values: policies });
  reasons.push(makeTrustReason('vault-tokenreview', 'info', 'relying-party-only', {}));

  const audienceRefused = reasons.some((r) => r.code === 'audience-mismatch');
  if (audienceRefused || ctx.validity.state === 'expired' || ctx.classification.kind === 'legacy') {
    const fix = kubectlCreateTokenFix(tokenServiceAccount(ctx), audience || 'vault');
    if (fix) fixes.push(fix);
  }
  return { reasons, fixes, attributes };
}

/** A claim as Vault's JWT method reads it: a JSON pointer when it starts with "/", else a top-level name. */
function vaultClaim(claims: JsonObject, name: string): unknown {
  return name.startsWith('/') ? readJsonPointer(claims, name) : Object.hasOwn(claims, name) ? claims[name] : undefined;
}

/** claims.go normalizeList: a string, bool or number becomes a one-element list; objects are refused. */
function normalizeList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return [value];
  return null;
}

function boundClaimReasons(role: JsonObject, ctx: TokenContext, rp: string, out: TrustReason[]): void {
  const bound = role.bound_claims;
  if (bound === null || bound === undefined) return;
  if (typeof bound !== 'object' || Array.isArray(bound)) {
    out.push(cannotEvaluate('relying-party', 'bound_claims', 'bound_claims is not an object of claim names and values.'));
    return;
  }
  const glob = role.bound_claims_type === 'glob';
  const field = glob ? 'bound_claims (glob)' : 'bound_claims';
  for (const [claim, expectedRaw] of Object.entries(bound)) {
    const actualRaw = vaultClaim(ctx.claims, claim);
    if (actualRaw === undefined || actualRaw === null) {
      out.push(makeTrustReason('claim-missing', 'reject', 'relying-party', { field, rp, claim }));
      continue;
    }
    const actual = normalizeList(actualRaw);
    const expected = normalizeList(expectedRaw);
    if (!actual || !expected) {
      out.push(makeTrustReason('claim-mismatch', 'reject', 'relying-party', { field, rp, claim, actual: show(actualRaw), expected: 'a string, bool, number or list' }));
      continue;
    }
    const found = expected.some((e) =>
      actual.some((a) => (glob ? typeof e === 'string' && typeof a === 'string' && matchVaultGlob(e, a) === true : typeof e === typeof a && e === a)),
    );
    const params = { field, rp, claim, actual: show(actualRaw) };
    out.push(
      found
        ? makeTrustReason('claim-match', 'pass', 'relying-party', params)
        : makeTrustReason('claim-mismatch', 'reject', 'relying-party', { ...params, expected: expected.map((e) => show(e)).join(' or ') }),
    );
  }
}

/** Evaluates a Vault JWT auth role (the `data` of `vault read -format=json auth/jwt/role/<name>`). */
export function evaluateVaultJwtRole(role: JsonObject, ctx: TokenContext | null): VaultEvaluation {
  const reasons: TrustReason[] = [];
  const fixes: TrustFix[] = [];
  const attributes: TrustAttribute[] = [];
  if (!ctx) return { reasons, fixes, attributes };
  const rp = RP;
  if (role.role_type === 'oidc') reasons.push(makeTrustReason('vault-role-type-oidc', 'reject', 'relying-party', {}));

  const bound = stringList(role.bound_audiences);
  const aud = ctx.aud.map((a) => show(a)).join(', ');
  if (bound.length > 0) {
    const hit = bound.find((b) => ctx.aud.includes(b));
    reasons.push(
      hit !== undefined
        ? makeTrustReason('audience-match', 'pass', 'relying-party', { field: 'bound_audiences', rp, aud: show(hit) })
        : makeTrustReason('audience-mismatch', 'reject', 'relying-party', { field: 'bound_audiences', rp, aud: aud || '(none)', expected: bound.map((b) => show(b)).join(' or ') }),
    );
  } else if (ctx.aud.length > 0) reasons.push(cannotEvaluate('relying-party', 'bound_audiences', TRUST_NOTES.vaultUnboundAudience(aud)));

  const subject = typeof role.bound_subject === 'string' ? role.bound_subject : '';
  if (subject !== '') {
    const sub = ctx.sub ?? '';
    reasons.push(
      subject === sub
        ? makeTrustReason('subject-match', 'pass', 'relying-party', { field: 'bound_subject', rp, sub: show(sub) })
        : makeTrustReason('subject-mismatch', 'reject', 'relying-party', { field: 'bound_subject', rp, sub: show(sub), expected: show(subject) }),
    );
  }
  boundClaimReasons(role, ctx, rp, reasons);

  const userClaim = typeof role.user_claim === 'string' && role.user_claim !== '' ? role.user_claim : 'sub';
  const user = role.user_claim_json_pointer === true ? readJsonPointer(ctx.claims, userClaim) : Object.hasOwn(ctx.claims, userClaim) ? ctx.claims[userClaim] : undefined;
  if (typeof user === 'string') {
    attributes.push({ name: 'alias', values: [user] });
    reasons.push(makeTrustReason('identity', 'pass', 'relying-party', { rp, summary: `the entity alias ${show(user)} (user_claim ${show(userClaim)})` }));
  } else if (user === undefined) reasons.push(makeTrustReason('claim-missing', 'reject', 'relying-party', { field: 'user_claim', rp, claim: userClaim }));
  else reasons.push(makeTrustReason('mapping-failed', 'reject', 'relying-party', { field: 'user_claim', rp, message: `claim ${show(userClaim)} could not be converted to string` }));

  const groupsClaim = typeof role.groups_claim === 'string' ? role.groups_claim : '';
  if (groupsClaim !== '') {
    const groups = vaultClaim(ctx.claims, groupsClaim);
    if (groups === undefined || groups === null) reasons.push(makeTrustReason('claim-missing', 'reject', 'relying-party', { field: 'groups_claim', rp, claim: groupsClaim }));
    else if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) {
      reasons.push(makeTrustReason('mapping-failed', 'reject', 'relying-party', { field: 'groups_claim', rp, message: `${show(groupsClaim)} claim could not be converted to a string list` }));
    } else attributes.push({ name: 'group aliases', values: groups.filter((g) => g !== '') });
  }

  // The API field is claim_mappings; accept the plural spelling too.
  const mappings = role.claim_mappings ?? role.claims_mappings;
  if (mappings && typeof mappings === 'object' && !Array.isArray(mappings)) {
    for (const [source, target] of Object.entries(mappings)) {
      const value = vaultClaim(ctx.claims, source);
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') {
        reasons.push(makeTrustReason('mapping-failed', 'reject', 'relying-party', { field: 'claim_mappings', rp, message: `error converting claim ${show(source)} to string` }));
      } else attributes.push({ name: `metadata ${String(target)}`, values: [value] });
    }
  }

  const audienceRefused = reasons.some((r) => r.code === 'audience-mismatch');
  if ((audienceRefused || ctx.validity.state === 'expired' || ctx.classification.kind === 'legacy') && bound[0]) {
    const fix = kubectlCreateTokenFix(tokenServiceAccount(ctx), bound[0]);
    if (fix) fixes.push(fix);
  }
  return { reasons, fixes, attributes };
}

/** Vault's leeways for the clock reason (role fields, in seconds; defaults from the plugins). */
export function vaultJwtClockText(role: JsonObject): string {
  const n = (v: unknown, d: number) => (typeof v === 'number' && v > 0 ? v : d);
  return `Vault allows ${n(role.clock_skew_leeway, 60)} s of clock skew (clock_skew_leeway) and, for a token without exp, ${n(role.expiration_leeway, 150)} s after iat (expiration_leeway).`;
}
