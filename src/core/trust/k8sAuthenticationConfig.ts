/**
 * Another cluster's kube-apiserver with structured authentication (apiserver.config.k8s.io
 * AuthenticationConfiguration, v1beta1/v1), following kubernetes/kubernetes
 * staging/src/k8s.io/apiserver/plugin/pkg/authenticator/token/oidc/oidc.go (AuthenticateToken:
 * issuer selects the authenticator; audiences match any; username, groups, uid, extra; required
 * claims; claim validation rules; user validation rules, in that order) and
 * staging/src/k8s.io/apiserver/pkg/apis/apiserver/validation/validation.go (claim and expression
 * are exclusive; prefix is required with a claim and forbidden with an expression).
 *
 * CEL expressions see `claims` (whole numbers as int, as the unstructured conversion does), and
 * userValidationRules see `user` (username, uid, groups, extra).
 */
import { show } from '../kubernetes/kubernetesClaims';
import { AUTHENTICATED_GROUP } from '../kubernetes/kubernetesNames';
import { describeFailing, evaluateCondition, isToolLimitation } from './cel/celExplain';
import { compileCel, type JsonValue } from './cel/celEngine';
import { newCelBudget, type CelBudget } from './cel/celLimits';
import { kubectlCreateTokenFix, tokenServiceAccount } from './fixes';
import type { JsonObject } from './recognizeTrustConfig';
import type { TokenContext } from './tokenChecks';
import { cannotEvaluate, makeTrustReason, type TrustReason } from './trustCatalogue';
import type { TrustAttribute, TrustFix } from './trustReport';

const RP = 'kube-apiserver';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export interface K8sEvaluation {
  reasons: TrustReason[];
  fixes: TrustFix[];
  attributes: TrustAttribute[];
}

/** Why kube-apiserver would refuse to load this authenticator (validation.go), or []. */
function configProblems(jwt: JsonObject, index: number): string[] {
  const at = `jwt[${index}]`;
  const problems: string[] = [];
  const issuer = isObject(jwt.issuer) ? jwt.issuer : {};
  const audiences = Array.isArray(issuer.audiences) ? issuer.audiences : [];
  if (audiences.length === 0) problems.push(`${at}.issuer.audiences is required.`);
  if (audiences.length > 1 && issuer.audienceMatchPolicy !== 'MatchAny') problems.push(`${at}.issuer.audienceMatchPolicy must be MatchAny when there are several audiences.`);
  const mappings = isObject(jwt.claimMappings) ? jwt.claimMappings : {};
  for (const [name, required] of [
    ['username', true],
    ['groups', false],
  ] as const) {
    const m = isObject(mappings[name]) ? mappings[name] : {};
    const claim = str(m.claim) ?? '';
    const expression = str(m.expression) ?? '';
    if (claim && expression) problems.push(`${at}.claimMappings.${name}: claim and expression can't both be set.`);
    else if (!claim && !expression && required) problems.push(`${at}.claimMappings.${name}: claim or expression is required.`);
    else if (expression && m.prefix !== undefined) problems.push(`${at}.claimMappings.${name}.prefix: prefix can't be set when expression is set.`);
    else if (claim && typeof m.prefix !== 'string') problems.push(`${at}.claimMappings.${name}.prefix: prefix is required when claim is set (it can be "" to disable prefixing).`);
  }
  return problems;
}

type Mapped = { ok: true; values: string[] } | { ok: false; reason: TrustReason };

/** A CEL mapping's result as kube-apiserver converts it: a string, or a list of strings. */
function runMapping(field: string, expression: string, ctx: TokenContext, shape: 'string' | 'string-list', budget: CelBudget): Mapped {
  const compiled = compileCel(expression, 'kubernetes', budget);
  if (!compiled.ok) return { ok: false, reason: cannotEvaluate('relying-party', field, compiled.problem.message) };
  const outcome = compiled.program.evaluate({ claims: ctx.claims }, budget);
  if (!outcome.ok) {
    return {
      ok: false,
      reason: isToolLimitation(outcome.problem)
        ? cannotEvaluate('relying-party', field, outcome.problem.message)
        : makeTrustReason('mapping-failed', 'reject', 'relying-party', { field, rp: RP, message: `error evaluating ${show(expression, 200)}: ${outcome.problem.message}` }),
    };
  }
  const v: JsonValue = outcome.value;
  if (typeof v === 'string') return { ok: true, values: shape === 'string' || v !== '' ? [v] : [] };
  if (shape === 'string-list' && Array.isArray(v) && v.every((x) => typeof x === 'string')) return { ok: true, values: v as string[] };
  if (shape === 'string-list' && v === null) return { ok: true, values: [] };
  const expected = shape === 'string' ? 'a string' : 'a string or a list of strings';
  return { ok: false, reason: makeTrustReason('mapping-failed', 'reject', 'relying-party', { field, rp: RP, message: `the expression must return ${expected}, not ${show(v)}` }) };
}

