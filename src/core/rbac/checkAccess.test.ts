// Vectors written from kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/rbac_test.go
// (TestAuthorizer) and pkg/registry/rbac/validation/rule_test.go (TestAppliesTo), then concrete
// answers on the project's fixtures (default roles + a team dump), with the granting binding named.
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { clusterIndex } from '../../testing/rbacFixtures';
import { decodeToken } from '../jws/decodeToken';
import { classifyToken } from '../kubernetes/classifyToken';
import { identityOf } from '../kubernetes/identity';
import { parseAccessQuestion, type AccessQuestionInput } from './accessQuestion';
import { parseSubject, subjectFromIdentity, type AccessSubject } from './accessSubject';
import { checkAccess } from './checkAccess';
import { buildRbacIndex, type RbacIndex } from './rbacIndex';
import { readRbacValue } from './readRbacObjects';

const user = (username: string, groups: string[] = []): AccessSubject => ({ kind: 'user', username, groups, serviceAccount: null, origin: 'what-if', label: username });

function ask(index: RbacIndex, who: AccessSubject, q: AccessQuestionInput) {
  const question = parseAccessQuestion(q);
  if (!question.ok) throw new Error(question.error.message);
  return checkAccess(index, who, question.value);
}

const rule = (verbs: string, apiGroups: string, resources: string, urls: string) => ({
  verbs: verbs.split(','),
  apiGroups: apiGroups.split(','),
  resources: resources.split(','),
  nonResourceURLs: urls.split(','),
});
const subjects = (...s: string[]) => s.map((x) => ({ kind: x.split(':')[0], name: x.slice(x.indexOf(':') + 1), ...(x.startsWith('ServiceAccount:') ? {} : { apiGroup: 'rbac.authorization.k8s.io' }) }));
const clusterRole = (name: string, ...rules: ReturnType<typeof rule>[]) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules });
const roleBinding = (namespace: string, name: string, role: string, ...s: string[]) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name, namespace },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: subjects(...s),
});
const clusterBinding = (name: string, role: string, ...s: string[]) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRoleBinding',
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: subjects(...s),
});
const index = (...objects: unknown[]) => buildRbacIndex(readRbacValue(objects));

