/**
 * Plain, serialisable descriptions of grants for answers, tables, findings and exports (they
 * cross a worker boundary, so no object identity is needed to read them).
 */
import { quoted } from '../input/documentFields';
import { allowedReason } from './authorizerWords';
import type { PolicyRule, Subject } from './rbacTypes';
import type { BrokenGrant, Grant } from './visitRules';

export interface ObjectRef {
  kind: string;
  name: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
}

export interface GrantRef {
  /** The authorizer's words for the source: `ClusterRoleBinding "x" of ClusterRole "y" to Group "z"`. */
  source: string;
  /** `RBAC: allowed by …`, as a SubjectAccessReview would say it. */
  reason: string;
  binding: ObjectRef;
  role: ObjectRef;
  /** The binding's subject that matched. */
  subject: Subject;
  rule: PolicyRule;
  /** The ClusterRole an aggregated rule comes from. */
  aggregatedFrom: string | null;
}

export interface BrokenGrantRef {
  binding: ObjectRef;
  subject: Subject;
  /** The authorizer's error: `clusterrole.rbac.authorization.k8s.io "x" not found`. */
  error: string;
}

export function grantRef(g: Grant): GrantRef {
  return {
    source: g.source,
    reason: allowedReason(g.source),
    binding: { kind: g.binding.kind, name: g.binding.name, namespace: g.binding.namespace },
    role: { kind: g.role.kind, name: g.role.name, namespace: g.role.namespace },
    subject: g.subject,
    rule: g.rule,
    aggregatedFrom: g.aggregatedFrom,
  };
}

export function brokenGrantRef(b: BrokenGrant): BrokenGrantRef {
  return { binding: { kind: b.binding.kind, name: b.binding.name, namespace: b.binding.namespace }, subject: b.subject, error: b.error };
}

/** `"get", "list" and 3 more`, for explanations. */
export function listOf(values: readonly string[], max = 6): string {
  if (values.length === 0) return '(none)';
  const shown = values.slice(0, max).map((v) => quoted(v));
  const more = values.length - shown.length;
  const head = shown.length > 1 ? `${shown.slice(0, -1).join(', ')}${more > 0 ? ', ' : ' and '}${shown[shown.length - 1]}` : (shown[0] ?? '');
  return more > 0 ? `${head} and ${more} more` : head;
}

/** `RoleBinding "x" in namespace "ns" (ClusterRole "edit")`, for explanations. */
export function describeGrantPlainly(ref: Pick<GrantRef, 'binding' | 'role' | 'aggregatedFrom'>): string {
  const binding = ref.binding.namespace ? `${ref.binding.kind} ${quoted(ref.binding.name)} in namespace ${quoted(ref.binding.namespace)}` : `${ref.binding.kind} ${quoted(ref.binding.name)}`;
  const from = ref.aggregatedFrom ? `, aggregated from ClusterRole ${quoted(ref.aggregatedFrom)}` : '';
  return `${binding} (${ref.role.kind} ${quoted(ref.role.name)}${from})`;
}
