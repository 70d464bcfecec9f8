/**
 * Google Security Token Service exchange through a workload identity pool provider, as the IAM
 * API reference documents the WorkloadIdentityPoolProvider resource (v1): an OIDC provider's
 * issuerUri must equal iss; allowedAudiences, or when empty the provider's full resource name
 * with or without "https:" (`//iam.googleapis.com/projects/…/providers/…`); attributeMapping CEL
 * expressions over `assertion` (google.subject at most 127 bytes); attributeCondition, a CEL
 * boolean over `assertion`, `google` and `attribute` (at most 4,096 characters).
 */
import { show } from '../kubernetes/kubernetesClaims';
import { describeFailing, evaluateCondition, isToolLimitation } from './cel/celExplain';
import { compileCel, type JsonValue } from './cel/celEngine';
import { newCelBudget, type CelBudget } from './cel/celLimits';
import { kubectlCreateTokenFix, tokenServiceAccount } from './fixes';
import type { JsonObject } from './recognizeTrustConfig';
import { issuerDifference } from './issuerReach';
import type { TokenContext } from './tokenChecks';
import { cannotEvaluate, makeTrustReason, type TrustReason } from './trustCatalogue';
import type { TrustAttribute, TrustFix } from './trustReport';

const RP = 'Google STS';
const MAX_SUBJECT_BYTES = 127;

export interface GcpEvaluation {
  reasons: TrustReason[];
  fixes: TrustFix[];
  attributes: TrustAttribute[];
  /** oidc.jwksJson is set: keys come from the provider, not from the issuer. */
  keysUploaded: boolean;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The audiences Google accepts when allowedAudiences is empty. */
export function defaultGcpAudiences(name: string): string[] {
  return [`//iam.googleapis.com/${name}`, `https://iam.googleapis.com/${name}`];
}

function attributeValues(value: JsonValue): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return null;
}

function mapAttributes(provider: JsonObject, ctx: TokenContext, reasons: TrustReason[], budget: CelBudget): Map<string, JsonValue> | null {
  const mapping = provider.attributeMapping;
  if (!isObject(mapping) || !Object.hasOwn(mapping, 'google.subject')) {
    reasons.push(cannotEvaluate('relying-party', 'attributeMapping', 'An OIDC provider must map google.subject; Google does not accept a provider without that mapping.'));
    return null;
  }
  const mapped = new Map<string, JsonValue>();
  for (const [attribute, expression] of Object.entries(mapping)) {
    const field = `attributeMapping["${attribute}"]`;
    if (typeof expression !== 'string') {
      reasons.push(cannotEvaluate('relying-party', field, 'The mapping is not a CEL expression string.'));
      continue;
    }
    const compiled = compileCel(expression, 'google-iam', budget);
    if (!compiled.ok) {
      reasons.push(cannotEvaluate('relying-party', field, compiled.problem.message));
      continue;
    }
    const outcome = compiled.program.evaluate({ assertion: ctx.claims }, budget);
    if (!outcome.ok) {
      reasons.push(
        isToolLimitation(outcome.problem)
          ? cannotEvaluate('relying-party', field, outcome.problem.message)
          : makeTrustReason('mapping-failed', 'reject', 'relying-party', { field, rp: RP, message: `${expression}: ${outcome.problem.message}` }),
      );
      continue;
    }
    mapped.set(attribute, outcome.value);
  }
  const subject = mapped.get('google.subject');
  if (subject !== undefined) {
    if (typeof subject !== 'string' || subject === '') {
      reasons.push(makeTrustReason('mapping-failed', 'reject', 'relying-party', { field: 'attributeMapping["google.subject"]', rp: RP, message: `google.subject is ${show(subject)}, not a non-empty string` }));
    } else {
      const bytes = new TextEncoder().encode(subject).length;
      if (bytes > MAX_SUBJECT_BYTES) reasons.push(makeTrustReason('gcp-subject-too-long', 'reject', 'relying-party', { bytes }));
    }
  }
  return mapped;
}

/** `google`, `attribute` and the attribute list from the mapped values. */
function attributeScopes(mapped: Map<string, JsonValue>): { google: JsonObject; attribute: JsonObject; list: TrustAttribute[] } {
  const google: JsonObject = {};
  const attribute: JsonObject = {};
  const list: TrustAttribute[] = [];
  for (const [name, value] of mapped) {
    if (name.startsWith('google.')) google[name.slice('google.'.length)] = value;
    else if (name.startsWith('attribute.')) attribute[name.slice('attribute.'.length)] = value;
    list.push({ name, values: attributeValues(value) ?? [JSON.stringify(value)] });
  }
  return { google, attribute, list };
}

