import { describe, expect, it } from 'vitest';
import { clusterIndex } from '../../testing/rbacFixtures';
import { parseSubject } from './accessSubject';
import { findDangers } from './findDangers';
import { RBAC_FINDING_CATALOGUE, RBAC_FINDING_CODES } from './rbacFindingCatalogue';
import { buildRbacIndex } from './rbacIndex';
import { readRbacValue } from './readRbacObjects';

const rbac = clusterIndex();
const subject = (text: string) => {
  const s = parseSubject(text);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};
const codes = (text: string, index = rbac) => findDangers(index, subject(text)).map((f) => `${f.code}@${f.namespace}`);

/** A dump granting one rule to user "u", by ClusterRoleBinding or by RoleBinding in "ns". */
const oneRule = (rule: Record<string, unknown>, namespaced = false) =>
  buildRbacIndex(
    readRbacValue([
      { kind: 'ClusterRole', metadata: { name: 'r' }, rules: [rule] },
      namespaced
        ? { kind: 'RoleBinding', metadata: { name: 'b', namespace: 'ns' }, roleRef: { kind: 'ClusterRole', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }] }
        : { kind: 'ClusterRoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'ClusterRole', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }] },
    ]),
  );

describe('findDangers', () => {
  it('edit in its namespace: Secrets, exec, port-forward, workloads, tokens and service account impersonation, each naming the binding', () => {
    const findings = findDangers(rbac, subject('default/sa-token-demo'));
    expect(findings.map((f) => `${f.code}@${f.namespace}`).sort()).toEqual(
      ['create-workloads@default', 'impersonate@default', 'pods-exec@default', 'pods-portforward@default', 'secrets-read@default', 'serviceaccount-token-create@default'].sort(),
    );
    const secrets = findings.find((f) => f.code === 'secrets-read');
    expect(secrets?.severity).toBe('warning');
    expect(secrets?.grants.map((g) => g.source)).toEqual(['RoleBinding "demo-edit/default" of ClusterRole "edit" to ServiceAccount "sa-token-demo/default"']);
    expect(secrets?.explanation).toContain('RoleBinding "demo-edit" in namespace "default" (ClusterRole "edit", aggregated from ClusterRole "system:aggregate-to-edit") allows "get", "list" and "watch" on secrets in namespace "default"');
    // Danger first.
    expect(findings[0]?.severity).toBe('danger');
  });

  it('cluster-admin raises the wildcard finding and every cluster-wide one', () => {
    const all = codes('alice@example.com');
    for (const code of ['wildcard-all', 'secrets-read-cluster-wide', 'create-workloads-cluster-wide', 'nodes-proxy', 'csr-approve', 'admission-webhook-write', 'persistentvolume-create', 'impersonate', 'escalate', 'bind']) {
      expect(all).toContain(`${code}@`);
    }
  });

  it('the default controllers: token minting cluster-wide, CSR approval, escalate, and namespace-controller reading every Secret', () => {
    expect(codes('ci/builder')).toContain('serviceaccount-token-create@');
    expect(codes('kube-system/certificate-controller')).toEqual(['csr-approve@']);
    const approve = findDangers(rbac, subject('kube-system/certificate-controller'))[0];
    expect(approve?.explanation).toContain('"kubernetes.io/kube-apiserver-client-kubelet"');
    expect(codes('kube-system/clusterrole-aggregation-controller')).toEqual(['escalate@']);
    expect(codes('kube-system/namespace-controller')).toEqual(expect.arrayContaining(['secrets-read-cluster-wide@', 'wildcard-resources@']));
    // A Secret-reading rule limited by resourceNames is not "reads every Secret".
    expect(codes('kube-system/legacy-service-account-token-cleaner')).toEqual([]);
  });

  it('a plain view binding and the default bindings raise nothing', () => {
    expect(codes('shop/web')).toEqual([]);
    expect(codes('user:nobody')).toEqual([]);
  });

  it('each permission of the good-practice list is found from an explicit rule', () => {
    const cases: [Record<string, unknown>, string, boolean?][] = [
      [{ verbs: ['create'], apiGroups: [''], resources: ['pods/exec'] }, 'pods-exec'],
      [{ verbs: ['patch'], apiGroups: [''], resources: ['pods/ephemeralcontainers'] }, 'pods-exec'],
      [{ verbs: ['get'], apiGroups: [''], resources: ['pods/portforward'] }, 'pods-portforward'],
      [{ verbs: ['create'], apiGroups: ['batch'], resources: ['cronjobs'] }, 'create-workloads', true],
      [{ verbs: ['impersonate'], apiGroups: [''], resources: ['users', 'groups'] }, 'impersonate'],
      [{ verbs: ['bind'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'] }, 'bind', true],
      [{ verbs: ['escalate'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'] }, 'escalate', true],
      [{ verbs: ['get'], apiGroups: [''], resources: ['nodes/proxy'] }, 'nodes-proxy'],
      [{ verbs: ['update'], apiGroups: ['admissionregistration.k8s.io'], resources: ['mutatingwebhookconfigurations'] }, 'admission-webhook-write'],
      [{ verbs: ['create'], apiGroups: [''], resources: ['persistentvolumes'] }, 'persistentvolume-create'],
      [{ verbs: ['*'], apiGroups: ['apps'], resources: ['deployments'] }, 'wildcard-verbs'],
      [{ verbs: ['list'], apiGroups: [''], resources: ['secrets'] }, 'secrets-read', true],
    ];
    for (const [rule, code, namespaced] of cases) {
      expect(codes('user:u', oneRule(rule, namespaced))).toContain(`${code}@${namespaced ? 'ns' : ''}`);
    }
  });

  it('a RoleBinding cannot grant cluster-scoped dangers: nodes/proxy or user impersonation in a namespace raise nothing', () => {
    expect(codes('user:u', oneRule({ verbs: ['get'], apiGroups: [''], resources: ['nodes/proxy'] }, true))).toEqual([]);
    expect(codes('user:u', oneRule({ verbs: ['impersonate'], apiGroups: [''], resources: ['users'] }, true))).toEqual([]);
  });

  it('CSR approval needs both the approval subresource and a signer', () => {
    expect(codes('user:u', oneRule({ verbs: ['update'], apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'] }))).toEqual([]);
  });

  it('every catalogue entry has a title, advice and an explanation that names the grant', () => {
    for (const code of RBAC_FINDING_CODES) {
      const spec = RBAC_FINDING_CATALOGUE[code];
      expect(spec.title.length).toBeGreaterThan(5);
      expect(spec.action.length).toBeGreaterThan(20);
      const text = (spec.explain as unknown as (p: Record<string, string>) => string)({ scope: 'in namespace "ns"', via: 'BINDING', verbs: 'v', resources: 'r', groups: 'g', what: 'w', signers: 's' });
      expect(text).toContain('BINDING');
    }
  });
});
