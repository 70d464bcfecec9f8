/**
 * AWS STS AssumeRoleWithWebIdentity against a role trust policy, following the IAM User Guide:
 * "Policy evaluation logic" (an explicit Deny wins, otherwise an Allow is needed), "IAM JSON
 * policy elements: Condition operators" (operators, ...IfExists, ForAnyValue/ForAllValues, keys
 * that are absent from the request) and "Available keys for OIDC federation" (`<provider>:aud`,
 * `:sub`, `:amr`, where the provider is the issuer URL without https://), and the EKS IRSA guide
 * (client ID sts.amazonaws.com).
 *
 * Every judgement is three-valued: true, false, or unknown when the policy depends on something
 * the token does not carry (source IP, session name, tags, policy variables).
 */
import { show } from '../kubernetes/kubernetesClaims';
import { AWS_ACCOUNT_PLACEHOLDER, awsTrustStatementFix, kubectlCreateTokenFix, tokenServiceAccount } from './fixes';
import { matchAwsLike } from './wildcards';
import type { TokenContext } from './tokenChecks';
import { TRUST_NOTES, cannotEvaluate, makeTrustReason, type TrustReason } from './trustCatalogue';
import type { TrustFix } from './trustReport';

const ACTION = 'sts:assumerolewithwebidentity';
/** The client ID EKS registers on a cluster's IAM OIDC provider, and the audience IRSA requests. */
export const AWS_DEFAULT_AUDIENCE = 'sts.amazonaws.com';

type Tri = true | false | 'unknown';

const and = (values: Tri[]): Tri => (values.includes(false) ? false : values.includes('unknown') ? 'unknown' : true);

export interface AwsEvaluation {
  reasons: TrustReason[];
  fixes: TrustFix[];
}

interface StatementOutcome {
  label: string;
  effect: 'Allow' | 'Deny';
  applies: Tri;
  /** Why it does not apply, or what could not be evaluated. */
  details: TrustReason[];
  checksSub: boolean;
  checksAud: boolean;
  relevant: boolean;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const asStrings = (v: unknown): string[] => asList(v).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));

/** The IAM OIDC provider name for an issuer: the URL without https:// (host lower-cased). */
export function awsProviderForIssuer(iss: string): string | null {
  if (!iss.startsWith('https://')) return null;
  const rest = iss.slice('https://'.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? rest.toLowerCase() : rest.slice(0, slash).toLowerCase() + rest.slice(slash);
}

const OIDC_PROVIDER_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::(\d{12}):oidc-provider\/(\S{1,2048})$/;

interface ProviderArn {
  partition: string;
  account: string;
  provider: string;
}

function parseProviderArn(arn: string): ProviderArn | null {
  const m = OIDC_PROVIDER_ARN.exec(arn);
  if (!m) return null;
  const provider = m[3]!;
  const slash = provider.indexOf('/');
  const normalized = slash < 0 ? provider.toLowerCase() : provider.slice(0, slash).toLowerCase() + provider.slice(slash);
  return { partition: m[1]!, account: m[2]!, provider: normalized };
}

function actionMatches(statement: Record<string, unknown>): Tri {
  const matchAny = (patterns: string[]) => patterns.some((p) => matchAwsLike(p.toLowerCase(), ACTION) === true);
  if (statement.Action !== undefined) return matchAny(asStrings(statement.Action));
  if (statement.NotAction !== undefined) return !matchAny(asStrings(statement.NotAction));
  return 'unknown';
}

interface ConditionContext {
  provider: string;
  ctx: TokenContext;
}

type ContextValues = string[] | null | { unknown: string };

/** Values of a condition key in this request: null when the key is absent, `unknown` when not knowable. */
function contextValues(key: string, c: ConditionContext): ContextValues {
  const colon = key.lastIndexOf(':');
  const prefix = colon < 0 ? '' : key.slice(0, colon);
  const name = key.slice(colon + 1).toLowerCase();
  // Provider keys carry a host name (with dots); aws:, sts: and other service keys do not.
  if (!prefix.includes('.')) return { unknown: `the value of ${key} depends on the request, not on the token` };
  if (prefix.toLowerCase() !== c.provider.toLowerCase()) return null;
  const claims = c.ctx.claims;
  if (name === 'sub') return c.ctx.sub === null ? null : [c.ctx.sub];
  if (name === 'aud') {
    // For Google, AWS fills this key from azp; whether it does so for other issuers is not documented.
    const azp = claims.azp;
    if (typeof azp === 'string' && !(c.ctx.aud.length === 1 && c.ctx.aud[0] === azp)) {
      return { unknown: `the token has an azp claim that differs from aud, and AWS does not document which one ${key} holds for this issuer` };
    }
    return c.ctx.aud.length ? c.ctx.aud : null;
  }
  if (name === 'amr') {
    const amr = claims.amr;
    return amr === undefined ? null : asStrings(amr);
  }
  return { unknown: `AWS documents the keys aud, sub and amr for OIDC providers; ${key} is not one of them` };
}

interface Operator {
  base: string;
  qualifier: 'ForAnyValue' | 'ForAllValues' | null;
  ifExists: boolean;
}

function parseOperator(text: string): Operator {
  let rest = text;
  let qualifier: Operator['qualifier'] = null;
  for (const q of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
    }
  }
  const ifExists = rest.endsWith('IfExists');
  return { base: ifExists ? rest.slice(0, -'IfExists'.length) : rest, qualifier, ifExists };
}

