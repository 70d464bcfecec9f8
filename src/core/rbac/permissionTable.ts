/**
 * Everything a subject may do, like `kubectl auth can-i --list` but for every namespace at once and
 * with the source of each permission: one row per (namespace, verb, resource or non-resource URL),
 * namespace '' for what ClusterRoleBindings grant everywhere. Rules are broken down into single
 * (verb, group, resource) tuples as kubectl does (rbac.BreakdownRule), keeping `*` as written, so a
 * row reads as a rule entry rather than a guess at what `*` expands to. A RoleBinding's
 * non-resource URLs are left out: the authorizer never applies them (URLs are cluster-wide).
 */
import { ACCESS_NOTES } from './accessCatalogue';
import type { AccessSubject } from './accessSubject';
import { resourceLabel } from './accessQuestion';
import { builtinResource } from './builtinResources';
import { brokenGrantRef, grantRef, type BrokenGrantRef, type GrantRef } from './grantRefs';
import { MAX_TABLE_ROWS } from './limits';
import type { RbacIndex } from './rbacIndex';
import { applicableBindings, brokenOf, grantsOf, type ApplicableBinding } from './visitRules';

export interface PermissionRow {
  /** Stable key: namespace, verb and resource. */
  id: string;
  /** '' for cluster-wide (granted by ClusterRoleBindings, valid in every namespace too). */
  namespace: string;
  verb: string;
  type: 'resource' | 'non-resource';
  /** `resource[.group][/subresource]` or the URL: the contract's `data-resource`. */
  resource: string;
  apiGroup: string;
  /** The resource without group and subresource (`*` for all). */
  resourceName: string;
  subresource: string;
  /** Null when the row covers every object; otherwise only objects with these names. */
  resourceNames: string[] | null;
  /**
   * A RoleBinding's grant of a built-in cluster-scoped resource (nodes, PersistentVolumes…): real
   * requests for it carry no namespace, so it has no effect (ACCESS_NOTES.clusterScopedInNamespace).
   * `namespaces` is not one: a request for namespace N carries N.
   */
  clusterScopedInNamespace: boolean;
  grants: RowGrant[];
}

export interface RowGrant extends GrantRef {
  /** Names this grant is limited to; empty = every object. */
  resourceNames: string[];
}

export interface PermissionTable {
  subject: AccessSubject;
  rows: PermissionRow[];
  /** Namespaces that have rows (not counting cluster-wide). */
  namespaces: string[];
  /** The subject's bindings whose role is missing. */
  broken: BrokenGrantRef[];
  /** RoleBinding rules for non-resource URLs, which never apply. */
  skippedNonResource: number;
  truncated: boolean;
  notes: string[];
}

const VERB_ORDER = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const verbRank = (v: string) => {
  const i = VERB_ORDER.indexOf(v);
  return i === -1 ? VERB_ORDER.length : i;
};

function compareRows(a: PermissionRow, b: PermissionRow): number {
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  if (a.type !== b.type) return a.type === 'resource' ? -1 : 1;
  if (a.resource !== b.resource) return a.resource < b.resource ? -1 : 1;
  return verbRank(a.verb) - verbRank(b.verb) || (a.verb < b.verb ? -1 : a.verb > b.verb ? 1 : 0);
}

