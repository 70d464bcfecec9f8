// A generated `kubectl get clusterroles,clusterrolebindings,roles,rolebindings -A -o json` for the
// Access benchmark and hang guards: a multi-tenant cluster of namespaces `team-000`…, each with the
// Roles and bindings teams write (readers, writers, resourceNames-limited ConfigMap and Secret
// access, leader election, edit for a deployer, view for a group), CRD ClusterRoles aggregated into
// view and edit, and operator ClusterRoleBindings; plus the aggregated default roles with
// `rules: null`. Keys are written in kubectl's (sorted) order.
//
// Self-contained (no imports, no Node APIs), so it can run in a worker or a page too.

const RBAC = 'rbac.authorization.k8s.io/v1';
const GROUP = 'rbac.authorization.k8s.io';

const rule = (apiGroups, resources, verbs, resourceNames) => (resourceNames ? { apiGroups, resourceNames, resources, verbs } : { apiGroups, resources, verbs });
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

function meta(name, namespace, labels, i) {
  const m = { creationTimestamp: '2026-01-15T09:30:00Z' };
  if (labels) m.labels = labels;
  m.name = name;
  if (namespace) m.namespace = namespace;
  m.resourceVersion = String(1000 + i);
  m.uid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return m;
}

const role = (kind, name, namespace, rules, i, labels, aggregationRule) => ({
  ...(aggregationRule ? { aggregationRule } : {}),
  apiVersion: RBAC,
  kind,
  metadata: meta(name, namespace, labels, i),
  rules,
});

const binding = (kind, name, namespace, roleKind, roleName, subjects, i) => ({
  apiVersion: RBAC,
  kind,
  metadata: meta(name, namespace, undefined, i),
  roleRef: { apiGroup: GROUP, kind: roleKind, name: roleName },
  subjects,
});

const sa = (name, namespace) => ({ kind: 'ServiceAccount', name, namespace });
const group = (name) => ({ apiGroup: GROUP, kind: 'Group', name });
const user = (name) => ({ apiGroup: GROUP, kind: 'User', name });

