/**
 * The built-in API resources of Kubernetes (as served by kube-apiserver @ v1.33, `kubectl
 * api-resources`): their API group, whether they are namespaced, and kubectl's short names. Offline
 * there is no discovery, so this is what resolves `deploy` or `deployments` to `deployments.apps`
 * the way kubectl's REST mapper would, and what tells a cluster-scoped resource from a namespaced
 * one. Custom resources are not here: type them with their group (`widgets.example.com`).
 */

export interface BuiltinResource {
  resource: string;
  group: string;
  namespaced: boolean;
  shortNames: string[];
}

// [resource, group, namespaced, short names]; the first group listed for a name is kubectl's choice.
const TABLE: [string, string, boolean, string[]][] = [
  ['bindings', '', true, []],
  ['componentstatuses', '', false, ['cs']],
  ['configmaps', '', true, ['cm']],
  ['endpoints', '', true, ['ep']],
  ['events', '', true, ['ev']],
  ['limitranges', '', true, ['limits']],
  ['namespaces', '', false, ['ns']],
  ['nodes', '', false, ['no']],
  ['persistentvolumeclaims', '', true, ['pvc']],
  ['persistentvolumes', '', false, ['pv']],
  ['pods', '', true, ['po']],
  ['podtemplates', '', true, []],
  ['replicationcontrollers', '', true, ['rc']],
  ['resourcequotas', '', true, ['quota']],
  ['secrets', '', true, []],
  ['serviceaccounts', '', true, ['sa']],
  ['services', '', true, ['svc']],
  // Not served, but authorized: the impersonate verb is checked on these (users and groups in the core group).
  ['users', '', false, []],
  ['groups', '', false, []],
  ['uids', 'authentication.k8s.io', false, []],
  ['userextras', 'authentication.k8s.io', false, []],
  ['mutatingwebhookconfigurations', 'admissionregistration.k8s.io', false, []],
  ['validatingwebhookconfigurations', 'admissionregistration.k8s.io', false, []],
  ['validatingadmissionpolicies', 'admissionregistration.k8s.io', false, []],
  ['validatingadmissionpolicybindings', 'admissionregistration.k8s.io', false, []],
  ['mutatingadmissionpolicies', 'admissionregistration.k8s.io', false, []],
  ['mutatingadmissionpolicybindings', 'admissionregistration.k8s.io', false, []],
  ['customresourcedefinitions', 'apiextensions.k8s.io', false, ['crd', 'crds']],
  ['apiservices', 'apiregistration.k8s.io', false, []],
  ['controllerrevisions', 'apps', true, []],
  ['daemonsets', 'apps', true, ['ds']],
  ['deployments', 'apps', true, ['deploy']],
  ['replicasets', 'apps', true, ['rs']],
  ['statefulsets', 'apps', true, ['sts']],
  ['selfsubjectreviews', 'authentication.k8s.io', false, []],
  ['tokenreviews', 'authentication.k8s.io', false, []],
  ['localsubjectaccessreviews', 'authorization.k8s.io', true, []],
  ['selfsubjectaccessreviews', 'authorization.k8s.io', false, []],
  ['selfsubjectrulesreviews', 'authorization.k8s.io', false, []],
  ['subjectaccessreviews', 'authorization.k8s.io', false, []],
  ['horizontalpodautoscalers', 'autoscaling', true, ['hpa']],
  ['cronjobs', 'batch', true, ['cj']],
  ['jobs', 'batch', true, []],
  ['certificatesigningrequests', 'certificates.k8s.io', false, ['csr']],
  ['clustertrustbundles', 'certificates.k8s.io', false, []],
  // Not served: approve and sign are checked on signers (resourceNames are signer names).
  ['signers', 'certificates.k8s.io', false, []],
  ['leases', 'coordination.k8s.io', true, []],
  ['leasecandidates', 'coordination.k8s.io', true, []],
  ['endpointslices', 'discovery.k8s.io', true, []],
  ['flowschemas', 'flowcontrol.apiserver.k8s.io', false, []],
  ['prioritylevelconfigurations', 'flowcontrol.apiserver.k8s.io', false, []],
  ['ingressclasses', 'networking.k8s.io', false, []],
  ['ingresses', 'networking.k8s.io', true, ['ing']],
  ['ipaddresses', 'networking.k8s.io', false, ['ip']],
  ['networkpolicies', 'networking.k8s.io', true, ['netpol']],
  ['servicecidrs', 'networking.k8s.io', false, []],
  ['runtimeclasses', 'node.k8s.io', false, []],
  ['poddisruptionbudgets', 'policy', true, ['pdb']],
  ['clusterrolebindings', 'rbac.authorization.k8s.io', false, []],
  ['clusterroles', 'rbac.authorization.k8s.io', false, []],
  ['rolebindings', 'rbac.authorization.k8s.io', true, []],
  ['roles', 'rbac.authorization.k8s.io', true, []],
  ['deviceclasses', 'resource.k8s.io', false, []],
  ['resourceclaims', 'resource.k8s.io', true, []],
  ['resourceclaimtemplates', 'resource.k8s.io', true, []],
  ['resourceslices', 'resource.k8s.io', false, []],
  ['priorityclasses', 'scheduling.k8s.io', false, ['pc']],
  ['csidrivers', 'storage.k8s.io', false, []],
  ['csinodes', 'storage.k8s.io', false, []],
  ['csistoragecapacities', 'storage.k8s.io', true, []],
  ['storageclasses', 'storage.k8s.io', false, ['sc']],
  ['volumeattachments', 'storage.k8s.io', false, []],
  ['volumeattributesclasses', 'storage.k8s.io', false, ['vac']],
];

const ALL: BuiltinResource[] = TABLE.map(([resource, group, namespaced, shortNames]) => ({ resource, group, namespaced, shortNames }));
const BY_NAME = new Map<string, BuiltinResource>();
const BY_GROUP = new Map<string, Map<string, BuiltinResource>>();
for (const r of ALL) {
  for (const name of [r.resource, ...r.shortNames]) if (!BY_NAME.has(name)) BY_NAME.set(name, r);
  const inGroup = BY_GROUP.get(r.group) ?? new Map<string, BuiltinResource>();
  inGroup.set(r.resource, r);
  BY_GROUP.set(r.group, inGroup);
}

/** The built-in resource a plural or short name stands for when no group is given (kubectl's pick). */
export function builtinByName(name: string): BuiltinResource | null {
  return BY_NAME.get(name) ?? null;
}

/** The built-in resource with this group and plural name. */
export function builtinResource(resource: string, group: string): BuiltinResource | null {
  return BY_GROUP.get(group)?.get(resource) ?? null;
}

/** Workload kinds whose pods can run as any service account of their namespace. */
export const WORKLOAD_RESOURCES: { resource: string; group: string }[] = [
  { resource: 'pods', group: '' },
  { resource: 'deployments', group: 'apps' },
  { resource: 'daemonsets', group: 'apps' },
  { resource: 'statefulsets', group: 'apps' },
  { resource: 'replicasets', group: 'apps' },
  { resource: 'replicationcontrollers', group: '' },
  { resource: 'jobs', group: 'batch' },
  { resource: 'cronjobs', group: 'batch' },
];