const STRING_OPERATORS: Record<string, { negated: boolean; compare: (pattern: string, value: string) => boolean | null }> = {
  StringEquals: { negated: false, compare: (p, v) => p === v },
  StringNotEquals: { negated: true, compare: (p, v) => p === v },
  StringEqualsIgnoreCase: { negated: false, compare: (p, v) => p.toLowerCase() === v.toLowerCase() },
  StringNotEqualsIgnoreCase: { negated: true, compare: (p, v) => p.toLowerCase() === v.toLowerCase() },
  StringLike: { negated: false, compare: matchAwsLike },
  StringNotLike: { negated: true, compare: matchAwsLike },
};

interface KeyOutcome {
  result: Tri;
  detail: string;
}

function evaluateKey(operatorText: string, key: string, policyValue: unknown, c: ConditionContext): KeyOutcome {
  const op = parseOperator(operatorText);
  const patterns = asStrings(policyValue);
  const values = contextValues(key, c);
  const head = `${operatorText} on ${key}`;
  if (values !== null && !Array.isArray(values)) return { result: 'unknown', detail: `${head}: ${values.unknown}.` };
  if (op.base === 'Null') {
    const wantAbsent = patterns.some((p) => p.toLowerCase() === 'true');
    const absent = values === null;
    return { result: absent === wantAbsent, detail: `${head}: ${key} is ${absent ? 'absent' : 'present'} in this request.` };
  }
  const spec = STRING_OPERATORS[op.base];
  if (!spec) return { result: 'unknown', detail: `${head}: this tool evaluates the String operators and Null only.` };
  if (patterns.some((p) => p.includes('${'))) return { result: 'unknown', detail: `${head}: policy variables (\${…}) depend on the request.` };
  if (values === null) {
    // Absent key: false, except for ...IfExists, negated operators and ForAllValues (vacuously true).
    const result = op.ifExists || spec.negated || op.qualifier === 'ForAllValues';
    return { result, detail: `${head}: the token has no value for ${key}, so the condition is ${result ? 'true' : 'false'}.` };
  }
  let tooLarge = false;
  const matchesOne = (value: string) =>
    patterns.some((p) => {
      const m = spec.compare(p, value);
      if (m === null) tooLarge = true;
      return m === true;
    });
  const holds = (value: string) => (spec.negated ? !matchesOne(value) : matchesOne(value));
  let result: Tri;
  if (op.qualifier === 'ForAllValues') result = values.every(holds);
  else if (op.qualifier === 'ForAnyValue') result = values.some(holds);
  else if (values.length === 1) result = holds(values[0]!);
  else {
    // Several audiences under a single-valued operator: AWS does not document which one the key holds.
    const any = values.some(holds);
    const all = values.every(holds);
    result = any === all ? any : 'unknown';
  }
  if (tooLarge) result = 'unknown';
  const shown = values.map((v) => show(v)).join(', ');
  const allowed = patterns.map((p) => show(p)).join(' or ');
  const verb = spec.negated ? 'must not match' : 'must match';
  const note = result === 'unknown' && values.length > 1 && !op.qualifier ? ' The token has several audiences and AWS does not document which one this key holds.' : '';
  return { result, detail: `${head}: the token has ${shown}, which ${verb} ${allowed}.${note}` };
}

