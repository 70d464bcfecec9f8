/**
 * CEL evaluation for relying-party expressions, through @bufbuild/cel (the only module that loads
 * the library, so it stays out of the first screen: the UI loads core/trust lazily).
 *
 * The library has no cost limit, so this module adds one without touching its internals:
 * - every standard and extension function is re-registered (the library's documented way to
 *   override a function) behind a meter that charges 1 + the size of its arguments before the
 *   call and refuses results larger than CEL_LIMITS.maxValueSize;
 * - every macro (all, exists, exists_one, map, filter) is rewritten after parsing so that the list
 *   it iterates over passes through a guard that charges its size before the library copies it,
 *   and its loop condition through a step that charges the size of the loop body per iteration.
 * Once the budget is spent every metered call fails, which ends loops at once. Source length and
 * bracket nesting are checked before parsing (celSource.ts).
 */
import {
  CelScalar,
  celEnv,
  celFunc,
  celMethod,
  isCelError,
  parse,
  plan,
  type CelEnv,
  type CelFunc,
  type CelResult,
  type CelValue,
} from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { CEL_LIMITS, type CelBudget } from './celLimits';
import { bracketDepth } from './celSource';
import { celValueLength, celValueSize, fromCelValue, toCelInput, type JsonValue, type NumberMode } from './celValues';

export type { JsonValue } from './celValues';

/** Which relying party's CEL: they differ in numbers and in extension functions. */
export type CelDialect = 'google-iam' | 'kubernetes';

export type CelProblemKind =
  /** Longer than CEL_LIMITS.maxExpressionChars. */
  | 'too-long'
  /** Brackets nest deeper than CEL_LIMITS.maxNesting, or the parser ran out of stack. */
  | 'too-deep'
  /** Not valid CEL (the parser's message), or syntax this library does not read. */
  | 'syntax'
  /** The evaluation budget ran out. */
  | 'limit'
  /** A function this tool does not have (it may exist at the relying party). */
  | 'unsupported'
  /** A claim or map key the expression reads is absent: the relying party fails too. */
  | 'no-such-key'
  /** Any other evaluation error (type mismatch, division by zero…). */
  | 'evaluation';

export interface CelProblem {
  kind: CelProblemKind;
  message: string;
}

export type CelOutcome = { ok: true; value: JsonValue; cost: number } | { ok: false; problem: CelProblem; cost: number };

export interface CelProgram {
  source: string;
  /**
   * Evaluates with these variables (JSON values) within CEL_LIMITS.maxCost units and what is left
   * of `budget`, which it then charges. Never throws.
   */
  evaluate(variables: Record<string, unknown>, budget?: CelBudget): CelOutcome;
}

export type CompileResult = { ok: true; program: CelProgram } | { ok: false; problem: CelProblem };

class BudgetExceeded extends Error {}

interface Meter {
  spent: number;
  limit: number;
  exceeded: boolean;
}

function charge(meter: Meter, units: number): void {
  meter.spent += units;
  if (meter.spent > meter.limit) {
    meter.exceeded = true;
    throw new BudgetExceeded(`evaluation cost limit of ${meter.limit} units exceeded`);
  }
}

/** Upper bounds on what a function produces, where it can be far larger than its inputs. */
function outputBound(name: string, target: CelValue | undefined, args: CelValue[]): number {
  if (name === 'replace' && typeof target === 'string' && typeof args[0] === 'string' && typeof args[1] === 'string') {
    const occurrences = args[0].length === 0 ? target.length + 1 : Math.floor(target.length / args[0].length);
    return target.length + occurrences * args[1].length;
  }
  if (name === 'join' && target !== undefined && typeof args[0] === 'string') {
    return celValueLength(target) * (args[0].length + 1) + celValueSize(target, CEL_LIMITS.maxValueSize) * 32;
  }
  return 0;
}

/**
 * A function behind the meter. It keeps the wrapped function's id, so registering it replaces the
 * original (@bufbuild/cel: "funcs … can be used to override any std function/method").
 */