/** unmarshalClaim into a string: the claim must be present and a string. */
function stringClaimValue(field: string, claim: string, ctx: TokenContext): Mapped {
  if (!Object.hasOwn(ctx.claims, claim)) return { ok: false, reason: makeTrustReason('claim-missing', 'reject', 'relying-party', { field, rp: RP, claim }) };
  const value = ctx.claims[claim];
  if (typeof value !== 'string') {
    return { ok: false, reason: makeTrustReason('mapping-failed', 'reject', 'relying-party', { field, rp: RP, message: `the claim ${claim} is ${show(value)}, not a string` }) };
  }
  return { ok: true, values: [value] };
}

function mapUser(jwt: JsonObject, ctx: TokenContext, reasons: TrustReason[], budget: CelBudget): { username: string; uid: string; groups: string[]; extra: Record<string, string[]> } | null {
  const mappings = isObject(jwt.claimMappings) ? jwt.claimMappings : {};
  const username = isObject(mappings.username) ? mappings.username : {};
  const groups = isObject(mappings.groups) ? mappings.groups : {};
  const uidMapping = isObject(mappings.uid) ? mappings.uid : {};
  let failed = false;
  const take = (m: Mapped): string[] => {
    if (m.ok) return m.values;
    reasons.push(m.reason);
    failed = true;
    return [];
  };

  let user = '';
  const usernameExpression = str(username.expression);
  const usernameClaim = str(username.claim);
  if (usernameExpression) user = take(runMapping('claimMappings.username.expression', usernameExpression, ctx, 'string', budget))[0] ?? '';
  else if (usernameClaim) {
    const value = take(stringClaimValue('claimMappings.username.claim', usernameClaim, ctx))[0];
    if (value !== undefined) {
      if (usernameClaim === 'email' && Object.hasOwn(ctx.claims, 'email_verified') && ctx.claims.email_verified !== true) {
        reasons.push(makeTrustReason('k8s-email-not-verified', 'reject', 'relying-party', {}));
        failed = true;
      }
      user = `${str(username.prefix) ?? ''}${value}`;
    }
  }

  let groupList: string[] = [];
  const groupsClaim = str(groups.claim);
  const groupsExpression = str(groups.expression);
  if (groupsClaim && Object.hasOwn(ctx.claims, groupsClaim)) {
    // A single string is accepted as one group (kubernetes/kubernetes#33290).
    const raw = ctx.claims[groupsClaim];
    const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) && raw.every((g) => typeof g === 'string') ? (raw as string[]) : null;
    if (list === null) {
      reasons.push(makeTrustReason('mapping-failed', 'reject', 'relying-party', { field: 'claimMappings.groups.claim', rp: RP, message: `the claim ${groupsClaim} is ${show(raw)}, not a string or a list of strings` }));
      failed = true;
    } else groupList = list.map((g) => `${str(groups.prefix) ?? ''}${g}`);
  } else if (groupsExpression) groupList = take(runMapping('claimMappings.groups.expression', groupsExpression, ctx, 'string-list', budget));

  let uid = '';
  const uidClaim = str(uidMapping.claim);
  const uidExpression = str(uidMapping.expression);
  if (uidClaim) uid = take(stringClaimValue('claimMappings.uid.claim', uidClaim, ctx))[0] ?? '';
  else if (uidExpression) uid = take(runMapping('claimMappings.uid.expression', uidExpression, ctx, 'string', budget))[0] ?? '';

  const extra: Record<string, string[]> = {};
  for (const [i, entry] of (Array.isArray(mappings.extra) ? mappings.extra : []).entries()) {
    if (!isObject(entry) || typeof entry.key !== 'string' || typeof entry.valueExpression !== 'string') continue;
    const values = take(runMapping(`claimMappings.extra[${i}] (${entry.key})`, entry.valueExpression, ctx, 'string-list', budget));
    if (values.length) extra[entry.key] = [...(extra[entry.key] ?? []), ...values];
  }
  return failed ? null : { username: user, uid, groups: groupList, extra };
}

function ruleReason(field: string, source: string, message: string, outcome: ReturnType<typeof evaluateCondition>): TrustReason {
  const where = { field, rp: RP };
  if (outcome.status === 'true') return makeTrustReason('expression-true', 'pass', 'relying-party', { ...where, source });
  if (outcome.status === 'false') {
    const failing = [message ? `Its message: ${show(message, 200)}.` : '', describeFailing(outcome.failing)].filter(Boolean).join(' ');
    return makeTrustReason('expression-false', 'reject', 'relying-party', { ...where, source, failing });
  }
  if (outcome.status === 'error') return makeTrustReason('expression-error', 'reject', 'relying-party', { ...where, source, message: outcome.problem.message });
  return cannotEvaluate('relying-party', field, outcome.problem.message);
}

