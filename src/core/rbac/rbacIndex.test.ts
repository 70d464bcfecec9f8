import { describe, expect, it } from 'vitest';
import { clusterIndex } from '../../testing/rbacFixtures';

describe('buildRbacIndex', () => {
  const rbac = clusterIndex();

  it('reports what in the paste changes what it grants, each naming the object', () => {
    expect(rbac.issues.map((i) => `${i.code} ${i.object.kind}/${i.object.namespace}/${i.object.name}`)).toEqual([
      'literal-star-subresource Role/shop/pod-reader',
      'aggregation-filled ClusterRole//admin',
      'aggregation-filled ClusterRole//edit',
      'aggregation-filled ClusterRole//view',
      'service-account-without-namespace ClusterRoleBinding//lost-namespace',
      'unknown-subject-kind RoleBinding/shop/typo-subject',
      'role-not-found RoleBinding/payments/demo-secrets',
    ]);
    const missing = rbac.issues.find((i) => i.code === 'role-not-found');
    expect(missing?.severity).toBe('warning');
    expect(missing?.message).toContain('RoleBinding "demo-secrets" in namespace "payments" refers to Role "secret-reader"');
    expect(missing?.source?.line).toBeGreaterThan(1);
  });

  it('knows the namespaces of the dump and resolves each binding once', () => {
    expect(rbac.namespaces).toEqual(['default', 'kube-system', 'payments', 'shop']);
    const binding = rbac.bindingsIn('default')[0];
    expect(binding?.name).toBe('demo-edit');
    if (binding) expect(rbac.resolve(binding)).toBe(rbac.resolve(binding));
  });
});
