/**
 * Kubernetes name rules that matter for service account identities (§10: SplitUsername validates
 * the namespace and name). Namespaces are DNS-1123 labels; service account names are DNS-1123
 * subdomains.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && value.split('.').every((label) => label.length <= 63 && DNS1123_LABEL.test(label));
}

/** The prefix of service account usernames (`MakeUsername`, §10). */
export const SERVICE_ACCOUNT_USERNAME_PREFIX = 'system:serviceaccount:';
export const ALL_SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';
export const SERVICE_ACCOUNT_GROUP_PREFIX = 'system:serviceaccounts:';
export const AUTHENTICATED_GROUP = 'system:authenticated';

export function makeUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_USERNAME_PREFIX}${namespace}:${name}`;
}

/** `SplitUsername`: namespace and name from `system:serviceaccount:<ns>:<name>`, or null if invalid. */
export function splitUsername(username: string): { namespace: string; name: string } | null {
  if (!username.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX)) return null;
  const parts = username.slice(SERVICE_ACCOUNT_USERNAME_PREFIX.length).split(':');
  if (parts.length !== 2) return null;
  const [namespace = '', name = ''] = parts;
  if (!isDns1123Label(namespace) || !isDns1123Subdomain(name)) return null;
  return { namespace, name };
}
