/**
 * The Kubernetes name rules, in one place: what the API server accepts as a namespace, a Secret
 * name or a service account name. Identity, the API-server verdict and every generated command use
 * these, so they cannot disagree.
 *
 * - Namespace: `ValidateNamespaceName` = `IsDNS1123Label` (kubernetes/apimachinery
 *   pkg/api/validation/generic.go; pkg/util/validation/validation.go).
 * - Secret, ServiceAccount and ConfigMap names: `ValidateSecretName`, `ValidateServiceAccountName`,
 *   `ValidateConfigMapName` = `IsDNS1123Subdomain` (kubernetes/kubernetes pkg/apis/core/validation/validation.go): at most 253
 *   characters and the subdomain pattern, with no length limit per dot-separated part (apimachinery
 *   pkg/util/validation/validation.go; newer versions say so outright: isDNS1123LabelExceptMaxLength).
 */

import { show } from './kubernetesClaims';

const DNS1123_LABEL_MAX = 63;
const DNS1123_SUBDOMAIN_MAX = 253;
/** One label: lowercase letters, digits and '-', starting and ending with a letter or digit. */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isDns1123Label(value: string): boolean {
  return value.length <= DNS1123_LABEL_MAX && DNS1123_LABEL.test(value);
}

/**
 * `IsDNS1123Subdomain`: at most 253 characters, dot-separated labels. Tested label by label (the
 * same language as apimachinery's single regex, without a quantified group inside a quantifier).
 */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= DNS1123_SUBDOMAIN_MAX && value.split('.').every((label) => DNS1123_LABEL.test(label));
}

/** What a name names, and so which rule it follows. */
export type NameKind = 'namespace' | 'secret' | 'service-account' | 'configmap';

const SUBDOMAIN_RULE = 'lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit, at most 253 characters';

/** The rule per kind of name, in words (the catalogue for every name warning). */
export const NAME_RULES: Record<NameKind, { noun: string; rule: string; test: (value: string) => boolean }> = {
  namespace: {
    noun: 'namespace',
    rule: 'lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
    test: isDns1123Label,
  },
  secret: {
    noun: 'Secret name',
    rule: SUBDOMAIN_RULE,
    test: isDns1123Subdomain,
  },
  'service-account': {
    noun: 'service account name',
    rule: SUBDOMAIN_RULE,
    test: isDns1123Subdomain,
  },
  configmap: {
    noun: 'ConfigMap name',
    rule: SUBDOMAIN_RULE,
    test: isDns1123Subdomain,
  },
};

/** Why a name cannot be used: said once, and followed by what this means where it is used. */
export interface NameProblem {
  kind: NameKind;
  value: string;
  /** "The Secret name "--all" is not a valid Kubernetes name (…)". */
  message: string;
}

/**
 * The one name check: null when the API server would accept `value` as this kind of name,
 * otherwise what is wrong with it.
 */
export function checkName(kind: NameKind, value: string): NameProblem | null {
  const rule = NAME_RULES[kind];
  if (rule.test(value)) return null;
  return { kind, value, message: `The ${rule.noun} ${show(value)} is not a valid Kubernetes name (${rule.rule})` };
}

/** The prefix of service account usernames (`MakeUsername`, kubernetes/apiserver pkg/authentication/serviceaccount/util.go). */
export const SERVICE_ACCOUNT_USERNAME_PREFIX = 'system:serviceaccount:';
export const ALL_SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';
export const SERVICE_ACCOUNT_GROUP_PREFIX = 'system:serviceaccounts:';
export const AUTHENTICATED_GROUP = 'system:authenticated';

export function makeUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_USERNAME_PREFIX}${namespace}:${name}`;
}

/**
 * `SplitUsername` (kubernetes/apiserver pkg/authentication/serviceaccount/util.go): namespace and
 * name from `system:serviceaccount:<ns>:<name>`, or null unless both are valid names.
 */
export function splitUsername(username: string): { namespace: string; name: string } | null {
  if (!username.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX)) return null;
  const parts = username.slice(SERVICE_ACCOUNT_USERNAME_PREFIX.length).split(':');
  if (parts.length !== 2) return null;
  const [namespace = '', name = ''] = parts;
  if (checkName('namespace', namespace) || checkName('service-account', name)) return null;
  return { namespace, name };
}
