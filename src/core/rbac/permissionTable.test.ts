import { describe, expect, it } from 'vitest';
import { clusterIndex } from '../../testing/rbacFixtures';
import { parseSubject } from './accessSubject';
import { permissionsToCsv, permissionsToJson } from './exportPermissions';
import { filterRows } from './filterRows';
import { permissionTable, type PermissionRow } from './permissionTable';
import { buildRbacIndex } from './rbacIndex';
import { readRbacValue } from './readRbacObjects';

const rbac = clusterIndex();
const subject = (text: string) => {
  const s = parseSubject(text);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};
const row = (rows: PermissionRow[], namespace: string, verb: string, resource: string) => rows.find((r) => r.namespace === namespace && r.verb === verb && r.resource === resource);

describe('permissionTable', () => {
  const table = permissionTable(rbac, subject('default/sa-token-demo'));

  it('has one row per (namespace, verb, resource), cluster-wide rows first, each naming its grants', () => {
    const ids = table.rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(table.rows[0]?.namespace).toBe('');
    const pods = row(table.rows, 'default', 'get', 'pods');
    expect(pods?.resourceNames).toBeNull();
    expect(pods?.grants.map((g) => [g.reason, g.aggregatedFrom])).toEqual([
      ['RBAC: allowed by RoleBinding "demo-edit/default" of ClusterRole "edit" to ServiceAccount "sa-token-demo/default"', 'system:aggregate-to-view'],
    ]);
    expect(row(table.rows, 'default', 'update', 'deployments.apps/scale')).toBeDefined();
    expect(row(table.rows, 'default', 'create', 'widgets.example.com')).toBeDefined();
    expect(table.namespaces).toEqual(['default', 'shop']);
  });

  it('shows resourceNames limits, non-resource URLs cluster-wide, and the broken binding', () => {
    expect(row(table.rows, 'shop', 'get', 'configmaps')?.resourceNames).toEqual(['web-config']);
    expect(row(table.rows, '', 'get', '/openid/v1/jwks')?.type).toBe('non-resource');
    expect(row(table.rows, '', 'create', 'selfsubjectrulesreviews.authorization.k8s.io')).toBeDefined();
    expect(table.broken.map((b) => b.error)).toEqual(['role.rbac.authorization.k8s.io "secret-reader" not found']);
    expect(row(table.rows, 'payments', 'get', 'secrets')).toBeUndefined();
  });

  it('marks a RoleBinding’s grant of a cluster-scoped resource as without effect, but not of its own namespace', () => {
    const index = buildRbacIndex(
      readRbacValue([
        { kind: 'ClusterRole', metadata: { name: 'r' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['nodes', 'namespaces', 'pods'] }] },
        { kind: 'RoleBinding', metadata: { name: 'b', namespace: 'ns' }, roleRef: { kind: 'ClusterRole', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }] },
        { kind: 'ClusterRoleBinding', metadata: { name: 'c' }, roleRef: { kind: 'ClusterRole', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }] },
      ]),
    );
    const rows = permissionTable(index, subject('user:u')).rows;
    expect(rows.map((r) => `${r.namespace || '*'} ${r.resource} ${r.clusterScopedInNamespace}`)).toEqual([
      '* namespaces false',
      '* nodes false',
      '* pods false',
      'ns namespaces false',
      'ns nodes true',
      'ns pods false',
    ]);
  });

  it('keeps "*" as written: cluster-admin is one row per wildcard entry', () => {
    const ops = permissionTable(rbac, subject('group:ops'));
    expect(row(ops.rows, '', '*', '*.*')?.grants[0]?.source).toBe('ClusterRoleBinding "ops-admin" of ClusterRole "cluster-admin" to Group "ops"');
    expect(row(ops.rows, '', '*', '*')?.type).toBe('non-resource');
  });

  it('leaves out the non-resource URLs of a RoleBinding, which never apply, and counts them', () => {
    const index = buildRbacIndex(
      readRbacValue([
        { kind: 'ClusterRole', metadata: { name: 'metrics' }, rules: [{ verbs: ['get'], nonResourceURLs: ['/metrics'] }] },
        { kind: 'RoleBinding', metadata: { name: 'b', namespace: 'ns' }, roleRef: { kind: 'ClusterRole', name: 'metrics' }, subjects: [{ kind: 'User', name: 'u' }] },
      ]),
    );
    const t = permissionTable(index, subject('user:u'));
    expect(t.rows).toEqual([]);
    expect(t.skippedNonResource).toBe(1);
  });

  it('stops at its row limit on a rule that multiplies out without end', () => {
    const many = (prefix: string) => Array.from({ length: 400 }, (_, i) => `${prefix}${i}`);
    const index = buildRbacIndex(
      readRbacValue([
        { kind: 'ClusterRole', metadata: { name: 'huge' }, rules: [{ verbs: many('v'), apiGroups: many('g'), resources: many('r') }] },
        { kind: 'ClusterRoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'ClusterRole', name: 'huge' }, subjects: [{ kind: 'User', name: 'u' }] },
      ]),
    );
    const t = permissionTable(index, subject('user:u'));
    expect(t.truncated).toBe(true);
    expect(t.rows.length).toBeLessThanOrEqual(50_000);
    expect(t.notes[0]).toContain('Only the first');
  });
});

