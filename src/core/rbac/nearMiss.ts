/**
 * For a denied question: the subject's rules that come closest, each with every reason it does not
 * allow the request (wrong namespace, verb, API group, resource, subresource, resourceName, URL).
 * Each reason is one authorizer check failing (ruleMatch.ts), so the list is exact, not a guess.
 */
import { quoted } from '../input/documentFields';
import { MISMATCH_CATALOGUE, type MismatchCode } from './accessCatalogue';
import { ruleKey } from './aggregation';
import { grantRef, listOf, type GrantRef } from './grantRefs';
import { MAX_NEAR_MISSES } from './limits';
import { ALL, apiGroupMatches, combinedResource, nonResourceURLMatches, resourceMatches, resourceNameMatches, verbMatches, type AccessRequest } from './ruleMatch';
import type { Grant } from './visitRules';

export interface Mismatch {
  code: MismatchCode;
  text: string;
}

export interface NearMiss {
  grant: GrantRef;
  mismatches: Mismatch[];
}

const groupName = (g: string) => (g === '' ? '"" (core)' : quoted(g));
const groupsOf = (groups: readonly string[]) => (groups.length === 0 ? '(none)' : groups.slice(0, 6).map(groupName).join(', ') + (groups.length > 6 ? ` and ${groups.length - 6} more` : ''));

/** A reason found, its text built only if the rule is among the closest. */
interface Pending {
  code: MismatchCode;
  params: () => unknown;
}

function text(p: Pending): Mismatch {
  return { code: p.code, text: (MISMATCH_CATALOGUE[p.code] as (params: unknown) => string)(p.params()) };
}

/** The reasons, with a weight: 1 for a near miss, 2 for a different resource, 3 for another kind of rule. */
function mismatchesOf(grant: Grant, request: AccessRequest): { list: Pending[]; weight: number } {
  const list: Pending[] = [];
  let weight = 0;
  const add = <C extends MismatchCode>(code: C, params: () => Parameters<(typeof MISMATCH_CATALOGUE)[C]>[0], w = 1) => {
    list.push({ code, params });
    weight += w;
  };
  const { rule, binding } = grant;
  const scope = () => (binding.kind === 'RoleBinding' ? `in namespace ${quoted(binding.namespace)}` : 'cluster-wide');
  if (request.type === 'non-resource') {
    if (rule.nonResourceURLs.length === 0) add('resource-rule-for-url', () => undefined, 3);
    else if (!nonResourceURLMatches(rule, request.path)) add('url', () => ({ urls: listOf(rule.nonResourceURLs), path: quoted(request.path) }));
    if (binding.kind === 'RoleBinding') add('cluster-scope', () => ({ scope: scope() }));
    if (!verbMatches(rule, request.verb)) add('verb', () => ({ verbs: listOf(rule.verbs), verb: quoted(request.verb) }));
    return { list, weight };
  }
  if (rule.resources.length === 0) return { list: [{ code: 'url-rule-for-resource', params: () => ({}) }], weight: 3 };
  if (binding.kind === 'RoleBinding') {
    if (request.namespace === '') add('cluster-scope', () => ({ scope: scope() }));
    else if (binding.namespace !== request.namespace) add('namespace', () => ({ scope: scope(), asked: `in namespace ${quoted(request.namespace)}` }));
  }
  if (!verbMatches(rule, request.verb)) add('verb', () => ({ verbs: listOf(rule.verbs), verb: quoted(request.verb) }));
  if (!apiGroupMatches(rule, request.apiGroup)) add('api-group', () => ({ groups: groupsOf(rule.apiGroups), group: groupName(request.apiGroup) }));
  if (!resourceMatches(rule, request.resource, request.subresource)) {
    const combined = combinedResource(request.resource, request.subresource);
    const starEntry = rule.resources.find((r) => r === `${request.resource}/${ALL}`);
    if (request.subresource && starEntry) add('literal-star', () => ({ entry: quoted(starEntry), combined: quoted(combined) }));
    else if (request.subresource && rule.resources.includes(request.resource)) add('subresource-missing', () => ({ resource: quoted(request.resource), combined: quoted(combined) }));
    else if (!request.subresource && rule.resources.some((r) => r.startsWith(`${request.resource}/`))) {
      add('subresource-extra', () => ({ combined: listOf(rule.resources.filter((r) => r.startsWith(`${request.resource}/`)), 3), resource: quoted(request.resource) }));
    } else add('resource', () => ({ resources: listOf(rule.resources), resource: quoted(combined) }), 2);
  }
  if (!resourceNameMatches(rule, request.name)) {
    if (request.name === '') add('resource-name-needs-name', () => ({ names: listOf(rule.resourceNames) }));
    else add('resource-name', () => ({ names: listOf(rule.resourceNames), name: quoted(request.name) }));
  }
  return { list, weight };
}

/**
 * The closest rules among all the subject's grants (any namespace), at most two small steps away,
 * nearest first, each rule of each binding once. Texts are written only for the ones returned.
 */
export function nearMisses(grants: readonly Grant[], request: AccessRequest): NearMiss[] {
  const scored: { grant: Grant; list: Pending[]; weight: number; order: number }[] = [];
  grants.forEach((grant, order) => {
    const { list, weight } = mismatchesOf(grant, request);
    if (weight > 0 && weight <= 2) scored.push({ grant, list, weight, order });
  });
  scored.sort((a, b) => a.weight - b.weight || a.order - b.order);
  const out: NearMiss[] = [];
  const seen = new Set<string>();
  for (const s of scored) {
    if (out.length >= MAX_NEAR_MISSES) break;
    const key = `${s.grant.source}\u0000${ruleKey(s.grant.rule)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ grant: grantRef(s.grant), mismatches: s.list.map(text) });
  }
  return out;
}
