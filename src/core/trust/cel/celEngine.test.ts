import { describe, expect, it } from 'vitest';
import { compileCel } from './celEngine';
import { CEL_LIMITS, newCelBudget } from './celLimits';
import { describeFailing, evaluateCondition } from './celExplain';

const claims = {
  sub: 'system:serviceaccount:prod:app',
  aud: ['a', 'b'],
  exp: 1768473000,
  'kubernetes.io': { namespace: 'prod', serviceaccount: { name: 'app' } },
  groups: Array.from({ length: 1000 }, (_, i) => `g${i}`),
};

function run(source: string, dialect: 'kubernetes' | 'google-iam' = 'kubernetes', variables: Record<string, unknown> = { claims }) {
  const compiled = compileCel(source, dialect);
  if (!compiled.ok) return { compileProblem: compiled.problem };
  return compiled.program.evaluate(variables);
}

describe('CEL engine', () => {
  it('evaluates claims as maps, lists and strings, with the strings extension', () => {
    expect(run("claims['kubernetes.io'].namespace == 'prod'")).toMatchObject({ ok: true, value: true });
    expect(run("claims.aud.map(a, 'x:' + a)")).toMatchObject({ ok: true, value: ['x:a', 'x:b'] });
    expect(run("claims.sub.split(':')[2]")).toMatchObject({ ok: true, value: 'prod' });
    expect(run('has(claims.email)')).toMatchObject({ ok: true, value: false });
  });

  it('whole numbers are ints for Kubernetes and doubles for Google', () => {
    expect(run('claims.exp + 1')).toMatchObject({ ok: true, value: 1768473001 });
    expect(run('assertion.exp + 1', 'google-iam', { assertion: claims })).toMatchObject({ ok: false, problem: { kind: 'unsupported' } });
    expect(run('assertion.exp + 1.0', 'google-iam', { assertion: claims })).toMatchObject({ ok: true, value: 1768473001 });
  });

  it('Google’s extract() takes the part a template names', () => {
    expect(run("assertion.sub.extract('serviceaccount:{ns}:')", 'google-iam', { assertion: claims })).toMatchObject({ ok: true, value: 'prod' });
    expect(run("assertion.sub.extract('nothing{x}')", 'google-iam', { assertion: claims })).toMatchObject({ ok: true, value: '' });
    expect(run("claims.sub.extract('{x}')")).toMatchObject({ ok: false, problem: { kind: 'unsupported' } });
  });

  it('no JavaScript prototype member is reachable from an expression', () => {
    expect(run('claims.constructor')).toMatchObject({ ok: false, problem: { kind: 'no-such-key' } });
    expect(run("has(claims.__proto__) || has(claims.toString)")).toMatchObject({ ok: true, value: false });
  });

  it('classifies problems: syntax, unsupported syntax and functions, missing keys', () => {
    expect(run('claims.sub ==')).toMatchObject({ compileProblem: { kind: 'syntax', message: expect.stringMatching(/^<input>:1:\d+: /) } });
    expect(run("claims.?email.orValue('')")).toMatchObject({ compileProblem: { kind: 'syntax', message: expect.stringContaining('optional field selection') } });
    expect(run("url(claims.sub).getHost() == 'x'")).toMatchObject({ ok: false, problem: { kind: 'unsupported', message: expect.stringMatching(/^unbound function: /) } });
    expect(run('claims.email')).toMatchObject({ ok: false, problem: { kind: 'no-such-key' } });
  });

  it('refuses expressions that are too long or too deeply nested before parsing them', () => {
    expect(run('1'.repeat(CEL_LIMITS.maxExpressionChars + 1))).toMatchObject({ compileProblem: { kind: 'too-long' } });
    expect(run(`${'('.repeat(CEL_LIMITS.maxNesting + 1)}1${')'.repeat(CEL_LIMITS.maxNesting + 1)}`)).toMatchObject({ compileProblem: { kind: 'too-deep' } });
    expect(run(`${'('.repeat(CEL_LIMITS.maxNesting)}1${')'.repeat(CEL_LIMITS.maxNesting)}`)).toMatchObject({ ok: true, value: 1 });
  });

  it('stops iteration, growth and huge results at the cost and size limits', () => {
    expect(run('claims.groups.all(a, claims.groups.all(b, true))')).toMatchObject({ ok: false, problem: { kind: 'limit' } });
    expect(run(`'aaaa'${".replace('a', 'aaaa')".repeat(10)}`)).toMatchObject({ ok: false, problem: { kind: 'limit' } });
    expect(run('claims.groups.all(a, a.size() > 0)')).toMatchObject({ ok: true, value: true });
  });

  it('charges one verdict’s allowance across expressions', () => {
    const budget = newCelBudget();
    const source = 'claims.groups.all(a, claims.groups.exists(b, b == a))';
    const compiled = compileCel(source, 'kubernetes', budget);
    if (!compiled.ok) throw new Error('compiles');
    let limited = 0;
    for (let i = 0; i < 5; i++) if (!compiled.program.evaluate({ claims }, budget).ok) limited += 1;
    expect(budget.cost).toBeLessThanOrEqual(0);
    expect(limited).toBeGreaterThan(0);
    budget.sourceChars = 3;
    expect(compileCel('true', 'kubernetes', budget)).toMatchObject({ ok: false, problem: { kind: 'limit' } });
  });
});

describe('conditions and their failing parts', () => {
  it('names the conjuncts that are false, and every failed alternative', () => {
    const outcome = evaluateCondition("claims.sub.startsWith('system:') && claims['kubernetes.io'].namespace == 'dev' && claims.aud.size() == 5", 'kubernetes', { claims });
    expect(outcome.status).toBe('false');
    if (outcome.status !== 'false') return;
    expect(outcome.failing.map((f) => f.source)).toEqual(["claims['kubernetes.io'].namespace == 'dev'", 'claims.aud.size() == 5']);
    expect(describeFailing(outcome.failing)).toBe("Failing parts: claims['kubernetes.io'].namespace == 'dev' → false; claims.aud.size() == 5 → false.");
    const or = evaluateCondition("(claims.sub == 'a' && true) || claims.sub == 'b'", 'kubernetes', { claims });
    expect(or.status === 'false' && or.failing.map((f) => f.source)).toEqual(["claims.sub == 'a'", "claims.sub == 'b'"]);
  });

  it('a missing claim is an error the relying party hits too; a non-boolean cannot be evaluated', () => {
    expect(evaluateCondition("claims.email == 'x' && true", 'kubernetes', { claims })).toMatchObject({ status: 'error', problem: { kind: 'no-such-key' } });
    expect(evaluateCondition("'text'", 'kubernetes', { claims })).toMatchObject({ status: 'cannot' });
    expect(evaluateCondition("claims.sub != ''", 'kubernetes', { claims })).toEqual({ status: 'true' });
  });
});
