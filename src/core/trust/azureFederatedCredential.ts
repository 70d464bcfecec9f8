/**
 * Microsoft Entra ID token exchange against federated identity credentials (Microsoft Entra
 * Workload ID docs: "Workload identity federation", "Flexible federated identity credentials").
 * Entra compares issuer, subject and audience exactly: case-sensitive, no wildcards, a trailing
 * "/" matters. A flexible credential's claimsMatchingExpression replaces the subject; this module
 * evaluates its documented language: clauses `claims['<name>'] eq '<value>'` and
 * `claims['<name>'] matches '<pattern>'` (`*` matches any run of characters), joined by `and`.
 * Anything else in an expression is reported as `cannot-evaluate`.
 */
import { show } from '../kubernetes/kubernetesClaims';
import { kubectlCreateTokenFix, tokenServiceAccount } from './fixes';
import type { JsonObject } from './recognizeTrustConfig';
import { issuerDifference } from './issuerReach';
import type { TokenContext } from './tokenChecks';
import { TRUST_NOTES, cannotEvaluate, makeTrustReason, type TrustReason } from './trustCatalogue';
import type { TrustFix } from './trustReport';
import { matchWildcard } from './wildcards';

const RP = 'Microsoft Entra ID';
/** The audience Microsoft recommends for every federated credential. */
export const AZURE_DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';

type Clause = { claim: string; op: 'eq' | 'matches'; value: string };

/** Splits at ` and ` outside single-quoted strings. */
function splitClauses(expression: string): string[] {
  const parts: string[] = [];
  let from = 0;
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '\\' && quoted) i += 1;
    else if (c === "'") quoted = !quoted;
    else if (!quoted && expression.startsWith(' and ', i)) {
      parts.push(expression.slice(from, i).trim());
      from = i + 5;
      i += 4;
    }
  }
  parts.push(expression.slice(from).trim());
  return parts;
}

const CLAUSE = /^claims\['([^'\\]{1,256})'\]\s(eq|matches)\s'((?:[^'\\]|\\.){0,1024})'$/;

function parseClauses(expression: string): Clause[] | string {
  if (expression.length > 4096) return 'The expression is longer than this tool reads (4,096 characters).';
  const clauses: Clause[] = [];
  for (const part of splitClauses(expression)) {
    const m = CLAUSE.exec(part);
    if (!m) return `The clause ${show(part)} is not of the form claims['<name>'] eq|matches '<value>'.`;
    clauses.push({ claim: m[1]!, op: m[2] as Clause['op'], value: m[3]!.replace(/\\(.)/g, '$1') });
  }
  return clauses;
}

interface CredentialOutcome {
  name: string;
  reasons: TrustReason[];
  accepted: boolean;
}

function evaluateCredential(credential: JsonObject, ctx: TokenContext, index: number, count: number): CredentialOutcome {
  const name = typeof credential.name === 'string' ? credential.name : `credential ${index + 1}`;
  const prefix = count > 1 ? `${name}: ` : '';
  const field = (f: string) => `${prefix}${f}`;
  const reasons: TrustReason[] = [];

  const issuer = typeof credential.issuer === 'string' ? credential.issuer : '';
  const iss = ctx.iss ?? '';
  if (issuer === iss) reasons.push(makeTrustReason('issuer-match', 'pass', 'relying-party', { field: field('issuer'), rp: RP, iss: show(iss) }));
  else {
    const hint = issuerDifference(iss, issuer, RP);
    reasons.push(makeTrustReason('issuer-mismatch', 'reject', 'relying-party', { field: field('issuer'), rp: RP, iss: show(iss), expected: show(issuer), hint }));
  }

  const expression = credential.claimsMatchingExpression;
  if (typeof credential.subject === 'string' && credential.subject !== '') {
    const sub = ctx.sub ?? '';
    reasons.push(
      credential.subject === sub
        ? makeTrustReason('subject-match', 'pass', 'relying-party', { field: field('subject'), rp: RP, sub: show(sub) })
        : makeTrustReason('subject-mismatch', 'reject', 'relying-party', { field: field('subject'), rp: RP, sub: show(sub), expected: show(credential.subject) }),
    );
  } else if (expression && typeof expression === 'object' && typeof (expression as JsonObject).value === 'string') {
    const source = (expression as JsonObject).value as string;
    const f = field('claimsMatchingExpression');
    const clauses = parseClauses(source);
    if (typeof clauses === 'string') reasons.push(cannotEvaluate('relying-party', f, clauses));
    else {
      const failing: string[] = [];
      for (const c of clauses) {
        const actual = ctx.claims[c.claim];
        const ok = typeof actual === 'string' && (c.op === 'eq' ? actual === c.value : matchWildcard(c.value, actual, false) === true);
        if (!ok) failing.push(`claims['${c.claim}'] is ${actual === undefined ? 'missing' : show(actual)}, which does not ${c.op === 'eq' ? 'equal' : 'match'} ${show(c.value)}.`);
      }
      reasons.push(
        failing.length
          ? makeTrustReason('expression-false', 'reject', 'relying-party', { field: f, rp: RP, source, failing: failing.join(' ') })
          : makeTrustReason('expression-true', 'pass', 'relying-party', { field: f, rp: RP, source }),
      );
      reasons.push(cannotEvaluate('relying-party', f, TRUST_NOTES.azureFlexibleIssuer(show(iss))));
    }
  } else reasons.push(cannotEvaluate('relying-party', field('subject'), 'The credential has neither a subject nor a claimsMatchingExpression.'));

  const allowed = Array.isArray(credential.audiences) ? credential.audiences.filter((a): a is string => typeof a === 'string') : [];
  const hit = allowed.find((a) => ctx.aud.includes(a));
  reasons.push(
    hit !== undefined
      ? makeTrustReason('audience-match', 'pass', 'relying-party', { field: field('audiences'), rp: RP, aud: show(hit) })
      : makeTrustReason('audience-mismatch', 'reject', 'relying-party', {
          field: field('audiences'),
          rp: RP,
          aud: ctx.aud.map((a) => show(a)).join(', ') || '(none)',
          expected: allowed.map((a) => show(a)).join(' or ') || '(no audience)',
        }),
  );
  return { name, reasons, accepted: !reasons.some((r) => r.effect === 'reject' || r.effect === 'unknown') };
}

/**
 * One credential, or a list (an app registration or identity holds up to 20; Entra uses any one
 * that matches). With a list, the reasons of the matching credential are given, or all of them.
 */
export function evaluateAzureCredentials(credentials: JsonObject[], ctx: TokenContext | null): { reasons: TrustReason[]; fixes: TrustFix[] } {
  if (!ctx) return { reasons: [], fixes: [] };
  const outcomes = credentials.map((c, i) => evaluateCredential(c, ctx, i, credentials.length));
  const winner = outcomes.find((o) => o.accepted);
  const reasons = winner ? winner.reasons : outcomes.flatMap((o) => o.reasons);
  const fixes: TrustFix[] = [];
  const audienceRefused = !winner && outcomes.every((o) => o.reasons.some((r) => r.code === 'audience-mismatch'));
  if (audienceRefused || ctx.classification.kind === 'legacy' || ctx.validity.state === 'expired') {
    const first = credentials[0];
    const audience = Array.isArray(first?.audiences) && typeof first.audiences[0] === 'string' ? first.audiences[0] : AZURE_DEFAULT_AUDIENCE;
    const fix = kubectlCreateTokenFix(tokenServiceAccount(ctx), audience);
    if (fix) fixes.push(fix);
  }
  return { reasons, fixes };
}