function evaluateConditions(condition: unknown, c: ConditionContext): { result: Tri; failing: string[]; unknown: string[]; checksSub: boolean; checksAud: boolean } {
  const failing: string[] = [];
  const unknown: string[] = [];
  const results: Tri[] = [];
  let checksSub = false;
  let checksAud = false;
  if (condition !== undefined && (typeof condition !== 'object' || condition === null || Array.isArray(condition))) {
    return { result: 'unknown', failing, unknown: ['Condition is not an object.'], checksSub, checksAud };
  }
  for (const [operatorText, block] of Object.entries((condition ?? {}) as Record<string, unknown>)) {
    if (typeof block !== 'object' || block === null || Array.isArray(block)) {
      results.push('unknown');
      unknown.push(`${operatorText} is not an object of keys and values.`);
      continue;
    }
    for (const [key, value] of Object.entries(block)) {
      const lower = key.toLowerCase();
      if (lower === `${c.provider.toLowerCase()}:sub`) checksSub = true;
      if (lower === `${c.provider.toLowerCase()}:aud`) checksAud = true;
      const outcome = evaluateKey(operatorText, key, value, c);
      results.push(outcome.result);
      if (outcome.result === false) failing.push(outcome.detail);
      else if (outcome.result === 'unknown') unknown.push(outcome.detail);
    }
  }
  return { result: and(results), failing, unknown, checksSub, checksAud };
}

function principalMatches(statement: Record<string, unknown>, provider: string): { result: Tri; principals: string; arns: ProviderArn[] } {
  const principal = statement.Principal;
  if (statement.NotPrincipal !== undefined) return { result: 'unknown', principals: 'NotPrincipal', arns: [] };
  if (principal === '*') return { result: true, principals: '"*"', arns: [] };
  if (typeof principal !== 'object' || principal === null) return { result: false, principals: show(principal ?? '(none)'), arns: [] };
  const federated = asStrings((principal as Record<string, unknown>).Federated);
  const arns = federated.map(parseProviderArn).filter((a): a is ProviderArn => a !== null);
  const principals = federated.length ? federated.map((f) => show(f, 200)).join(', ') : 'not Federated';
  if (arns.some((a) => a.provider === provider)) return { result: true, principals, arns };
  // A trailing slash is the only difference: whether IAM treats them as one provider is not documented.
  const trim = (s: string) => (s.endsWith('/') ? s.slice(0, -1) : s);
  if (arns.some((a) => trim(a.provider) === trim(provider))) return { result: 'unknown', principals, arns };
  return { result: false, principals, arns };
}

function statementLabel(statement: Record<string, unknown>, index: number): string {
  return typeof statement.Sid === 'string' && statement.Sid !== '' ? `Statement ${show(statement.Sid, 60)}` : `Statement ${index + 1}`;
}

function evaluateStatement(raw: unknown, index: number, provider: string, ctx: TokenContext): StatementOutcome {
  const statement = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const label = statementLabel(statement, index);
  const effect = statement.Effect === 'Deny' ? 'Deny' : 'Allow';
  const details: TrustReason[] = [];
  const base = { label, effect, checksSub: false, checksAud: false } as const;
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
    details.push(cannotEvaluate('relying-party', label, `Effect is ${show(statement.Effect ?? '(missing)')}, not "Allow" or "Deny".`));
    return { ...base, applies: 'unknown', details, relevant: true };
  }
  const action = actionMatches(statement);
  if (action === false) {
    details.push(makeTrustReason('aws-statement-skipped', 'info', 'relying-party', { statement: label, why: `${label} is about other actions, not sts:AssumeRoleWithWebIdentity.` }));
    return { ...base, applies: false, details, relevant: false };
  }
  if (action === 'unknown') {
    details.push(cannotEvaluate('relying-party', label, `${label} has neither Action nor NotAction.`));
    return { ...base, applies: 'unknown', details, relevant: true };
  }
  const principal = principalMatches(statement, provider);
  if (principal.result === false) {
    const expected = `arn:aws:iam::<account>:oidc-provider/${provider}`;
    details.push(makeTrustReason('aws-statement-principal', 'info', 'relying-party', { statement: label, principals: principal.principals, expected }));
    return { ...base, applies: false, details, relevant: true };
  }
  if (principal.result === 'unknown') {
    const why =
      principal.principals === 'NotPrincipal'
        ? `${label} uses NotPrincipal, which this tool does not evaluate.`
        : `${label} names the provider ${principal.principals}, which differs from the token’s issuer only in a trailing "/"; IAM does not document whether that is the same provider.`;
    details.push(cannotEvaluate('relying-party', label, why));
  }
  const conditions = evaluateConditions(statement.Condition, { provider, ctx });
  if (conditions.result === false) {
    details.push(makeTrustReason('aws-statement-condition', 'info', 'relying-party', { statement: label, detail: conditions.failing.join(' ') }));
  }
  for (const u of conditions.unknown) details.push(cannotEvaluate('relying-party', label, u));
  return {
    label,
    effect,
    applies: and([principal.result, conditions.result]),
    details,
    checksSub: conditions.checksSub,
    checksAud: conditions.checksAud,
    relevant: true,
  };
}