class MeteredFunc {
  constructor(
    private readonly inner: CelFunc,
    private readonly meter: Meter,
  ) {}
  get id() {
    return this.inner.id;
  }
  get name() {
    return this.inner.name;
  }
  get target() {
    return this.inner.target;
  }
  get arguments() {
    return this.inner.arguments;
  }
  get result() {
    return this.inner.result;
  }
  call(id: number, target: CelValue | undefined, args: CelValue[]): CelResult | undefined {
    const left = this.meter.limit - this.meter.spent;
    let units = 1 + celValueSize(target, left);
    for (const arg of args) units += celValueSize(arg, left);
    charge(this.meter, units);
    if (outputBound(this.inner.name, target, args) > CEL_LIMITS.maxValueSize) {
      throw new BudgetExceeded(`${this.inner.name}() would produce more than ${CEL_LIMITS.maxValueSize} characters`);
    }
    const result = this.inner.call(id, target, args);
    if (result !== undefined && !isCelError(result) && celValueLength(result) > CEL_LIMITS.maxValueSize) {
      this.meter.exceeded = true;
      throw new BudgetExceeded(`${this.inner.name}() produced more than ${CEL_LIMITS.maxValueSize} elements or characters`);
    }
    return result;
  }
}

/**
 * Google IAM's `extract(template)`: the part of the string that the single `{name}` in the
 * template stands for, or "" when the text around it is not found (IAM conditions reference).
 */
function extract(this: string, template: string): string {
  const open = template.indexOf('{');
  const close = template.indexOf('}', open + 1);
  if (open < 0 || close < 0) throw new Error('extract() needs a template with one {name}');
  const prefix = template.slice(0, open);
  const suffix = template.slice(close + 1);
  const at = this.indexOf(prefix);
  if (at < 0) return '';
  const rest = this.slice(at + prefix.length);
  if (suffix === '') return rest;
  const end = rest.indexOf(suffix);
  return end < 0 ? '' : rest.slice(0, end);
}

const GUARD_RANGE = '@trust_range_guard';
const GUARD_STEP = '@trust_step_guard';

/**
 * One environment per dialect, built once. Its metered functions share one meter, which each
 * evaluation resets: evaluation is synchronous and never re-entrant, so programs cannot overlap.
 */
const environments = new Map<CelDialect, { env: CelEnv; meter: Meter }>();

function environment(dialect: CelDialect): { env: CelEnv; meter: Meter } {
  let entry = environments.get(dialect);
  if (!entry) {
    const meter: Meter = { spent: 0, limit: CEL_LIMITS.maxCost, exceeded: false };
    entry = { env: buildEnv(dialect, meter), meter };
    environments.set(dialect, entry);
  }
  return entry;
}

function buildEnv(dialect: CelDialect, meter: Meter): CelEnv {
  const extensions: CelFunc[] = [...strings];
  if (dialect === 'google-iam') extensions.push(celMethod('extract', CelScalar.STRING, [CelScalar.STRING], CelScalar.STRING, extract));
  const metered: CelFunc[] = [];
  for (const func of celEnv({ funcs: extensions }).funcs) metered.push(new MeteredFunc(func, meter) as unknown as CelFunc);
  metered.push(
    celFunc(GUARD_RANGE, [CelScalar.DYN], CelScalar.DYN, (range) => {
      charge(meter, celValueLength(range));
      return range;
    }),
    celFunc(GUARD_STEP, [CelScalar.DYN, CelScalar.INT], CelScalar.DYN, (condition, units) => {
      charge(meter, Number(units));
      return condition;
    }),
  );
  return celEnv({ funcs: metered });
}

// The parsed tree follows the cel.expr.Expr message of the CEL spec; only what the rewrite needs.
interface ExprNode {
  id: bigint;
  exprKind: { case: string | undefined; value?: unknown };
}

function walkChildren(node: ExprNode, visit: (child: ExprNode) => void): void {
  const v = node.exprKind.value as Record<string, unknown> | undefined;
  if (!v) return;
  const each = (x: unknown) => {
    if (x && typeof x === 'object' && 'exprKind' in x) visit(x as ExprNode);
  };
  switch (node.exprKind.case) {
    case 'selectExpr':
      each(v.operand);
      break;
    case 'callExpr':
      each(v.target);
      for (const a of v.args as unknown[]) each(a);
      break;
    case 'listExpr':
      for (const e of v.elements as unknown[]) each(e);
      break;
    case 'structExpr':
      for (const e of v.entries as { mapKey?: unknown; value?: unknown }[]) {
        each(e.mapKey);
        each(e.value);
      }
      break;
    case 'comprehensionExpr':
      for (const k of ['iterRange', 'accuInit', 'loopCondition', 'loopStep', 'result']) each(v[k]);
      break;
  }
}

function countNodes(root: ExprNode): number {
  let n = 0;
  const stack = [root];
  while (stack.length) {
    n += 1;
    walkChildren(stack.pop()!, (c) => stack.push(c));
  }
  return n;
}

