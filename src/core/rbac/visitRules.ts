/**
 * Which rules apply to a subject in a namespace, in the order the authorizer visits them
 * (kubernetes/kubernetes pkg/registry/rbac/validation/rule.go VisitRulesFor and appliesTo @ v1.33):
 * every ClusterRoleBinding first, then, for a namespaced request, the RoleBindings of that
 * namespace. A binding applies when one of its subjects matches: a User by username, a Group by
 * membership, a ServiceAccount by its username, its namespace defaulting to the binding's. The
 * first matching subject is the one the authorizer names. A binding whose role is missing yields
 * the authorizer's error instead of rules.
 */
import type { AccessSubject } from './accessSubject';
import { describeGrantSource } from './authorizerWords';
import type { ResolvedRole, RbacIndex } from './rbacIndex';
import type { BindingObject, PolicyRule, RoleObject, Subject } from './rbacTypes';
import { makeUsername } from '../kubernetes/kubernetesNames';

/** One rule that applies, and where it comes from. */
export interface Grant {
  binding: BindingObject;
  /** The binding's first subject that matches the subject asked about. */
  subject: Subject;
  role: RoleObject;
  rule: PolicyRule;
  /** The ClusterRole an aggregated rule comes from; null for the role's own rule. */
  aggregatedFrom: string | null;
  /** The authorizer's words: `RoleBinding "x/ns" of ClusterRole "y" to ServiceAccount "z/ns"`. */
  source: string;
}

/** A binding that applies but cannot grant: its role is missing. */
export interface BrokenGrant {
  binding: BindingObject;
  subject: Subject;
  error: string;
}

/** appliesToUser. */
export function subjectApplies(subject: Subject, who: AccessSubject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return who.username === subject.name;
    case 'Group':
      return who.groups.includes(subject.name);
    case 'ServiceAccount': {
      const namespace = subject.namespace || bindingNamespace;
      return namespace !== '' && who.username === makeUsername(namespace, subject.name);
    }
    default:
      return false;
  }
}

/** appliesTo: the first of the binding's subjects that applies, or null. */
export function matchingSubject(binding: BindingObject, who: AccessSubject): Subject | null {
  return binding.subjects.find((s) => subjectApplies(s, who, binding.namespace)) ?? null;
}

export interface ApplicableBinding {
  binding: BindingObject;
  subject: Subject;
  resolved: ResolvedRole;
}

/**
 * Every binding that applies to the subject, anywhere: ClusterRoleBindings and RoleBindings of all
 * namespaces, in paste order. Found through the index, then confirmed with appliesTo.
 */
export function applicableBindings(index: RbacIndex, who: AccessSubject): ApplicableBinding[] {
  const candidates = new Set<BindingObject>();
  if (who.username !== '') for (const b of index.bindingsForUser(who.username)) candidates.add(b);
  for (const group of who.groups) for (const b of index.bindingsForGroup(group)) candidates.add(b);
  const out: ApplicableBinding[] = [];
  for (const binding of [...candidates].sort((a, b) => a.source.index - b.source.index)) {
    const subject = matchingSubject(binding, who);
    if (subject) out.push({ binding, subject, resolved: index.resolve(binding) });
  }
  return out;
}

/** The bindings the authorizer visits for a request in `namespace` ('' = cluster-wide), in its order. */
export function bindingsInScope(applicable: readonly ApplicableBinding[], namespace: string): ApplicableBinding[] {
  const cluster = applicable.filter((a) => a.binding.kind === 'ClusterRoleBinding');
  if (namespace === '') return cluster;
  return [...cluster, ...applicable.filter((a) => a.binding.kind === 'RoleBinding' && a.binding.namespace === namespace)];
}

/** Grants of one applicable binding (empty when its role is missing). */
export function grantsOf(a: ApplicableBinding): Grant[] {
  if (!a.resolved.ok) return [];
  const { role, rules } = a.resolved;
  const source = describeGrantSource(a.binding, a.subject);
  return rules.map((r) => ({ binding: a.binding, subject: a.subject, role, rule: r.rule, aggregatedFrom: r.from, source }));
}

/** The binding as a BrokenGrant when its role cannot be found. */
export function brokenOf(a: ApplicableBinding): BrokenGrant | null {
  return a.resolved.ok ? null : { binding: a.binding, subject: a.subject, error: a.resolved.error };
}