/** `budget` is shared by every expression of the configuration (see CEL_LIMITS). */
export function evaluateK8sAuthenticationConfig(config: JsonObject, ctx: TokenContext | null, budget: CelBudget = newCelBudget()): K8sEvaluation {
  const reasons: TrustReason[] = [];
  const fixes: TrustFix[] = [];
  const attributes: TrustAttribute[] = [];
  const result = { reasons, fixes, attributes };
  if (!ctx) return result;
  const jwts = (Array.isArray(config.jwt) ? config.jwt : []).filter(isObject);
  const urls = jwts.map((j) => (isObject(j.issuer) ? str(j.issuer.url) : null));
  const index = urls.findIndex((u) => u !== null && u === ctx.iss);
  if (index < 0) {
    reasons.push(
      makeTrustReason('k8s-no-issuer', 'reject', 'relying-party', {
        iss: show(ctx.iss ?? '(none)'),
        issuers: urls.filter((u): u is string => u !== null).map((u) => show(u)).join(', ') || '(none)',
      }),
    );
    return result;
  }
  const jwt = jwts[index]!;
  const issuer = jwt.issuer as JsonObject;
  const problems = configProblems(jwt, index);
  if (problems.length) {
    reasons.push(cannotEvaluate('relying-party', 'the configuration', `kube-apiserver would not load it: ${problems.join(' ')}`));
    return result;
  }
  const at = `jwt[${index}]`;
  reasons.push(makeTrustReason('issuer-match', 'pass', 'relying-party', { field: `${at}.issuer.url`, rp: RP, iss: show(ctx.iss) }));

  const audiences = (issuer.audiences as unknown[]).filter((a): a is string => typeof a === 'string');
  const hit = audiences.find((a) => ctx.aud.includes(a));
  if (hit !== undefined) reasons.push(makeTrustReason('audience-match', 'pass', 'relying-party', { field: `${at}.issuer.audiences`, rp: RP, aud: show(hit) }));
  else {
    reasons.push(
      makeTrustReason('audience-mismatch', 'reject', 'relying-party', {
        field: `${at}.issuer.audiences`,
        rp: RP,
        aud: ctx.aud.map((a) => show(a)).join(', ') || '(none)',
        expected: audiences.map((a) => show(a)).join(' or '),
      }),
    );
    const fix = kubectlCreateTokenFix(tokenServiceAccount(ctx), audiences[0]!);
    if (fix) fixes.push(fix);
  }

  const user = mapUser(jwt, ctx, reasons, budget);

  for (const [i, rule] of (Array.isArray(jwt.claimValidationRules) ? jwt.claimValidationRules : []).entries()) {
    if (!isObject(rule)) continue;
    const field = `${at}.claimValidationRules[${i}]`;
    const claim = str(rule.claim);
    const expression = str(rule.expression);
    if (claim) {
      const required = str(rule.requiredValue) ?? '';
      if (!Object.hasOwn(ctx.claims, claim)) reasons.push(makeTrustReason('claim-missing', 'reject', 'relying-party', { field, rp: RP, claim }));
      else {
        const actual = ctx.claims[claim];
        const params = { field, rp: RP, claim, actual: show(actual) };
        reasons.push(
          actual === required
            ? makeTrustReason('claim-match', 'pass', 'relying-party', params)
            : makeTrustReason('claim-mismatch', 'reject', 'relying-party', { ...params, expected: show(required) }),
        );
      }
    } else if (expression) {
      reasons.push(ruleReason(field, expression, str(rule.message) ?? '', evaluateCondition(expression, 'kubernetes', { claims: ctx.claims }, budget)));
    }
  }

  if (user) {
    const userValue = { username: user.username, uid: user.uid, groups: user.groups, extra: user.extra };
    for (const [i, rule] of (Array.isArray(jwt.userValidationRules) ? jwt.userValidationRules : []).entries()) {
      if (!isObject(rule) || typeof rule.expression !== 'string') continue;
      reasons.push(ruleReason(`${at}.userValidationRules[${i}]`, rule.expression, str(rule.message) ?? '', evaluateCondition(rule.expression, 'kubernetes', { user: userValue }, budget)));
    }
    attributes.push({ name: 'username', values: [user.username] });
    if (user.uid) attributes.push({ name: 'uid', values: [user.uid] });
    // The authenticator chain adds system:authenticated after the validation rules ran.
    attributes.push({ name: 'groups', values: [...user.groups, AUTHENTICATED_GROUP] });
    for (const [key, values] of Object.entries(user.extra)) attributes.push({ name: `extra ${key}`, values });
    const groups = user.groups.length ? `, groups ${user.groups.map((g) => show(g)).join(', ')}` : ', no groups';
    reasons.push(makeTrustReason('identity', 'pass', 'relying-party', { rp: RP, summary: `the user ${show(user.username)}${groups}` }));
  }
  return result;
}