/** Wraps every comprehension's range and loop condition in the metered guards. */
function guardComprehensions(root: ExprNode): void {
  let nextId = 1n << 40n;
  const call = (fn: string, args: ExprNode[]): ExprNode => ({ id: nextId++, exprKind: { case: 'callExpr', value: { function: fn, args } } });
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.exprKind.case === 'comprehensionExpr') {
      const c = node.exprKind.value as Record<string, ExprNode>;
      const perIteration = 1 + countNodes(c.loopCondition!) + countNodes(c.loopStep!);
      const units: ExprNode = { id: nextId++, exprKind: { case: 'constExpr', value: { constantKind: { case: 'int64Value', value: BigInt(perIteration) } } } };
      stack.push(c.iterRange!, c.accuInit!, c.loopCondition!, c.loopStep!, c.result!);
      c.iterRange = call(GUARD_RANGE, [c.iterRange!]);
      c.loopCondition = call(GUARD_STEP, [c.loopCondition!, units]);
      continue;
    }
    walkChildren(node, (child) => stack.push(child));
  }
}

function syntaxProblem(source: string, error: unknown): CelProblem {
  if (error instanceof RangeError) return { kind: 'too-deep', message: 'The expression is too deeply nested to parse.' };
  const message = error instanceof Error ? error.message : String(error);
  // CEL's optional syntax (claims.?email, m[?k]) is valid in kube-apiserver but not in this library.
  if (source.includes('.?') || source.includes('[?')) {
    return { kind: 'syntax', message: `Uses optional field selection (.? or [?]), which this tool cannot evaluate. Parser: ${message}` };
  }
  return { kind: 'syntax', message };
}

function evaluationProblem(meter: Meter, error: { message: string }): CelProblem {
  if (meter.exceeded) return { kind: 'limit', message: error.message };
  const message = error.message;
  if (message.startsWith('unbound function') || message.startsWith('found no matching overload')) return { kind: 'unsupported', message };
  if (message.startsWith('field not found') || message.startsWith('no such key') || message.startsWith('unresolved attribute')) {
    return { kind: 'no-such-key', message };
  }
  if (message.includes('cost limit') || message.includes('would produce more than')) return { kind: 'limit', message };
  return { kind: 'evaluation', message };
}

/** Parses and plans one expression, charging its length to `budget`. Never throws. */
export function compileCel(source: string, dialect: CelDialect, budget?: CelBudget): CompileResult {
  if (budget && source.length > budget.sourceChars) {
    return {
      ok: false,
      problem: { kind: 'limit', message: `The expressions of this configuration exceed ${CEL_LIMITS.maxReportSourceChars} characters in total; this one was not evaluated.` },
    };
  }
  if (budget) budget.sourceChars -= source.length;
  if (source.length > CEL_LIMITS.maxExpressionChars) {
    return { ok: false, problem: { kind: 'too-long', message: `The expression has ${source.length} characters; this tool evaluates at most ${CEL_LIMITS.maxExpressionChars}.` } };
  }
  const depth = bracketDepth(source);
  if (depth > CEL_LIMITS.maxNesting) {
    return { ok: false, problem: { kind: 'too-deep', message: `Brackets nest ${depth} deep; this tool evaluates at most ${CEL_LIMITS.maxNesting}.` } };
  }
  const { env, meter } = environment(dialect);
  let run: ReturnType<typeof plan>;
  try {
    const parsed = parse(source);
    guardComprehensions(parsed.expr as unknown as ExprNode);
    run = plan(env, parsed);
  } catch (error) {
    return { ok: false, problem: syntaxProblem(source, error) };
  }
  const numbers: NumberMode = dialect === 'kubernetes' ? 'int-when-whole' : 'double';
  const evaluateMetered = (variables: Record<string, unknown>): CelOutcome => {
    const bindings: Record<string, ReturnType<typeof toCelInput>> = {};
    for (const [name, value] of Object.entries(variables)) bindings[name] = toCelInput(value, numbers);
    let result: CelResult;
    try {
      result = run(bindings);
    } catch (error) {
      // The library returns errors as values; a throw here is a stack overflow or similar.
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, problem: { kind: error instanceof RangeError ? 'too-deep' : 'evaluation', message }, cost: meter.spent };
    }
    if (isCelError(result)) return { ok: false, problem: evaluationProblem(meter, result), cost: meter.spent };
    return { ok: true, value: fromCelValue(result), cost: meter.spent };
  };
  return {
    ok: true,
    program: {
      source,
      evaluate(variables, budget) {
        meter.spent = 0;
        meter.limit = Math.max(0, Math.min(CEL_LIMITS.maxCost, budget ? budget.cost : CEL_LIMITS.maxCost));
        meter.exceeded = false;
        const outcome = evaluateMetered(variables);
        if (budget) budget.cost -= outcome.cost;
        return outcome;
      },
    },
  };
}
