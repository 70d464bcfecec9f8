// Behaviour of kubernetes/kubernetes pkg/controller/clusterroleaggregation (and its test cases):
// per selector, selected roles by name, itself excluded, each rule once; chains settle.
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { readDump } from '../../testing/rbacFixtures';
import { resolveAggregation } from './aggregation';
import type { PolicyRule, RoleObject } from './rbacTypes';

const rule = (verb: string, resource: string): PolicyRule => ({ verbs: [verb], apiGroups: [''], resources: [resource], resourceNames: [], nonResourceURLs: [] });
let n = 0;
const clusterRole = (name: string, labels: Record<string, string>, rules: PolicyRule[], aggregation: RoleObject['aggregation'] = null): RoleObject => ({
  kind: 'ClusterRole',
  name,
  namespace: '',
  labels,
  rules,
  aggregation,
  source: { index: n++, line: null },
});
const selects = (key: string, value = 'true'): RoleObject['aggregation'] => [{ matchLabels: { [key]: value }, matchExpressions: [] }];

describe('resolveAggregation', () => {
  it('fills view, edit and admin from the default roles, each through the roles below it', () => {
    const roles = readDump(readFixture('rbac/default-roles.yaml')).roles.filter((r) => r.kind === 'ClusterRole');
    const { rules } = resolveAggregation(roles);
    const resources = (name: string) => new Set(rules.get(name)?.flatMap((r) => r.rule.resources));
    expect(resources('view').has('pods/log')).toBe(true);
    expect(resources('view').has('secrets')).toBe(false);
    expect(resources('edit').has('pods/log')).toBe(true); // view → edit
    expect(resources('edit').has('secrets')).toBe(true);
    expect(resources('admin').has('rolebindings')).toBe(true);
    expect(resources('admin').has('pods/log')).toBe(true); // view → edit → admin
    expect(resources('edit').has('rolebindings')).toBe(false);
    // Each aggregated rule names the role that defines it, not the one it passed through.
    expect(rules.get('admin')?.find((r) => r.rule.resources.includes('pods/log'))?.from).toBe('system:aggregate-to-view');
  });

  it('takes selectors in order and the selected roles by name, skips itself, and adds each rule once', () => {
    const roles = [
      clusterRole('zeta', { pick: 'true' }, [rule('get', 'b'), rule('get', 'a')]),
      clusterRole('alpha', { pick: 'true' }, [rule('get', 'a')]),
      clusterRole('self', { pick: 'true' }, [], selects('pick')),
    ];
    const result = resolveAggregation(roles).rules.get('self') ?? [];
    expect(result.map((r) => [r.rule.resources[0], r.from])).toEqual([
      ['a', 'alpha'],
      ['b', 'zeta'],
    ]);
  });

  it('keeps the stored rules of a role the controller already filled, adding none twice', () => {
    const roles = [clusterRole('source', { pick: 'true' }, [rule('get', 'a')]), clusterRole('target', {}, [rule('get', 'a'), rule('get', 'stale')], selects('pick'))];
    const { rules, issues } = resolveAggregation(roles);
    expect(rules.get('target')?.map((r) => [r.rule.resources[0], r.from])).toEqual([
      ['a', null],
      ['stale', null],
    ]);
    expect(issues).toEqual([]);
  });

  it('settles loops of roles that select each other', () => {
    const roles = [clusterRole('one', { a: 'true' }, [rule('get', 'x')], selects('b')), clusterRole('two', { b: 'true' }, [rule('get', 'y')], selects('a'))];
    const { rules } = resolveAggregation(roles);
    expect(rules.get('one')?.map((r) => r.rule.resources[0]).sort()).toEqual(['x', 'y']);
    expect(rules.get('two')?.map((r) => r.rule.resources[0]).sort()).toEqual(['x', 'y']);
  });

  it('an invalid selector leaves the role as stored, and says why', () => {
    const roles = [
      clusterRole('source', { pick: 'true' }, [rule('get', 'a')]),
      clusterRole('target', {}, [], [{ matchLabels: {}, matchExpressions: [{ key: 'pick', operator: 'Equal', values: ['true'] }] }]),
    ];
    const { rules, issues } = resolveAggregation(roles);
    expect(rules.get('target')).toEqual([]);
    expect(issues).toEqual([{ code: 'aggregation-selector-invalid', role: 'target', detail: '"Equal" is not a valid label selector operator' }]);
  });

  it('stops at its work limit on a hostile number of roles that select everything', () => {
    const roles = Array.from({ length: 1500 }, (_, i) => clusterRole(`r${i}`, {}, [rule('get', `x${i}`)], [{ matchLabels: {}, matchExpressions: [] }]));
    const { issues } = resolveAggregation(roles);
    expect(issues.some((i) => i.code === 'aggregation-too-large')).toBe(true);
  });
});
