/**
 * Name checks for generated commands. Another change is adding one shared name-validation
 * function to core/kubernetes; when it lands, these two must be replaced by it. Until then they
 * delegate to the DNS-1123 rules core/kubernetes already has, so no rule is written twice.
 */
import { isDns1123Label, isDns1123Subdomain } from '../kubernetes/kubernetesNames';

/** A namespace name: a DNS-1123 label. */
export function isNamespaceName(value: string): boolean {
  return isDns1123Label(value);
}

/** A service account name: a DNS-1123 subdomain. */
export function isServiceAccountName(value: string): boolean {
  return isDns1123Subdomain(value);
}
