/**
 * The RBAC authorizer's own words, character for character, so an answer here reads like the
 * `reason` of a SubjectAccessReview or an audit event's `authorization.k8s.io/reason`:
 * kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/rbac.go (`RBAC: allowed by %s`) and
 * pkg/registry/rbac/validation/rule.go (clusterRoleBindingDescriber, roleBindingDescriber,
 * describeSubject) @ v1.33. Note the authorizer's own order: a RoleBinding is `"name/namespace"`
 * and a service account `"name/namespace"`, not `namespace/name`.
 */
import type { BindingObject, Subject } from './rbacTypes';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Go's `%q` (strconv.Quote): double quotes, with escapes for what is not printable. */
export function goQuote(value: string): string {
  // Plain printable ASCII (nearly every name) needs no escapes: one linear test instead of a loop.
  if (PLAIN_ASCII.test(value)) return `"${value}"`;
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code === 7) out += '\\a';
    else if (code === 8) out += '\\b';
    else if (code === 12) out += '\\f';
    else if (code === 10) out += '\\n';
    else if (code === 13) out += '\\r';
    else if (code === 9) out += '\\t';
    else if (code === 11) out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** describeSubject: the subject a binding matched, with the binding's namespace for a bare service account. */
export function describeBindingSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') return `${subject.kind} ${goQuote(`${subject.name}/${subject.namespace || bindingNamespace}`)}`;
  return `${subject.kind} ${goQuote(subject.name)}`;
}

/** The source of a rule: `ClusterRoleBinding "x" of ClusterRole "y" to Group "z"`. */
export function describeGrantSource(binding: BindingObject, subject: Subject): string {
  const name = binding.kind === 'RoleBinding' ? `${binding.name}/${binding.namespace}` : binding.name;
  return `${binding.kind} ${goQuote(name)} of ${binding.roleRef.kind} ${goQuote(binding.roleRef.name)} to ${describeBindingSubject(subject, binding.namespace)}`;
}

/** The reason of an allowed request. */
export function allowedReason(source: string): string {
  return `RBAC: allowed by ${source}`;
}

/** The error GetRoleReferenceRules returns for a role that cannot be found. */
export function roleRefError(binding: BindingObject): string {
  const { kind, name } = binding.roleRef;
  if (kind === 'Role') return `role.rbac.authorization.k8s.io ${goQuote(name)} not found`;
  if (kind === 'ClusterRole') return `clusterrole.rbac.authorization.k8s.io ${goQuote(name)} not found`;
  return `unsupported role reference kind: ${goQuote(kind)}`;
}

/**
 * The reason of a request RBAC has no opinion on: empty, or the errors met on the way
 * (utilerrors.NewAggregate: one message as it is, several in brackets, each once).
 */
export function denialReason(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  if (unique.length === 0) return '';
  return `RBAC: ${unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`}`;
}
