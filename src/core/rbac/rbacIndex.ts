/**
 * A pasted dump made ready for questions: roles by name with aggregation resolved, bindings by
 * namespace and by the usernames and groups they name, every binding's role looked up once, and
 * the issues that change what the dump grants (a missing role is reported, never silently skipped).
 * Built once per paste in linear time; every question afterwards touches only the bindings that
 * name the subject.
 */
import { quoted } from '../input/documentFields';
import { makeUsername } from '../kubernetes/kubernetesNames';
import { ISSUE_CATALOGUE, type IssueCode, type IssueParams } from './accessCatalogue';
import { resolveAggregation, type EffectiveRule } from './aggregation';
import { ObjectMap } from './objectMap';
import { roleRefError } from './authorizerWords';
import type { BindingObject, RbacDump, RoleObject, SourceRef } from './rbacTypes';
import type { Severity } from '../kubernetes/findingCatalogue';

export interface RbacIssue {
  code: IssueCode;
  severity: Severity;
  title: string;
  message: string;
  /** The object the issue is about. */
  object: { kind: string; name: string; namespace: string };
  source: SourceRef | null;
}

export type ResolvedRole =
  | { ok: true; role: RoleObject; rules: EffectiveRule[] }
  /** `error` is the authorizer's own message (`clusterrole.rbac.authorization.k8s.io "x" not found`). */
  | { ok: false; error: string };

export interface RbacIndex {
  dump: RbacDump;
  clusterBindings: BindingObject[];
  bindingsIn: (namespace: string) => readonly BindingObject[];
  /** Namespaces that have Roles or RoleBindings, sorted. */
  namespaces: string[];
  /** The role a binding refers to, with its effective rules, or the authorizer's error. */
  resolve: (binding: BindingObject) => ResolvedRole;
  /** Bindings with a subject that names this username (User or ServiceAccount subjects). */
  bindingsForUser: (username: string) => readonly BindingObject[];
  bindingsForGroup: (group: string) => readonly BindingObject[];
  issues: RbacIssue[];
  roleCount: number;
  bindingCount: number;
}

export function makeIssue<C extends IssueCode>(code: C, params: IssueParams<C>, object: RbacIssue['object'], source: SourceRef | null): RbacIssue {
  const spec = ISSUE_CATALOGUE[code] as unknown as { severity: Severity; title: string; explain: (p: IssueParams<C>) => string };
  return { code, severity: spec.severity, title: spec.title, message: spec.explain(params), object, source };
}

/** `RoleBinding "x" in namespace "ns"` / `ClusterRoleBinding "x"`, for messages. */
export function describeBinding(binding: BindingObject): string {
  return binding.namespace ? `${binding.kind} ${quoted(binding.name)} in namespace ${quoted(binding.namespace)}` : `${binding.kind} ${quoted(binding.name)}`;
}

