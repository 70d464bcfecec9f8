/**
 * The cluster versions a user can choose, kept apart from the rules (versions.ts) so that the
 * policy form on the first screen carries only this list.
 */
export const OLDEST_MINOR = 20;
/** The newest release; 1.37 (alpha features) is not modelled. */
export const LATEST_MINOR = 36;

export type KubernetesVersion = 'latest' | `1.${number}`;

/** Newest first: latest, 1.36, …, 1.20. */
export const VERSION_CHOICES: readonly KubernetesVersion[] = [
  'latest',
  ...Array.from({ length: LATEST_MINOR - OLDEST_MINOR + 1 }, (_, i): KubernetesVersion => `1.${LATEST_MINOR - i}`),
];

export function isKubernetesVersion(value: unknown): value is KubernetesVersion {
  return typeof value === 'string' && (VERSION_CHOICES as readonly string[]).includes(value);
}
