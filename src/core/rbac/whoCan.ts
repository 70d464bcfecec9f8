/**
 * The reverse question: who in the pasted RBAC may do this? Every subject of every binding in
 * scope (all ClusterRoleBindings; for a namespaced request also that namespace's RoleBindings)
 * whose role has a rule allowing the request, as the RBAC subject locator does (kubernetes/kubernetes
 * plugin/pkg/auth/authorizer/rbac/subject_locator.go @ v1.33). A Group subject means "anyone in
 * that group"; a ServiceAccount subject without a namespace takes the binding's.
 */
import { describeGrantSource } from './authorizerWords';
import { grantRef, type GrantRef } from './grantRefs';
import type { RbacIndex } from './rbacIndex';
import type { BindingObject, RoleObject, Subject } from './rbacTypes';
import { ruleAllows, type AccessRequest } from './ruleMatch';

export interface WhoCanEntry {
  /** The subject as the binding names it, namespace defaulted for a service account. */
  subject: Subject;
  /** `ServiceAccount "ns/name"`, `Group "devs"`, `User "alice"`. */
  label: string;
  grant: GrantRef;
}

export interface WhoCanResult {
  entries: WhoCanEntry[];
  /** Bindings in scope whose role is missing: they might grant it in the cluster. */
  broken: { binding: { kind: string; name: string; namespace: string }; error: string }[];
}

const KNOWN_KINDS = new Set(['User', 'Group', 'ServiceAccount']);

export function whoCan(index: RbacIndex, request: AccessRequest): WhoCanResult {
  const namespace = request.type === 'resource' ? request.namespace : '';
  const bindings: readonly BindingObject[] = namespace ? [...index.clusterBindings, ...index.bindingsIn(namespace)] : index.clusterBindings;
  // Many bindings share a role (view, edit): decide each role once.
  const allowingRule = new Map<RoleObject, number>();
  const entries: WhoCanEntry[] = [];
  const broken: WhoCanResult['broken'] = [];
  for (const binding of bindings) {
    const resolved = index.resolve(binding);
    if (!resolved.ok) {
      broken.push({ binding: { kind: binding.kind, name: binding.name, namespace: binding.namespace }, error: resolved.error });
      continue;
    }
    let at = allowingRule.get(resolved.role);
    if (at === undefined) {
      at = resolved.rules.findIndex((r) => ruleAllows(r.rule, request));
      allowingRule.set(resolved.role, at);
    }
    const effective = resolved.rules[at];
    if (!effective) continue;
    for (const s of binding.subjects) {
      if (!KNOWN_KINDS.has(s.kind)) continue;
      const subject = s.kind === 'ServiceAccount' ? { ...s, namespace: s.namespace || binding.namespace } : s;
      if (s.kind === 'ServiceAccount' && !subject.namespace) continue;
      const label = s.kind === 'ServiceAccount' ? `ServiceAccount ${JSON.stringify(`${subject.namespace}/${subject.name}`)}` : `${s.kind} ${JSON.stringify(s.name)}`;
      const source = describeGrantSource(binding, s);
      entries.push({ subject, label, grant: grantRef({ binding, subject: s, role: resolved.role, rule: effective.rule, aggregatedFrom: effective.from, source }) });
    }
  }
  return { entries, broken };
}
