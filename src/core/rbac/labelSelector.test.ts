import { describe, expect, it } from 'vitest';
import { selectorError, selectorMatches } from './labelSelector';
import type { LabelSelector } from './rbacTypes';

const sel = (s: Partial<LabelSelector>): LabelSelector => ({ matchLabels: {}, matchExpressions: [], ...s });
const labels = { 'rbac.example.com/aggregate-to-monitoring': 'true', tier: 'gold' };

describe('label selectors of aggregation rules', () => {
  it('matchLabels needs every label with the same value', () => {
    expect(selectorMatches(sel({ matchLabels: { tier: 'gold' } }), labels)).toBe(true);
    expect(selectorMatches(sel({ matchLabels: { tier: 'gold', other: 'x' } }), labels)).toBe(false);
    expect(selectorMatches(sel({ matchLabels: { tier: 'silver' } }), labels)).toBe(false);
  });

  it('In, NotIn, Exists and DoesNotExist, ANDed with matchLabels', () => {
    const expr = (operator: string, values: string[] = [], key = 'tier') => sel({ matchExpressions: [{ key, operator, values }] });
    expect(selectorMatches(expr('In', ['gold', 'silver']), labels)).toBe(true);
    expect(selectorMatches(expr('In', ['silver']), labels)).toBe(false);
    expect(selectorMatches(expr('NotIn', ['silver']), labels)).toBe(true);
    // NotIn also selects objects without the label.
    expect(selectorMatches(expr('NotIn', ['silver'], 'absent'), labels)).toBe(true);
    expect(selectorMatches(expr('Exists'), labels)).toBe(true);
    expect(selectorMatches(expr('DoesNotExist'), labels)).toBe(false);
    expect(selectorMatches(expr('DoesNotExist', [], 'absent'), labels)).toBe(true);
    expect(selectorMatches(sel({ matchLabels: { tier: 'gold' }, matchExpressions: [{ key: 'absent', operator: 'Exists', values: [] }] }), labels)).toBe(false);
  });

  it('an empty selector selects everything', () => {
    expect(selectorMatches(sel({}), {})).toBe(true);
  });

  it('rejects what the controller rejects', () => {
    expect(selectorError(sel({ matchExpressions: [{ key: 'tier', operator: 'Equals', values: ['gold'] }] }))).toContain('not a valid label selector operator');
    expect(selectorError(sel({ matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }))).toContain("values set can't be empty");
    expect(selectorError(sel({ matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['x'] }] }))).toContain('must be empty');
    expect(selectorError(sel({ matchLabels: { 'bad key!': 'x' } }))).toContain('not a valid label key');
    expect(selectorError(sel({ matchLabels: { tier: 'x'.repeat(64) } }))).toContain('not a valid label value');
    expect(selectorError(sel({ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }))).toBeNull();
  });
});
