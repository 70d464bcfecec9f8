import { describe, expect, it } from 'vitest';
import { FIXTURE_IAT, readFixture } from '../../testing/fixtures';
import { planAudit } from './planAudit';
import { readAuditInput, type AuditInput } from './readAuditInput';

const now = FIXTURE_IAT + 600;
const read = (text: string): AuditInput => {
  const r = readAuditInput(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const allRows = (plan: ReturnType<typeof planAudit>, size = 500) => [...plan.batches(size)].flatMap((b) => b.rows);

describe('planAudit on fixtures/inputs/secret-list.json', () => {
  const plan = planAudit(read(readFixture('inputs/secret-list.json')), now);

  it('analyses the 6 legacy token Secrets and only counts the Opaque one', () => {
    expect(plan.total).toBe(6);
    expect(plan.others).toEqual({ total: 1, byType: { Opaque: 1 } });
    const rows = allRows(plan);
    expect(rows.map((r) => r.kind)).toEqual(Array(6).fill('legacy'));
    expect(rows.map((r) => r.secretName)).toEqual(['builder-0-token', 'builder-1-token', 'builder-2-token', 'builder-3-token', 'builder-4-token', 'builder-5-token']);
    expect(JSON.stringify(rows)).not.toMatch(/db-password|hunter2|aHVudGVyMg/);
  });

  it('never reads the values of the other Secrets', () => {
    const input = read(readFixture('inputs/secret-list.json'));
    if (input.source !== 'secrets') throw new Error('expected Secrets');
    const touched: string[] = [];
    const opaque = input.secrets[6] as { data: Record<string, string> };
    opaque.data = new Proxy(opaque.data, {
      get: (target, key) => (touched.push(String(key)), Reflect.get(target, key)),
      ownKeys: (target) => (touched.push('(keys)'), Reflect.ownKeys(target)),
      getOwnPropertyDescriptor: (target, key) => (touched.push(String(key)), Reflect.getOwnPropertyDescriptor(target, key)),
    });
    allRows(planAudit(input, now));
    expect(touched).toEqual([]);
  });

  it('streams in batches with the running count', () => {
    const batches = [...plan.batches(4)];
    expect(batches.map((b) => [b.rows.length, b.done])).toEqual([
      [4, 4],
      [2, 6],
    ]);
    expect(batches.flatMap((b) => b.tokens.map((t) => t.id))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('planAudit on token lines', () => {
  it('one row per token', () => {
    const plan = planAudit(read(`${readFixture('tokens/legacy-secret.jwt')}\n${readFixture('tokens/node-bound.jwt')}`), now);
    expect(plan.source).toBe('token-lines');
    expect(allRows(plan, 1).map((r) => [r.id, r.kind])).toEqual([
      [0, 'legacy'],
      [1, 'node-bound'],
    ]);
  });
});