/** The reasons and fixes of a trust policy document for this token. */
export function evaluateAwsTrustPolicy(document: Record<string, unknown>, ctx: TokenContext | null): AwsEvaluation {
  const reasons: TrustReason[] = [];
  const fixes: TrustFix[] = [];
  const statements = asList(document.Statement);
  if (!ctx) return { reasons, fixes };
  const provider = ctx.iss ? awsProviderForIssuer(ctx.iss) : null;
  if (!provider) return { reasons, fixes }; // tokenReasons already refuses a missing or non-https issuer.

  const outcomes = statements.map((s, i) => evaluateStatement(s, i, provider, ctx));
  const relevant = outcomes.filter((o) => o.relevant);
  const denying = outcomes.filter((o) => o.effect === 'Deny' && o.applies === true);
  const allowing = outcomes.filter((o) => o.effect === 'Allow' && o.applies === true);
  const undecided = outcomes.filter((o) => o.applies === 'unknown');
  const denied = denying.length > 0 || (allowing.length === 0 && !undecided.some((o) => o.effect === 'Allow'));

  if (relevant.length === 0) reasons.push(makeTrustReason('aws-no-web-identity-statement', 'reject', 'relying-party', {}));
  for (const o of denying) reasons.push(makeTrustReason('aws-statement-denies', 'reject', 'relying-party', { statement: o.label }));
  for (const o of allowing) reasons.push(makeTrustReason('aws-statement-allows', denying.length ? 'info' : 'pass', 'relying-party', { statement: o.label }));
  if (relevant.length > 0 && denying.length === 0 && allowing.length === 0 && denied) {
    reasons.push(makeTrustReason('aws-implicit-deny', 'reject', 'relying-party', {}));
  }
  // Why each other statement does not apply; these are the refusal when nothing allows.
  for (const o of outcomes) {
    if (o.applies === true) continue;
    for (const d of o.details) {
      // Unknowns only matter when they could change the outcome.
      if (d.effect === 'unknown' && (denying.length > 0 || (o.effect === 'Allow' && allowing.length > 0))) continue;
      reasons.push(d.effect === 'info' && denied && o.relevant && o.effect === 'Allow' ? { ...d, effect: 'reject' } : d);
    }
  }

  const allow = allowing[0];
  if (allow && !denying.length) {
    if (!allow.checksSub) reasons.push(makeTrustReason('aws-sub-unrestricted', 'warn', 'relying-party', { statement: allow.label }));
    if (!allow.checksAud) {
      const aud = ctx.aud.map((a) => show(a)).join(', ') || '(none)';
      if (ctx.aud.includes(AWS_DEFAULT_AUDIENCE)) reasons.push(makeTrustReason('aws-audience-client-id', 'info', 'relying-party', { aud }));
      else {
        reasons.push(cannotEvaluate('relying-party', 'the audience', TRUST_NOTES.awsAudienceClientIds(aud, AWS_DEFAULT_AUDIENCE)));
      }
    }
  }

  const accepted = allowing.length > 0 && denying.length === 0;
  // A statement for an issuer AWS cannot reach would not help.
  if (!accepted && ctx.sub && ctx.issuer.kind === 'public') {
    const account =
      statements
        .flatMap((s) => asStrings((s as { Principal?: { Federated?: unknown } } | null)?.Principal?.Federated))
        .map(parseProviderArn)
        .find((a) => a !== null) ?? null;
    const audience = ctx.aud.includes(AWS_DEFAULT_AUDIENCE) ? AWS_DEFAULT_AUDIENCE : (ctx.aud[0] ?? AWS_DEFAULT_AUDIENCE);
    fixes.push(awsTrustStatementFix(provider, account?.account ?? AWS_ACCOUNT_PLACEHOLDER, ctx.sub, audience, account?.partition));
  }
  if (!ctx.aud.includes(AWS_DEFAULT_AUDIENCE)) {
    const fix = kubectlCreateTokenFix(tokenServiceAccount(ctx), AWS_DEFAULT_AUDIENCE);
    if (fix) fixes.push(fix);
  }
  return { reasons, fixes };
}