/** `budget` is shared by every expression of the provider (see CEL_LIMITS). */
export function evaluateGcpProvider(provider: JsonObject, ctx: TokenContext | null, budget: CelBudget = newCelBudget()): GcpEvaluation {
  const reasons: TrustReason[] = [];
  const fixes: TrustFix[] = [];
  const attributes: TrustAttribute[] = [];
  const oidc = isObject(provider.oidc) ? provider.oidc : null;
  const keysUploaded = typeof oidc?.jwksJson === 'string' && oidc.jwksJson.trim() !== '';
  const result = { reasons, fixes, attributes, keysUploaded };
  if (!ctx) return result;

  if (provider.disabled === true || provider.state === 'DELETED') {
    reasons.push(makeTrustReason('gcp-provider-disabled', 'reject', 'relying-party', { state: provider.state === 'DELETED' ? 'deleted' : 'disabled' }));
  }
  if (!oidc) {
    const type = isObject(provider.aws) ? 'AWS' : isObject(provider.saml) ? 'SAML' : isObject(provider.x509) ? 'X.509' : 'non-OIDC';
    reasons.push(makeTrustReason('gcp-not-oidc', 'reject', 'relying-party', { type }));
    return result;
  }
  if (keysUploaded) reasons.push(makeTrustReason('gcp-keys-uploaded', 'info', 'relying-party-only', {}));

  const issuerUri = typeof oidc.issuerUri === 'string' ? oidc.issuerUri : '';
  const iss = ctx.iss ?? '';
  reasons.push(
    issuerUri === iss
      ? makeTrustReason('issuer-match', 'pass', 'relying-party', { field: 'oidc.issuerUri', rp: RP, iss: show(iss) })
      : makeTrustReason('issuer-mismatch', 'reject', 'relying-party', { field: 'oidc.issuerUri', rp: RP, iss: show(iss), expected: show(issuerUri), hint: issuerDifference(iss, issuerUri, RP) }),
  );

  const name = typeof provider.name === 'string' ? provider.name : '';
  const configured = Array.isArray(oidc.allowedAudiences) ? oidc.allowedAudiences.filter((a): a is string => typeof a === 'string') : [];
  const field = configured.length ? 'oidc.allowedAudiences' : 'oidc.allowedAudiences (empty: the provider’s resource name)';
  const allowed = configured.length ? configured : name.startsWith('projects/') ? defaultGcpAudiences(name) : [];
  if (allowed.length === 0) {
    reasons.push(cannotEvaluate('relying-party', 'the audience', 'allowedAudiences is empty and the provider’s name (projects/…/providers/…) is missing, so the accepted audience is not known.'));
  } else {
    const hit = allowed.find((a) => ctx.aud.includes(a));
    reasons.push(
      hit !== undefined
        ? makeTrustReason('audience-match', 'pass', 'relying-party', { field, rp: RP, aud: show(hit) })
        : makeTrustReason('audience-mismatch', 'reject', 'relying-party', {
            field,
            rp: RP,
            aud: ctx.aud.map((a) => show(a)).join(', ') || '(none)',
            expected: allowed.map((a) => show(a)).join(' or '),
          }),
    );
    if (hit === undefined) {
      const audience = configured[0] ?? allowed[1] ?? allowed[0]!;
      const fix = kubectlCreateTokenFix(tokenServiceAccount(ctx), audience);
      if (fix) fixes.push(fix);
    }
  }

  const mapped = mapAttributes(provider, ctx, reasons, budget);
  if (mapped) {
    const { google, attribute, list } = attributeScopes(mapped);
    attributes.push(...list);
    const subject = mapped.get('google.subject');
    const pool = name.includes('/providers/') ? name.slice(0, name.indexOf('/providers/')) : '';
    if (typeof subject === 'string' && subject !== '' && pool) {
      attributes.unshift({ name: 'principal', values: [`principal://iam.googleapis.com/${pool}/subject/${subject}`] });
    }
    const condition = typeof provider.attributeCondition === 'string' ? provider.attributeCondition.trim() : '';
    if (condition !== '') {
      const outcome = evaluateCondition(condition, 'google-iam', { assertion: ctx.claims, google, attribute }, budget);
      const where = { field: 'attributeCondition', rp: RP };
      if (outcome.status === 'true') reasons.push(makeTrustReason('expression-true', 'pass', 'relying-party', { ...where, source: condition }));
      else if (outcome.status === 'false') reasons.push(makeTrustReason('expression-false', 'reject', 'relying-party', { ...where, source: condition, failing: describeFailing(outcome.failing) }));
      else if (outcome.status === 'error') reasons.push(makeTrustReason('expression-error', 'reject', 'relying-party', { ...where, source: condition, message: outcome.problem.message }));
      else reasons.push(cannotEvaluate('relying-party', 'attributeCondition', outcome.problem.message));
    }
  }
  return result;
}
