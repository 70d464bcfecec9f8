/**
 * Label selectors as the ClusterRole aggregation controller applies them
 * (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go
 * LabelSelectorAsSelector, and pkg/labels/selector.go NewRequirement/Matches @ v1.33):
 * matchLabels and matchExpressions are ANDed; an empty selector selects every ClusterRole; an
 * invalid one is an error, and the controller then leaves the aggregated role as it is.
 */
import { isDns1123Subdomain } from '../kubernetes/kubernetesNames';
import type { LabelSelector, LabelSelectorRequirement } from './rbacTypes';

const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** A label key: `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters. */
export function isLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (slash !== -1 && !isDns1123Subdomain(key.slice(0, slash))) return false;
  return name.length > 0 && name.length <= 63 && NAME_PART.test(name);
}

export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && NAME_PART.test(value));
}

/** Why the controller would refuse this selector, or null when it is valid. */
export function selectorError(selector: LabelSelector): string | null {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!isLabelKey(key)) return `matchLabels key ${JSON.stringify(key)} is not a valid label key`;
    if (!isLabelValue(value)) return `matchLabels value ${JSON.stringify(value)} is not a valid label value`;
  }
  for (const e of selector.matchExpressions) {
    if (!isLabelKey(e.key)) return `matchExpressions key ${JSON.stringify(e.key)} is not a valid label key`;
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (e.values.length === 0) return `for 'in', 'notin' operators, values set can't be empty (key ${JSON.stringify(e.key)})`;
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (e.values.length > 0) return `values set must be empty for exists and does not exist (key ${JSON.stringify(e.key)})`;
        break;
      default:
        return `${JSON.stringify(e.operator)} is not a valid label selector operator`;
    }
    const bad = e.values.find((v) => !isLabelValue(v));
    if (bad !== undefined) return `matchExpressions value ${JSON.stringify(bad)} is not a valid label value`;
  }
  return null;
}

function requirementMatches(e: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, e.key);
  switch (e.operator) {
    case 'In':
      return has && e.values.includes(labels[e.key] as string);
    case 'NotIn':
      return !has || !e.values.includes(labels[e.key] as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** A valid selector as a test on labels, its pairs read once (it runs against every ClusterRole). */
export function compileSelector(selector: LabelSelector): (labels: Record<string, string>) => boolean {
  const pairs = Object.entries(selector.matchLabels);
  const expressions = selector.matchExpressions;
  return (labels) => {
    for (const [key, value] of pairs) {
      if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
    }
    for (const e of expressions) if (!requirementMatches(e, labels)) return false;
    return true;
  };
}

/** Whether a valid selector selects an object with these labels. */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  return compileSelector(selector)(labels);
}