export function permissionTable(index: RbacIndex, subject: AccessSubject, applicable?: readonly ApplicableBinding[]): PermissionTable {
  const all = applicable ?? applicableBindings(index, subject);
  // Rows by "namespace + resource" then by verb: the key is built once per rule entry, not per verb.
  const rows = new Map<string, Map<string, PermissionRow>>();
  const list: PermissionRow[] = [];
  // Grants of a row are few; a row with many gets an index of them, so duplicates stay cheap to find.
  const grantIndex = new Map<PermissionRow, Map<string, RowGrant>>();
  const broken: BrokenGrantRef[] = [];
  let skippedNonResource = 0;
  let steps = 0;
  let truncated = false;
  // Tuples looked at, rows or not: a hostile rule's lists multiply out without end.
  const budget = MAX_TABLE_ROWS * 5;

  const findGrant = (row: PermissionRow, ref: GrantRef): RowGrant | undefined => {
    const indexed = grantIndex.get(row);
    if (indexed) return indexed.get(`${ref.source}\u0000${ref.aggregatedFrom ?? ''}`);
    return row.grants.find((g) => g.source === ref.source && g.aggregatedFrom === ref.aggregatedFrom);
  };
  const addGrant = (row: PermissionRow, grant: RowGrant) => {
    row.grants.push(grant);
    let indexed = grantIndex.get(row);
    if (!indexed && row.grants.length > 16) {
      indexed = new Map(row.grants.map((g) => [`${g.source}\u0000${g.aggregatedFrom ?? ''}`, g]));
      grantIndex.set(row, indexed);
    } else indexed?.set(`${grant.source}\u0000${grant.aggregatedFrom ?? ''}`, grant);
  };

  /** Adds one rule entry (a resource in a group, or a URL) with all the rule's verbs. */
  const addEntry = (namespace: string, type: PermissionRow['type'], resource: string, apiGroup: string, resourceName: string, subresource: string, verbs: readonly string[], ref: GrantRef, names: readonly string[]) => {
    const scopeKey = `${namespace}\u0000${resource}`;
    const inert = namespace !== '' && type === 'resource' && resourceName !== 'namespaces' && builtinResource(resourceName, apiGroup)?.namespaced === false;
    let byVerb = rows.get(scopeKey);
    if (!byVerb) rows.set(scopeKey, (byVerb = new Map()));
    for (const verb of verbs) {
      if (++steps > budget) truncated = true;
      if (truncated) return;
      let row = byVerb.get(verb);
      if (!row) {
        if (list.length >= MAX_TABLE_ROWS) {
          truncated = true;
          return;
        }
        row = { id: `${namespace}\u0000${verb}\u0000${resource}`, namespace, verb, type, resource, apiGroup, resourceName, subresource, resourceNames: [], clusterScopedInNamespace: inert, grants: [] };
        byVerb.set(verb, row);
        list.push(row);
      }
      const existing = findGrant(row, ref);
      if (!existing) addGrant(row, { ...ref, resourceNames: [...names] });
      else if (existing.resourceNames.length > 0) existing.resourceNames = names.length === 0 ? [] : [...new Set([...existing.resourceNames, ...names])];
    }
  };

  for (const a of all) {
    const b = brokenOf(a);
    if (b) broken.push(brokenGrantRef(b));
    const namespace = a.binding.kind === 'RoleBinding' ? a.binding.namespace : '';
    for (const g of grantsOf(a)) {
      if (truncated) break;
      const ref = grantRef(g);
      const { rule } = g;
      for (const group of rule.apiGroups) {
        for (const entry of rule.resources) {
          const slash = entry.indexOf('/');
          const resourceName = slash === -1 ? entry : entry.slice(0, slash);
          const subresource = slash === -1 ? '' : entry.slice(slash + 1);
          addEntry(namespace, 'resource', resourceLabel(resourceName, group, subresource), group, resourceName, subresource, rule.verbs, ref, rule.resourceNames);
        }
      }
      if (rule.nonResourceURLs.length > 0) {
        if (namespace !== '') skippedNonResource++;
        else for (const url of rule.nonResourceURLs) addEntry('', 'non-resource', url, '', '', '', rule.verbs, ref, []);
      }
    }
  }

  for (const row of list) {
    row.resourceNames = row.grants.some((g) => g.resourceNames.length === 0) ? null : [...new Set(row.grants.flatMap((g) => g.resourceNames))].sort();
  }
  list.sort(compareRows);
  const notes = truncated ? [ACCESS_NOTES.tableTruncated({ rows: list.length })] : [];
  return {
    subject,
    rows: list,
    namespaces: [...new Set(list.map((r) => r.namespace).filter((n) => n !== ''))].sort(),
    broken,
    skippedNonResource,
    truncated,
    notes,
  };
}
