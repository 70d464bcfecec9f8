/**
 * Dangerous permissions of a subject, per scope (cluster-wide from ClusterRoleBindings, and each
 * namespace from its RoleBindings), each naming the bindings that grant it. Every check asks the
 * authorizer's own question (ruleMatch.ts) for the request that would exploit the permission, so a
 * wildcard rule raises the same findings as an explicit one. A rule limited by resourceNames is
 * counted only where the names do not make it safe (signer approval, where the signer matters).
 * Cluster-scoped resources (nodes, PersistentVolumes, CSRs, webhooks) are checked only cluster-wide:
 * a RoleBinding cannot grant them.
 */
import type { Severity } from '../kubernetes/findingCatalogue';
import { quoted } from '../input/documentFields';
import type { AccessSubject } from './accessSubject';
import { resourceLabel } from './accessQuestion';
import { WORKLOAD_RESOURCES } from './builtinResources';
import { describeGrantPlainly, grantRef, listOf, type GrantRef } from './grantRefs';
import { RBAC_FINDING_CATALOGUE, type RbacFindingCode, type RbacFindingParams } from './rbacFindingCatalogue';
import type { RbacIndex } from './rbacIndex';
import { ALL, ruleAllows, type ResourceRequest } from './ruleMatch';
import { applicableBindings, grantsOf, type ApplicableBinding, type Grant } from './visitRules';

export interface RbacFinding {
  code: RbacFindingCode;
  severity: Severity;
  title: string;
  explanation: string;
  action: string;
  /** '' for cluster-wide. */
  namespace: string;
  /** The grants that give the permission, each binding once. */
  grants: GrantRef[];
}

interface Probe {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
}

const probe = (verb: string, group: string, resource: string, subresource = ''): Probe => ({ verb, group, resource, subresource });

function requestOf(p: Probe, namespace: string): ResourceRequest {
  return { type: 'resource', verb: p.verb, apiGroup: p.group, resource: p.resource, subresource: p.subresource ?? '', name: '', namespace };
}

const label = (p: Probe) => `${p.verb} ${resourceLabel(p.resource, p.group, p.subresource ?? '')}`;

/** Which probes the grants allow, and through which grants. */
function allowed(grants: readonly Grant[], probes: readonly Probe[], namespace: string, ignoreNames = false): { labels: string[]; grants: Grant[]; names: string[] } {
  const labels: string[] = [];
  const by = new Set<Grant>();
  const names = new Set<string>();
  for (const p of probes) {
    const request = requestOf(p, namespace);
    let hit = false;
    for (const g of grants) {
      const rule = ignoreNames ? { ...g.rule, resourceNames: [] } : g.rule;
      if (!ruleAllows(rule, request)) continue;
      hit = true;
      by.add(g);
      if (ignoreNames) for (const n of g.rule.resourceNames.length ? g.rule.resourceNames : [ALL]) names.add(n);
    }
    if (hit) labels.push(label(p));
  }
  return { labels, grants: [...by], names: [...names] };
}

