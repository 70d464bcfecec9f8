import { describe, expect, it } from 'vitest';
import { allowedReason, denialReason, describeGrantSource, goQuote, roleRefError } from './authorizerWords';
import type { BindingObject, Subject } from './rbacTypes';

const binding = (kind: BindingObject['kind'], name: string, namespace: string, roleKind: string, roleName: string): BindingObject => ({
  kind,
  name,
  namespace,
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: roleName },
  subjects: [],
  source: { index: 0, line: null },
});
const sa = (name: string, namespace = ''): Subject => ({ kind: 'ServiceAccount', apiGroup: '', name, namespace });

describe('the RBAC authorizer’s words', () => {
  it('names a RoleBinding and a service account as "name/namespace", as rule.go does', () => {
    const b = binding('RoleBinding', 'x', 'shop', 'ClusterRole', 'edit');
    expect(allowedReason(describeGrantSource(b, sa('web')))).toBe('RBAC: allowed by RoleBinding "x/shop" of ClusterRole "edit" to ServiceAccount "web/shop"');
    expect(describeGrantSource(b, sa('builder', 'ci'))).toBe('RoleBinding "x/shop" of ClusterRole "edit" to ServiceAccount "builder/ci"');
  });

  it('names a ClusterRoleBinding by its name alone, and users and groups by name', () => {
    const b = binding('ClusterRoleBinding', 'system:basic-user', '', 'ClusterRole', 'system:basic-user');
    expect(describeGrantSource(b, { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:authenticated', namespace: '' })).toBe(
      'ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"',
    );
  });

  it('quotes as Go’s %q does, so hidden characters show', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('tab\there\n')).toBe('"tab\\there\\n"');
    expect(goQuote('\u0001\u007f')).toBe('"\\x01\\x7f"');
    expect(goQuote('evil\u202egnp.exe')).toBe('"evil\\u202egnp.exe"');
    expect(goQuote('zero\u200bwidth')).toBe('"zero\\u200bwidth"');
    expect(goQuote('café ünïcode ✓')).toBe('"café ünïcode ✓"');
  });

  it('words a missing role as the API would, and joins several errors like utilerrors.NewAggregate', () => {
    const a = roleRefError(binding('RoleBinding', 'b', 'payments', 'Role', 'secret-reader'));
    const c = roleRefError(binding('ClusterRoleBinding', 'c', '', 'ClusterRole', 'gone'));
    expect(a).toBe('role.rbac.authorization.k8s.io "secret-reader" not found');
    expect(c).toBe('clusterrole.rbac.authorization.k8s.io "gone" not found');
    expect(roleRefError(binding('RoleBinding', 'b', 'x', 'Policy', 'p'))).toBe('unsupported role reference kind: "Policy"');
    expect(denialReason([])).toBe('');
    expect(denialReason([a])).toBe(`RBAC: ${a}`);
    expect(denialReason([a, a])).toBe(`RBAC: ${a}`);
    expect(denialReason([c, a])).toBe(`RBAC: [${c}, ${a}]`);
  });
});