export function describeRole(role: { kind: string; name: string; namespace?: string }): string {
  return role.namespace ? `${role.kind} ${quoted(role.name)} in namespace ${quoted(role.namespace)}` : `${role.kind} ${quoted(role.name)}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

function roleIssues(role: RoleObject, issues: RbacIssue[]): void {
  const object = { kind: role.kind, name: role.name, namespace: role.namespace };
  for (const rule of role.rules) {
    if (rule.resources.length > 0 && rule.apiGroups.length === 0) {
      issues.push(makeIssue('rule-without-api-groups', { role: describeRole(role), resources: rule.resources.slice(0, 5).map((r) => quoted(r)).join(', ') }, object, role.source));
    }
    for (const entry of rule.resources) {
      if (entry.length > 2 && entry.endsWith('/*') && !entry.startsWith('*/')) {
        issues.push(makeIssue('literal-star-subresource', { role: describeRole(role), entry: quoted(entry), suggestion: quoted('*/<subresource>') }, object, role.source));
      }
    }
  }
}

export function buildRbacIndex(dump: RbacDump): RbacIndex {
  const issues: RbacIssue[] = [];
  const roles = new ObjectMap<RoleObject>();
  const namespaces = new Set<string>();
  for (const role of dump.roles) {
    roles.set(role.kind, role.namespace, role.name, role);
    if (role.namespace) namespaces.add(role.namespace);
    roleIssues(role, issues);
  }
  const aggregation = resolveAggregation(dump.roles.filter((r) => r.kind === 'ClusterRole'));
  for (const a of aggregation.issues) {
    const role = roles.get('ClusterRole', '', a.role);
    const object = { kind: 'ClusterRole', name: a.role, namespace: '' };
    const label = describeRole(object);
    if (a.code === 'aggregation-filled') issues.push(makeIssue(a.code, { role: label, added: a.added ?? 0 }, object, role?.source ?? null));
    else issues.push(makeIssue(a.code, { role: label, detail: a.detail }, object, role?.source ?? null));
  }

  const rulesOfRole = new Map<RoleObject, EffectiveRule[]>();
  const effectiveRules = (role: RoleObject): EffectiveRule[] => {
    let rules = rulesOfRole.get(role);
    if (!rules) {
      rules = (role.kind === 'ClusterRole' ? aggregation.rules.get(role.name) : undefined) ?? role.rules.map((rule) => ({ rule, from: null }));
      rulesOfRole.set(role, rules);
    }
    return rules;
  };
  const resolved = new Map<BindingObject, ResolvedRole>();
  const resolve = (binding: BindingObject): ResolvedRole => {
    const cached = resolved.get(binding);
    if (cached) return cached;
    const { kind, name } = binding.roleRef;
    // GetRoleReferenceRules: a Role is looked up in the binding's namespace ('' for a ClusterRoleBinding).
    const role = kind === 'Role' || kind === 'ClusterRole' ? roles.get(kind, kind === 'Role' ? binding.namespace : '', name) : undefined;
    const result: ResolvedRole = role ? { ok: true, role, rules: effectiveRules(role) } : { ok: false, error: roleRefError(binding) };
    resolved.set(binding, result);
    return result;
  };

  const clusterBindings: BindingObject[] = [];
  const byNamespace = new Map<string, BindingObject[]>();
  const byUser = new Map<string, BindingObject[]>();
  const byGroup = new Map<string, BindingObject[]>();
  for (const binding of dump.bindings) {
    if (binding.kind === 'ClusterRoleBinding') clusterBindings.push(binding);
    else {
      push(byNamespace, binding.namespace, binding);
      namespaces.add(binding.namespace);
    }
    const object = { kind: binding.kind, name: binding.name, namespace: binding.namespace };
    const label = describeBinding(binding);
    for (const subject of binding.subjects) {
      const who = `${subject.kind || '(no kind)'} ${quoted(subject.name)}`;
      if (subject.kind === 'User') push(byUser, subject.name, binding);
      else if (subject.kind === 'Group') push(byGroup, subject.name, binding);
      else if (subject.kind === 'ServiceAccount') {
        // appliesToUser: a bare service account takes the binding's namespace; without one it matches no one.
        const namespace = subject.namespace || binding.namespace;
        if (namespace) push(byUser, makeUsername(namespace, subject.name), binding);
        else issues.push(makeIssue('service-account-without-namespace', { binding: label, subject: who }, object, binding.source));
      } else issues.push(makeIssue('unknown-subject-kind', { binding: label, subject: who }, object, binding.source));
    }
    const r = resolve(binding);
    if (!r.ok) {
      const role = describeRole({ kind: binding.roleRef.kind, name: binding.roleRef.name, namespace: binding.roleRef.kind === 'Role' ? binding.namespace : '' });
      const params = { binding: label, role };
      if (binding.roleRef.kind === 'Role' && binding.kind === 'ClusterRoleBinding') issues.push(makeIssue('cluster-binding-to-role', params, object, binding.source));
      else if (binding.roleRef.kind !== 'Role' && binding.roleRef.kind !== 'ClusterRole') issues.push(makeIssue('unsupported-role-ref', params, object, binding.source));
      else issues.push(makeIssue('role-not-found', { ...params, error: r.error }, object, binding.source));
    }
  }
  const none: readonly BindingObject[] = [];
  return {
    dump,
    clusterBindings,
    bindingsIn: (namespace) => byNamespace.get(namespace) ?? none,
    namespaces: [...namespaces].sort(),
    resolve,
    bindingsForUser: (username) => byUser.get(username) ?? none,
    bindingsForGroup: (group) => byGroup.get(group) ?? none,
    issues,
    roleCount: dump.roles.length,
    bindingCount: dump.bindings.length,
  };
}