function uniqueRefs(grants: readonly Grant[]): GrantRef[] {
  const seen = new Set<string>();
  const out: GrantRef[] = [];
  for (const g of grants) {
    const ref = grantRef(g);
    const key = `${ref.source}\u0000${ref.aggregatedFrom ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(ref);
    }
  }
  return out;
}

function via(refs: readonly GrantRef[]): string {
  const shown = refs.slice(0, 3).map(describeGrantPlainly);
  const more = refs.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

function scopeText(namespace: string): string {
  return namespace ? `in namespace ${quoted(namespace)}` : 'cluster-wide';
}

const verbsOf = (labels: string[]) => listOf([...new Set(labels.map((l) => l.split(' ')[0] as string))]);

function findingsIn(namespace: string, grants: readonly Grant[]): RbacFinding[] {
  const out: RbacFinding[] = [];
  const clusterWide = namespace === '';
  const scope = scopeText(namespace);
  const make = <C extends RbacFindingCode>(code: C, by: readonly Grant[], extra: Omit<RbacFindingParams<C>, 'scope' | 'via'>) => {
    const refs = uniqueRefs(by);
    const spec = RBAC_FINDING_CATALOGUE[code] as unknown as { severity: Severity; title: string; explain: (p: RbacFindingParams<C>) => string; action: string };
    const params = { ...extra, scope, via: via(refs) } as RbacFindingParams<C>;
    out.push({ code, severity: spec.severity, title: spec.title, explanation: spec.explain(params), action: spec.action, namespace, grants: refs });
  };

  const everything = grants.filter((g) => g.rule.verbs.includes(ALL) && g.rule.apiGroups.includes(ALL) && g.rule.resources.includes(ALL) && g.rule.resourceNames.length === 0);
  if (everything.length) make('wildcard-all', everything, {});
  const starVerbs = grants.filter((g) => !everything.includes(g) && g.rule.verbs.includes(ALL) && g.rule.resources.length > 0);
  if (starVerbs.length) make('wildcard-verbs', starVerbs, { resources: listOf([...new Set(starVerbs.flatMap((g) => g.rule.resources))]) });
  const starResources = grants.filter((g) => !everything.includes(g) && g.rule.resources.includes(ALL));
  if (starResources.length) {
    const groups = [...new Set(starResources.flatMap((g) => g.rule.apiGroups))].map((x) => (x === '' ? '"" (core)' : quoted(x)));
    make('wildcard-resources', starResources, { groups: groups.join(', ') });
  }

  const secrets = allowed(grants, ['get', 'list', 'watch'].map((v) => probe(v, '', 'secrets')), namespace);
  if (secrets.labels.length) make(clusterWide ? 'secrets-read-cluster-wide' : 'secrets-read', secrets.grants, { verbs: verbsOf(secrets.labels) });

  const exec = allowed(
    grants,
    [probe('create', '', 'pods', 'exec'), probe('get', '', 'pods', 'exec'), probe('create', '', 'pods', 'attach'), probe('get', '', 'pods', 'attach'), probe('update', '', 'pods', 'ephemeralcontainers'), probe('patch', '', 'pods', 'ephemeralcontainers')],
    namespace,
  );
  if (exec.labels.length) make('pods-exec', exec.grants, { what: listOf(exec.labels) });
  const forward = allowed(grants, [probe('create', '', 'pods', 'portforward'), probe('get', '', 'pods', 'portforward')], namespace);
  if (forward.labels.length) make('pods-portforward', forward.grants, { what: listOf(forward.labels) });

  const workloads = allowed(grants, WORKLOAD_RESOURCES.map((w) => probe('create', w.group, w.resource)), namespace);
  if (workloads.labels.length) {
    make(clusterWide ? 'create-workloads-cluster-wide' : 'create-workloads', workloads.grants, { resources: listOf(workloads.labels.map((l) => l.slice('create '.length)), 8) });
  }

  const tokens = allowed(grants, [probe('create', '', 'serviceaccounts', 'token')], namespace);
  if (tokens.labels.length) make('serviceaccount-token-create', tokens.grants, {});

  // Users, groups and uids are cluster-scoped; service accounts are impersonated in their namespace.
  const impersonation = clusterWide
    ? [probe('impersonate', '', 'users'), probe('impersonate', '', 'groups'), probe('impersonate', '', 'serviceaccounts'), probe('impersonate', 'authentication.k8s.io', 'uids')]
    : [probe('impersonate', '', 'serviceaccounts')];
  const impersonate = allowed(grants, impersonation, namespace);
  if (impersonate.labels.length) make('impersonate', impersonate.grants, { resources: listOf(impersonate.labels.map((l) => l.slice('impersonate '.length))) });

  const rbac = 'rbac.authorization.k8s.io';
  // Escalate is checked on the role being written; bind on the role a binding refers to, in the binding's namespace.
  const escalate = allowed(grants, clusterWide ? [probe('escalate', rbac, 'roles'), probe('escalate', rbac, 'clusterroles')] : [probe('escalate', rbac, 'roles')], namespace);
  if (escalate.labels.length) make('escalate', escalate.grants, { resources: listOf(escalate.labels.map((l) => l.slice('escalate '.length))) });
  const bind = allowed(grants, [probe('bind', rbac, 'roles'), probe('bind', rbac, 'clusterroles')], namespace);
  if (bind.labels.length) make('bind', bind.grants, { resources: listOf(bind.labels.map((l) => l.slice('bind '.length))) });

  if (clusterWide) {
    const proxy = allowed(grants, [probe('get', '', 'nodes', 'proxy'), probe('create', '', 'nodes', 'proxy')], '');
    if (proxy.labels.length) make('nodes-proxy', proxy.grants, { verbs: verbsOf(proxy.labels) });
    const approval = allowed(grants, [probe('update', 'certificates.k8s.io', 'certificatesigningrequests', 'approval'), probe('patch', 'certificates.k8s.io', 'certificatesigningrequests', 'approval')], '');
    const signers = allowed(grants, [probe('approve', 'certificates.k8s.io', 'signers')], '', true);
    if (approval.labels.length && signers.labels.length) {
      make('csr-approve', [...approval.grants, ...signers.grants], { signers: signers.names.includes(ALL) ? '(every signer)' : listOf(signers.names) });
    }
    const admission = 'admissionregistration.k8s.io';
    const webhooks = allowed(
      grants,
      ['create', 'update', 'patch', 'delete'].flatMap((v) => [probe(v, admission, 'mutatingwebhookconfigurations'), probe(v, admission, 'validatingwebhookconfigurations')]),
      '',
    );
    if (webhooks.labels.length) make('admission-webhook-write', webhooks.grants, { resources: listOf([...new Set(webhooks.labels.map((l) => l.split(' ')[1] as string))]) });
    const volumes = allowed(grants, [probe('create', '', 'persistentvolumes')], '');
    if (volumes.labels.length) make('persistentvolume-create', volumes.grants, {});
  }
  return out;
}

const SEVERITY_RANK: Record<Severity, number> = { danger: 0, warning: 1, info: 2 };

export function findDangers(index: RbacIndex, subject: AccessSubject, applicable?: readonly ApplicableBinding[]): RbacFinding[] {
  const all = applicable ?? applicableBindings(index, subject);
  const byScope = new Map<string, Grant[]>();
  for (const a of all) {
    const namespace = a.binding.kind === 'RoleBinding' ? a.binding.namespace : '';
    const list = byScope.get(namespace) ?? [];
    list.push(...grantsOf(a));
    byScope.set(namespace, list);
  }
  const findings = [...byScope.entries()].flatMap(([namespace, grants]) => findingsIn(namespace, grants));
  return findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}
