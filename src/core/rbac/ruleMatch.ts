/**
 * Does one PolicyRule allow one request? Exactly as the RBAC authorizer decides it:
 * kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/rbac.go (RuleAllows) and
 * pkg/apis/rbac/v1/evaluation_helpers.go (VerbMatches, APIGroupMatches, ResourceMatches,
 * ResourceNameMatches, NonResourceURLMatches) @ v1.33. Every comparison is exact and
 * case-sensitive. Notable consequences:
 * - `pods` does not cover `pods/log`; a subresource needs its own entry, or `*` / `*\/log`.
 * - `pods/*` is not a wildcard: it matches only a subresource literally named `*`.
 * - A rule with resourceNames never matches a request without a name (list, watch, create,
 *   deletecollection), unless one of its names is the empty string.
 * - A non-resource URL ending in `*` matches by prefix after removing every trailing `*`.
 */
import type { PolicyRule } from './rbacTypes';

/** What the authorizer sees of a request (authorizer.Attributes). */
export type AccessRequest = ResourceRequest | NonResourceRequest;

export interface ResourceRequest {
  type: 'resource';
  verb: string;
  apiGroup: string;
  resource: string;
  subresource: string;
  /** '' when the request names no object (list, watch, create, deletecollection). */
  name: string;
  /** '' for a cluster-scoped resource or a request across all namespaces. */
  namespace: string;
}

export interface NonResourceRequest {
  type: 'non-resource';
  verb: string;
  /** The URL path, e.g. `/healthz`. Always cluster-wide. */
  path: string;
}

export const ALL = '*';

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === ALL || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g === ALL || g === group);
}

/** `resource/subresource` as the authorizer combines them. */
export function combinedResource(resource: string, subresource: string): string {
  return subresource ? `${resource}/${subresource}` : resource;
}

/** One entry of `rule.resources` against a request. */
export function resourceEntryMatches(entry: string, resource: string, subresource: string): boolean {
  if (entry === ALL || entry === combinedResource(resource, subresource)) return true;
  // `*/<subresource>` matches that subresource of every resource.
  return subresource !== '' && entry.length === subresource.length + 2 && entry.startsWith('*/') && entry.endsWith(subresource);
}

export function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  return rule.resources.some((entry) => resourceEntryMatches(entry, resource, subresource));
}

export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  return rule.resourceNames.length === 0 || rule.resourceNames.includes(name);
}

/** One entry of `rule.nonResourceURLs` against a path. */
export function urlEntryMatches(entry: string, path: string): boolean {
  if (entry === ALL || entry === path) return true;
  if (!entry.endsWith(ALL)) return false;
  let end = entry.length;
  while (end > 0 && entry.charCodeAt(end - 1) === 42) end--; // strings.TrimRight(entry, "*")
  return path.startsWith(entry.slice(0, end));
}

export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return rule.nonResourceURLs.some((entry) => urlEntryMatches(entry, path));
}

/** RuleAllows. */
export function ruleAllows(rule: PolicyRule, request: AccessRequest): boolean {
  if (request.type === 'resource') {
    return (
      verbMatches(rule, request.verb) &&
      apiGroupMatches(rule, request.apiGroup) &&
      resourceMatches(rule, request.resource, request.subresource) &&
      resourceNameMatches(rule, request.name)
    );
  }
  return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.path);
}