describe('filterRows', () => {
  const rows = permissionTable(rbac, subject('default/sa-token-demo')).rows;

  it('a namespace’s view includes cluster-wide rows unless asked not to; "" is cluster-wide only', () => {
    const shop = filterRows(rows, { namespace: 'shop' });
    expect(new Set(shop.map((r) => r.namespace))).toEqual(new Set(['', 'shop']));
    expect(new Set(filterRows(rows, { namespace: 'shop', clusterWide: false }).map((r) => r.namespace))).toEqual(new Set(['shop']));
    expect(new Set(filterRows(rows, { namespace: '' }).map((r) => r.namespace))).toEqual(new Set(['']));
  });

  it('filters by verb and by text over resources, bindings and roles', () => {
    expect(filterRows(rows, { verb: 'delete' }).every((r) => r.verb === 'delete' || r.verb === '*')).toBe(true);
    expect(filterRows(rows, { text: 'WIDGET' }).map((r) => r.resource)).toEqual(Array(7).fill('widgets.example.com'));
    expect(filterRows(rows, { text: 'config-reader' }).map((r) => `${r.verb} ${r.resource}`)).toEqual(['get configmaps']);
  });
});

describe('export', () => {
  const rows = permissionTable(rbac, subject('shop/web')).rows;

  it('CSV has a header, CRLF line ends and one line per row', () => {
    const csv = permissionsToCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(['namespace', 'verb', 'resource', 'api_group', 'subresource', 'non_resource_url', 'resource_names', 'granted_by', 'roles', 'reasons'].map((c) => `"${c}"`).join(','));
    expect(lines).toHaveLength(rows.length + 2);
    expect(csv).toContain('"shop","get","pods","","log","","","RoleBinding/shop/web-reads-pods","Role/shop/pod-reader",');
  });

  it('cells a spreadsheet would run as a formula are defused', () => {
    const index = buildRbacIndex(
      readRbacValue([
        { kind: 'ClusterRole', metadata: { name: 'r' }, rules: [{ verbs: ['=SUM(1)'], apiGroups: ['-grp'], resources: ['@pods/+sub'], resourceNames: ['+name'] }] },
        { kind: 'ClusterRoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'ClusterRole', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }] },
      ]),
    );
    const csv = permissionsToCsv(permissionTable(index, subject('user:u')).rows);
    expect(csv.split('\r\n')[1]).toBe(`"","'=SUM(1)","'@pods","'-grp","'+sub","","'+name","ClusterRoleBinding/b","ClusterRole/r","RBAC: allowed by ClusterRoleBinding ""b"" of ClusterRole ""r"" to User ""u"""`);
  });

  it('JSON keeps lists as lists and null for "every object"', () => {
    const json = JSON.parse(permissionsToJson(rows)) as Record<string, unknown>[];
    expect(json).toHaveLength(rows.length);
    expect(json.find((r) => r.namespace === 'shop' && r.verb === 'get' && r.resource === 'pods' && r.subresource === 'log')).toMatchObject({ namespace: 'shop', resource_names: null, granted_by: ['RoleBinding/shop/web-reads-pods'] });
  });
});