describe('checkAccess: the authorizer’s decisions (rbac_test.go TestAuthorizer)', () => {
  it('a RoleBinding to a ClusterRole grants within its namespace only, to its users and groups', () => {
    const rbac = index(clusterRole('admin', rule('*', '*', '*', '*')), roleBinding('ns1', 'admins', 'admin', 'User:admin', 'Group:admins'));
    const pass: [AccessSubject, string, string, string][] = [
      [user('admin'), 'get', 'Pods', 'ns1'],
      [user('admin', ['group1']), 'watch', 'Foobar', 'ns1'],
      [user('joe', ['admins']), 'watch', 'Foobar', 'ns1'],
      [user('joe', ['group1', 'admins']), 'watch', 'Foobar', 'ns1'],
    ];
    for (const [who, verb, resource, namespace] of pass) {
      const q = { type: 'resource' as const, verb, apiGroup: '', resource, subresource: '', name: '', namespace };
      expect(checkAccess(rbac, who, { request: q, text: '', notes: [] }).allowed).toBe(true);
    }
    const fail: [AccessSubject, string, string, string][] = [
      [user('admin'), 'GET', 'Pods', 'ns2'],
      [user('admin'), 'GET', 'Nodes', ''],
      [user('admin', ['admins']), 'GET', 'Pods', 'ns2'],
      [user('admin', ['admins']), 'GET', 'Nodes', ''],
    ];
    for (const [who, verb, resource, namespace] of fail) {
      const q = { type: 'resource' as const, verb, apiGroup: '', resource, subresource: '', name: '', namespace };
      expect(checkAccess(rbac, who, { request: q, text: '', notes: [] }).allowed).toBe(false);
    }
  });

  it('non-resource URLs: exact, any verb, and prefix rules through ClusterRoleBindings', () => {
    const rbac = index(
      clusterRole('non-resource-url-getter', rule('get', '', '', '/apis')),
      clusterRole('non-resource-url', rule('*', '', '', '/apis')),
      clusterRole('non-resource-url-prefix', rule('get', '', '', '/apis/*')),
      clusterBinding('getter', 'non-resource-url-getter', 'User:foo', 'Group:bar'),
      clusterBinding('any', 'non-resource-url', 'User:admin', 'Group:admin'),
      clusterBinding('prefix', 'non-resource-url-prefix', 'User:prefixed', 'Group:prefixed'),
    );
    const can = (who: AccessSubject, verb: string, url: string) => ask(rbac, who, { verb, url }).allowed;
    expect(can(user('foo'), 'get', '/apis')).toBe(true);
    expect(can(user('', ['bar']), 'get', '/apis')).toBe(true);
    expect(can(user('admin'), 'watch', '/apis')).toBe(true);
    expect(can(user('', ['admin']), 'watch', '/apis')).toBe(true);
    expect(can(user('prefixed'), 'get', '/apis/v1')).toBe(true);
    expect(can(user('', ['prefixed']), 'get', '/apis/v1/foobar')).toBe(true);
    expect(can(user('foo'), 'watch', '/apis')).toBe(false);
    expect(can(user('foo'), 'get', '/api/v1')).toBe(false);
    expect(can(user('admin'), 'get', '/api/v1')).toBe(false);
    expect(can(user('prefixed'), 'get', '/api/v1')).toBe(false);
  });

  it('service account subjects: a bare one takes the RoleBinding’s namespace; in a ClusterRoleBinding it matches no one (rule_test.go TestAppliesTo)', () => {
    const rbac = index(
      clusterRole('reader', rule('get', '', 'pods', '')),
      roleBinding('default', 'bare', 'reader', 'ServiceAccount:sa'),
      clusterBinding('bare-cluster', 'reader', 'ServiceAccount:sa'),
    );
    const sa = (ns: string) => user(`system:serviceaccount:${ns}:sa`, ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated']);
    expect(ask(rbac, sa('default'), { verb: 'get', resource: 'pods', namespace: 'default' }).reason).toBe(
      'RBAC: allowed by RoleBinding "bare/default" of ClusterRole "reader" to ServiceAccount "sa/default"',
    );
    expect(ask(rbac, sa('other'), { verb: 'get', resource: 'pods', namespace: 'default' }).allowed).toBe(false);
    expect(ask(rbac, sa('other'), { verb: 'get', resource: 'pods', namespace: 'other' }).allowed).toBe(false);
    // A User subject with a service account's username is that service account.
    const byName = index(clusterRole('reader', rule('get', '', 'pods', '')), clusterBinding('by-name', 'reader', 'User:system:serviceaccount:default:sa'));
    expect(ask(byName, sa('default'), { verb: 'get', resource: 'pods', namespace: 'x' }).allowed).toBe(true);
  });

  it('names the first matching subject of the first allowing binding, ClusterRoleBindings first', () => {
    const rbac = index(
      clusterRole('reader', rule('get', '', 'pods', '')),
      roleBinding('ns1', 'local', 'reader', 'User:alice'),
      clusterBinding('global', 'reader', 'Group:nobody', 'Group:devs', 'User:alice'),
    );
    const answer = ask(rbac, user('alice', ['devs']), { verb: 'get', resource: 'pods', namespace: 'ns1' });
    expect(answer.reason).toBe('RBAC: allowed by ClusterRoleBinding "global" of ClusterRole "reader" to Group "devs"');
    expect(answer.grants.map((g) => g.source)).toEqual(['ClusterRoleBinding "global" of ClusterRole "reader" to Group "devs"', 'RoleBinding "local/ns1" of ClusterRole "reader" to User "alice"']);
  });
});

describe('checkAccess on the fixtures', () => {
  const rbac = clusterIndex();
  const demo = (() => {
    const decoded = decodeToken(readFixture('tokens/pod-bound.jwt'));
    const identity = identityOf(decoded, classifyToken(decoded));
    if (!identity) throw new Error('fixture token has no identity');
    const subject = subjectFromIdentity(identity);
    if (!subject.ok) throw new Error(subject.error.message);
    return subject.value;
  })();

  it('the fixture token is service account default/sa-token-demo with the API server’s groups', () => {
    expect(demo.username).toBe('system:serviceaccount:default:sa-token-demo');
    expect(demo.groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated']);
  });

  it('get pods in its namespace: allowed by the RoleBinding to the aggregated ClusterRole edit (rule from view’s aggregate)', () => {
    const a = ask(rbac, demo, { verb: 'get', resource: 'pods', namespace: 'default' });
    expect(a.allowed).toBe(true);
    expect(a.reason).toBe('RBAC: allowed by RoleBinding "demo-edit/default" of ClusterRole "edit" to ServiceAccount "sa-token-demo/default"');
    expect(a.grants[0]?.aggregatedFrom).toBe('system:aggregate-to-view');
  });

  it('a custom resource aggregated into edit by its label is allowed too', () => {
    const a = ask(rbac, demo, { verb: 'delete', resource: 'widgets.example.com', namespace: 'default', name: 'w1' });
    expect(a.allowed).toBe(true);
    expect(a.grants[0]?.aggregatedFrom).toBe('widget-editor');
  });

  it('get pods in another namespace: denied, the closest rule is the same grant in the wrong namespace', () => {
    const a = ask(rbac, demo, { verb: 'get', resource: 'pods', namespace: 'shop' });
    expect(a.allowed).toBe(false);
    expect(a.reason).toBe('');
    expect(a.nearMisses[0]?.grant.source).toBe('RoleBinding "demo-edit/default" of ClusterRole "edit" to ServiceAccount "sa-token-demo/default"');
    expect(a.nearMisses[0]?.mismatches.map((m) => m.code)).toEqual(['namespace']);
    expect(a.notes.some((n) => n.includes('not the only authorizer'))).toBe(true);
  });

  it('resourceNames: get of the named ConfigMap is allowed, list is not, and the near miss says why', () => {
    expect(ask(rbac, demo, { verb: 'get', resource: 'configmaps', name: 'web-config', namespace: 'shop' }).reason).toBe(
      'RBAC: allowed by RoleBinding "demo-config/shop" of Role "config-reader" to ServiceAccount "sa-token-demo/default"',
    );
    const other = ask(rbac, demo, { verb: 'get', resource: 'configmaps', name: 'db-config', namespace: 'shop' });
    expect(other.allowed).toBe(false);
    expect(other.nearMisses.flatMap((n) => n.mismatches.map((m) => m.code))).toContain('resource-name');
    const list = ask(rbac, demo, { verb: 'list', resource: 'configmaps', namespace: 'shop' });
    expect(list.allowed).toBe(false);
    const miss = list.nearMisses.find((n) => n.grant.role.name === 'config-reader');
    expect(miss?.mismatches.map((m) => m.code)).toEqual(['verb', 'resource-name-needs-name']);
  });

  it('a binding to a missing Role: denied, with the authorizer’s error as the reason', () => {
    const a = ask(rbac, demo, { verb: 'get', resource: 'secrets', namespace: 'payments' });
    expect(a.allowed).toBe(false);
    expect(a.reason).toBe('RBAC: role.rbac.authorization.k8s.io "secret-reader" not found');
    expect(a.broken.map((b) => b.binding.name)).toEqual(['demo-secrets']);
  });

  it('default bindings: system:basic-user to every authenticated user, the issuer discovery URLs to every service account', () => {
    expect(ask(rbac, demo, { verb: 'create', resource: 'selfsubjectaccessreviews.authorization.k8s.io' }).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"',
    );
    expect(ask(rbac, demo, { verb: 'get', url: '/openid/v1/jwks' }).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "system:service-account-issuer-discovery" of ClusterRole "system:service-account-issuer-discovery" to Group "system:serviceaccounts"',
    );
    expect(ask(rbac, demo, { verb: 'get', url: '/apis/apps/v1' }).allowed).toBe(true);
    expect(ask(rbac, demo, { verb: 'get', url: '/metrics' }).allowed).toBe(false);
    expect(ask(rbac, demo, { verb: 'post', url: '/apis' }).allowed).toBe(false);
  });

  it('subresources: pods/log via view, pods/* grants no subresource, nodes cannot be granted by a RoleBinding', () => {
    expect(ask(rbac, demo, { verb: 'get', resource: 'pods/log', namespace: 'default' }).allowed).toBe(true);
    const web = parseSubject('shop/web');
    if (!web.ok) throw new Error();
    expect(ask(rbac, web.value, { verb: 'get', resource: 'pods/log', namespace: 'shop' }).allowed).toBe(true);
    const exec = ask(rbac, web.value, { verb: 'get', resource: 'pods/exec', namespace: 'shop' });
    expect(exec.allowed).toBe(false);
    expect(exec.nearMisses.flatMap((n) => n.mismatches.map((m) => m.code))).toContain('literal-star');
    // The controller service accounts of the default policy keep their known permissions.
    const hpa = parseSubject('kube-system/horizontal-pod-autoscaler');
    if (!hpa.ok) throw new Error();
    expect(ask(rbac, hpa.value, { verb: 'update', resource: 'deployments.apps/scale', namespace: 'shop' }).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "system:controller:horizontal-pod-autoscaler" of ClusterRole "system:controller:horizontal-pod-autoscaler" to ServiceAccount "horizontal-pod-autoscaler/kube-system"',
    );
    expect(ask(rbac, hpa.value, { verb: 'update', resource: 'deployments.apps', namespace: 'shop' }).allowed).toBe(false);
  });

  it('a cluster-wide question is not answered by RoleBindings', () => {
    const a = ask(rbac, demo, { verb: 'list', resource: 'pods' });
    expect(a.allowed).toBe(false);
    expect(a.nearMisses[0]?.mismatches.map((m) => m.code)).toEqual(['cluster-scope']);
  });

  it('what-if subjects: a user in group ops is cluster admin; an anonymous user gets only the public info', () => {
    const ops = parseSubject('group:ops');
    if (!ops.ok) throw new Error();
    expect(ask(rbac, ops.value, { verb: 'delete', resource: 'nodes' }).reason).toBe('RBAC: allowed by ClusterRoleBinding "ops-admin" of ClusterRole "cluster-admin" to Group "ops"');
    const anonymous = parseSubject('system:anonymous');
    if (!anonymous.ok) throw new Error();
    expect(ask(rbac, anonymous.value, { verb: 'get', url: '/healthz' }).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "system:public-info-viewer" of ClusterRole "system:public-info-viewer" to Group "system:unauthenticated"',
    );
    expect(ask(rbac, anonymous.value, { verb: 'get', url: '/apis' }).allowed).toBe(false);
  });
});
