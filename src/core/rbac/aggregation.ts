/**
 * Aggregated ClusterRoles (`aggregationRule.clusterRoleSelectors`), resolved as the ClusterRole
 * aggregation controller would fill them (kubernetes/kubernetes
 * pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go @ v1.33): for each
 * selector in turn, the selected ClusterRoles sorted by name, itself excluded, each rule added once
 * (rules compare as whole values). The controller repeats this whenever any ClusterRole changes, so
 * roles that aggregate aggregated roles (admin ← edit ← view) settle at the fixpoint computed here.
 *
 * A dump taken before the controller ran (or written by hand) has `rules: null`; a dump of a
 * running cluster has them filled. Either way the rules used are the stored ones plus what the
 * controller adds, each aggregated rule naming the ClusterRole that defines it.
 */
import { compileSelector, selectorError } from './labelSelector';
import { MAX_AGGREGATION_WORK } from './limits';
import type { PolicyRule, RoleObject } from './rbacTypes';

export interface EffectiveRule {
  rule: PolicyRule;
  /** The ClusterRole this rule was aggregated from; null for the role's own stored rule. */
  from: string | null;
}

export interface AggregationIssue {
  code: 'aggregation-selector-invalid' | 'aggregation-too-large' | 'aggregation-filled';
  /** The aggregated ClusterRole. */
  role: string;
  detail: string;
  /** For `aggregation-filled`: rules the controller would add that the stored role lacks. */
  added?: number;
}

export interface AggregationResult {
  /** Effective rules of every aggregated ClusterRole, by name. Other roles keep their own rules. */
  rules: Map<string, EffectiveRule[]>;
  issues: AggregationIssue[];
}

const keys = new WeakMap<PolicyRule, string>();

/** Rules compare as whole values (the controller's equality.Semantic.DeepEqual); computed once per rule. */
export function ruleKey(rule: PolicyRule): string {
  let key = keys.get(rule);
  if (key === undefined) {
    key = JSON.stringify([rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames, rule.nonResourceURLs]);
    keys.set(rule, key);
  }
  return key;
}

export function resolveAggregation(clusterRoles: readonly RoleObject[]): AggregationResult {
  const issues: AggregationIssue[] = [];
  const aggregated = clusterRoles.filter((r) => r.aggregation !== null);
  const result = new Map<string, EffectiveRule[]>();
  if (aggregated.length === 0) return { rules: result, issues };

  const byName = [...clusterRoles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let work = 0;
  let exhausted = false;
  const spend = (n: number) => {
    work += n;
    if (work > MAX_AGGREGATION_WORK) exhausted = true;
    return !exhausted;
  };

  // Which roles each aggregated role selects, in the controller's order (per selector, by name).
  const selected = new Map<string, RoleObject[]>();
  for (const role of aggregated) {
    const invalid = (role.aggregation ?? []).map(selectorError).find((e) => e !== null);
    if (invalid) {
      issues.push({ code: 'aggregation-selector-invalid', role: role.name, detail: invalid });
      continue;
    }
    const picks: RoleObject[] = [];
    for (const selector of role.aggregation ?? []) {
      if (!spend(byName.length)) break;
      const matches = compileSelector(selector);
      for (const candidate of byName) if (candidate.name !== role.name && matches(candidate.labels)) picks.push(candidate);
    }
    selected.set(role.name, picks);
  }

  // Start from the stored rules; add until nothing changes.
  const seenKeys = new Map<string, Set<string>>();
  for (const role of aggregated) {
    result.set(role.name, role.rules.map((rule) => ({ rule, from: null })));
    seenKeys.set(role.name, new Set(role.rules.map(ruleKey)));
  }
  const effective = (role: RoleObject): EffectiveRule[] => result.get(role.name) ?? role.rules.map((rule) => ({ rule, from: null }));
  let changed = true;
  while (changed && !exhausted) {
    changed = false;
    for (const role of aggregated) {
      const picks = selected.get(role.name);
      if (!picks) continue;
      const mine = result.get(role.name) as EffectiveRule[];
      const seen = seenKeys.get(role.name) as Set<string>;
      for (const source of picks) {
        const rules = effective(source);
        if (!spend(rules.length)) break;
        for (const r of rules) {
          const key = ruleKey(r.rule);
          if (seen.has(key)) continue;
          seen.add(key);
          mine.push({ rule: r.rule, from: r.from ?? source.name });
          changed = true;
        }
      }
    }
  }
  if (exhausted) {
    issues.push({
      code: 'aggregation-too-large',
      role: aggregated[0]?.name ?? '',
      detail: `resolving ${aggregated.length} aggregated ClusterRoles took more than ${MAX_AGGREGATION_WORK.toLocaleString('en')} steps; their stored rules and what was aggregated so far are used`,
    });
  }
  for (const role of aggregated) {
    const added = (result.get(role.name)?.length ?? 0) - role.rules.length;
    if (added > 0) issues.push({ code: 'aggregation-filled', role: role.name, detail: `${added} rule${added === 1 ? '' : 's'} aggregated from the selected ClusterRoles`, added });
  }
  return { rules: result, issues };
}
