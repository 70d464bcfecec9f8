import { describe, expect, it } from 'vitest';
import { clusterIndex } from '../../testing/rbacFixtures';
import { parseAccessQuestion, type AccessQuestionInput } from './accessQuestion';
import { whoCan } from './whoCan';

const rbac = clusterIndex();
const who = (q: AccessQuestionInput) => {
  const r = parseAccessQuestion(q);
  if (!r.ok) throw new Error(r.error.message);
  return whoCan(rbac, r.value.request);
};

describe('whoCan', () => {
  it('lists every subject with the binding that grants it, in the authorizer’s order', () => {
    const r = who({ verb: 'create', resource: 'serviceaccounts/token', namespace: 'shop' });
    expect(r.entries.map((e) => `${e.label} ← ${e.grant.source}`)).toEqual([
      'Group "system:masters" ← ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to Group "system:masters"',
      'ServiceAccount "ci/builder" ← ClusterRoleBinding "ci-token-minter" of ClusterRole "token-minter" to ServiceAccount "builder/ci"',
      'User "alice@example.com" ← ClusterRoleBinding "ops-admin" of ClusterRole "cluster-admin" to User "alice@example.com"',
      'Group "ops" ← ClusterRoleBinding "ops-admin" of ClusterRole "cluster-admin" to Group "ops"',
      'ServiceAccount "ci/builder" ← RoleBinding "ci-deployer/shop" of ClusterRole "edit" to ServiceAccount "builder/ci"',
    ]);
  });

  it('defaults a bare service account to the RoleBinding’s namespace, and skips subjects that match no one', () => {
    const r = who({ verb: 'list', resource: 'pods', namespace: 'shop' });
    const labels = r.entries.map((e) => e.label);
    expect(labels).toContain('ServiceAccount "shop/web"');
    // "kind: user" (lower case) and a namespace-less service account in a ClusterRoleBinding match no one.
    expect(labels.some((l) => l.includes('bob@example.com'))).toBe(false);
    expect(labels.some((l) => l.includes('reporter'))).toBe(false);
  });

  it('reports bindings in scope whose role is missing', () => {
    const r = who({ verb: 'get', resource: 'secrets', namespace: 'payments' });
    expect(r.broken).toEqual([{ binding: { kind: 'RoleBinding', name: 'demo-secrets', namespace: 'payments' }, error: 'role.rbac.authorization.k8s.io "secret-reader" not found' }]);
    expect(r.entries.map((e) => e.label)).not.toContain('ServiceAccount "default/sa-token-demo"');
  });

  it('non-resource URLs come only from ClusterRoleBindings', () => {
    expect(who({ verb: 'get', url: '/metrics' }).entries.map((e) => e.label)).toEqual(['Group "system:masters"', 'Group "system:serviceaccounts:monitoring"', 'User "alice@example.com"', 'Group "ops"']);
  });
});