/** The default roles everything else builds on (a short version of the bootstrap policy). */
function defaults(items) {
  let i = 0;
  const agg = (to) => ({ clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${to}`]: 'true' } }] });
  items.push(role('ClusterRole', 'cluster-admin', null, [rule(['*'], ['*'], ['*']), { nonResourceURLs: ['*'], verbs: ['*'] }], i++));
  items.push(role('ClusterRole', 'admin', null, null, i++, undefined, agg('admin')));
  items.push(role('ClusterRole', 'edit', null, null, i++, { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, agg('edit')));
  items.push(role('ClusterRole', 'view', null, null, i++, { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, agg('view')));
  items.push(role('ClusterRole', 'system:aggregate-to-admin', null, [rule([GROUP], ['rolebindings', 'roles'], [...READ, ...WRITE])], i++, { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }));
  items.push(
    role(
      'ClusterRole',
      'system:aggregate-to-edit',
      null,
      [rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'secrets'], READ), rule([''], ['pods', 'pods/exec', 'configmaps', 'secrets', 'services', 'serviceaccounts'], WRITE), rule([''], ['serviceaccounts/token'], ['create']), rule(['apps'], ['deployments', 'deployments/scale', 'statefulsets'], WRITE), rule(['batch'], ['jobs', 'cronjobs'], WRITE)],
      i++,
      { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' },
    ),
  );
  items.push(role('ClusterRole', 'system:aggregate-to-view', null, [rule([''], ['configmaps', 'endpoints', 'pods', 'pods/log', 'services', 'events'], READ), rule(['apps'], ['deployments', 'statefulsets', 'replicasets'], READ), rule(['batch'], ['jobs', 'cronjobs'], READ)], i++, { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }));
  items.push(role('ClusterRole', 'system:basic-user', null, [rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create'])], i++));
  items.push(role('ClusterRole', 'system:discovery', null, [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] }], i++));
  items.push(binding('ClusterRoleBinding', 'cluster-admin', null, 'ClusterRole', 'cluster-admin', [group('system:masters')], i++));
  items.push(binding('ClusterRoleBinding', 'system:basic-user', null, 'ClusterRole', 'system:basic-user', [group('system:authenticated')], i++));
  items.push(binding('ClusterRoleBinding', 'system:discovery', null, 'ClusterRole', 'system:discovery', [group('system:authenticated')], i++));
  return i;
}

/** Twenty objects for one team namespace. */
function team(items, t, start) {
  let i = start;
  const ns = `team-${String(t).padStart(3, '0')}`;
  items.push(role('Role', 'app-reader', ns, [rule([''], ['pods', 'pods/log', 'services', 'endpoints'], READ), rule(['apps'], ['deployments', 'replicasets'], READ)], i++));
  items.push(role('Role', 'app-writer', ns, [rule(['apps'], ['deployments', 'deployments/scale'], ['get', 'patch', 'update']), rule([''], ['configmaps'], ['create', 'update', 'patch'])], i++));
  items.push(role('Role', 'config-reader', ns, [rule([''], ['configmaps'], ['get'], [`${ns}-config`, 'feature-flags'])], i++));
  items.push(role('Role', 'secret-reader', ns, [rule([''], ['secrets'], ['get'], [`${ns}-db`, `${ns}-tls`])], i++));
  items.push(role('Role', 'leader-election', ns, [rule(['coordination.k8s.io'], ['leases'], ['get', 'create', 'update']), rule([''], ['events'], ['create', 'patch'])], i++));
  items.push(binding('RoleBinding', 'app-reader', ns, 'Role', 'app-reader', [sa('app', ns), sa('sidecar', ns)], i++));
  items.push(binding('RoleBinding', 'app-writer', ns, 'Role', 'app-writer', [sa('deployer', ns)], i++));
  items.push(binding('RoleBinding', 'config-reader', ns, 'Role', 'config-reader', [sa('app', ns)], i++));
  items.push(binding('RoleBinding', 'secret-reader', ns, 'Role', 'secret-reader', [sa('app', ns)], i++));
  items.push(binding('RoleBinding', 'leader-election', ns, 'Role', 'leader-election', [sa('controller', ns)], i++));
  items.push(binding('RoleBinding', 'deployer-edit', ns, 'ClusterRole', 'edit', [sa('deployer', ns), sa('builder', 'ci')], i++));
  items.push(binding('RoleBinding', 'devs-view', ns, 'ClusterRole', 'view', [group(`${ns}-devs`), group(`system:serviceaccounts:${ns}`)], i++));
  items.push(binding('RoleBinding', 'lead-admin', ns, 'ClusterRole', 'admin', [user(`lead-${t}@example.com`)], i++));
  items.push(binding('RoleBinding', 'monitoring', ns, 'ClusterRole', `monitoring-${t}`, [sa('prometheus', 'monitoring')], i++));
  const crd = `widgets${t}.example.com`;
  items.push(role('ClusterRole', `${crd}-view`, null, [rule(['example.com'], [`widgets${t}`], READ)], i++, { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }));
  items.push(role('ClusterRole', `${crd}-edit`, null, [rule(['example.com'], [`widgets${t}`], WRITE)], i++, { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }));
  items.push(role('ClusterRole', `monitoring-${t}`, null, [rule([''], ['pods', 'services', 'endpoints'], READ), { nonResourceURLs: [`/metrics/team-${t}`], verbs: ['get'] }], i++));
  items.push(binding('ClusterRoleBinding', `operator-${t}`, null, 'ClusterRole', `${crd}-edit`, [sa(`operator-${t}`, 'operators')], i++));
  items.push(binding('ClusterRoleBinding', `auditor-${t}`, null, 'ClusterRole', 'view', [user(`auditor-${t}@example.com`)], i++));
  items.push(binding('ClusterRoleBinding', `sso-${t}`, null, 'ClusterRole', `${crd}-view`, [group(`sso:${ns}`)], i++));
  return i;
}

/** `count` RBAC objects (at least the defaults) as a `kind: List` object. Deterministic. */
export function generateRbacDump({ count }) {
  const items = [];
  let i = defaults(items);
  for (let t = 0; items.length < count; t++) i = team(items, t, i);
  items.length = Math.max(count, 12);
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** The same as kubectl prints it with -o json (four-space indent). */
export function generateRbacJson(options) {
  return `${JSON.stringify(generateRbacDump(options), null, 4)}\n`;
}
