/**
 * Evaluates a boolean condition and, when it is not true, finds the sub-expressions that make it
 * fail: the expression is split at its top-level `||` (every alternative failed) and each part
 * at its top-level `&&`, and each conjunct is evaluated on its own, within one shared budget.
 */
import { TRUST_NOTES } from '../trustCatalogue';
import { compileCel, type CelDialect, type CelProblem, type JsonValue } from './celEngine';
import { CEL_LIMITS, newCelBudget, type CelBudget } from './celLimits';
import { splitTopLevel, stripEnclosingParens } from './celSource';

export interface FailingPart {
  source: string;
  /** What the part evaluated to (false, or another value), when it evaluated. */
  value: JsonValue | undefined;
  problem: CelProblem | null;
}

export type ConditionOutcome =
  | { status: 'true' }
  /** False: the relying party refuses the token. */
  | { status: 'false'; failing: FailingPart[] }
  /** An error the relying party hits too (a claim the expression reads is missing). */
  | { status: 'error'; problem: CelProblem; failing: FailingPart[] }
  /** Cannot be evaluated here: syntax, limits, unsupported functions, not a boolean. */
  | { status: 'cannot'; problem: CelProblem };

/** Problems that mean "this tool cannot tell", as opposed to "the relying party fails too". */
export function isToolLimitation(problem: CelProblem): boolean {
  return problem.kind !== 'no-such-key';
}

const MAX_PARTS = 16;

function conjuncts(source: string, depth: number): string[] {
  const parts = splitTopLevel(source, '&&');
  if (parts && parts.length > 1) return parts;
  const inner = depth < 3 ? stripEnclosingParens(source) : null;
  if (inner === null) return [source];
  const alternatives = splitTopLevel(inner, '||');
  // "(a || b)" stays whole: both alternatives failed and the pair is the failing part.
  return alternatives && alternatives.length > 1 ? [source] : conjuncts(inner, depth + 1);
}

function findFailing(source: string, dialect: CelDialect, variables: Record<string, unknown>, budget: CelBudget): FailingPart[] {
  if (source.length > CEL_LIMITS.maxExplainedChars) return [];
  const disjuncts = splitTopLevel(source, '||') ?? [source];
  const parts = disjuncts.flatMap((d) => conjuncts(d, 0)).slice(0, MAX_PARTS);
  if (parts.length <= 1) return [];
  const failing: FailingPart[] = [];
  for (const part of parts) {
    if (budget.cost <= 0) break;
    const compiled = compileCel(part, dialect, budget);
    if (!compiled.ok) continue;
    const outcome = compiled.program.evaluate(variables, budget);
    if (outcome.ok && outcome.value === true) continue;
    failing.push(outcome.ok ? { source: part, value: outcome.value, problem: null } : { source: part, value: undefined, problem: outcome.problem });
  }
  return failing;
}

/** Evaluates `source` as a condition that must be true, within `budget`. Never throws. */
export function evaluateCondition(source: string, dialect: CelDialect, variables: Record<string, unknown>, budget: CelBudget = newCelBudget()): ConditionOutcome {
  const compiled = compileCel(source, dialect, budget);
  if (!compiled.ok) return { status: 'cannot', problem: compiled.problem };
  const outcome = compiled.program.evaluate(variables, budget);
  if (outcome.ok) {
    if (outcome.value === true) return { status: 'true' };
    if (outcome.value !== false) return { status: 'cannot', problem: { kind: 'evaluation', message: TRUST_NOTES.notBoolean(JSON.stringify(outcome.value)) } };
    return { status: 'false', failing: findFailing(source, dialect, variables, budget) };
  }
  if (isToolLimitation(outcome.problem)) return { status: 'cannot', problem: outcome.problem };
  return { status: 'error', problem: outcome.problem, failing: findFailing(source, dialect, variables, budget) };
}

/** One sentence naming the failing parts, for the expression-false and expression-error reasons. */
export function describeFailing(failing: FailingPart[]): string {
  if (failing.length === 0) return '';
  return TRUST_NOTES.failingParts(
    failing.map((f) => TRUST_NOTES.failingPart(f.source, f.problem ? f.problem.message : JSON.stringify(f.value))),
  );
}
