/**
 * Wildcard matching as relying parties do it, with index loops (no regular expressions built from
 * configuration text): AWS `StringLike` (`*` any run of characters, `?` exactly one; IAM JSON
 * policy elements: condition operators) and Vault's globs (`*` only; ryanuber/go-glob, used by
 * vault-plugin-auth-kubernetes and vault-plugin-auth-jwt). Both are case-sensitive.
 *
 * The classic two-pointer algorithm backtracks only to the last `*`, so it is O(pattern × value)
 * at worst; inputs whose product exceeds MAX_WORK are not matched (null) rather than risk a freeze.
 */
export const MAX_WILDCARD_WORK = 20_000_000;

/** True when `value` matches `pattern`; null when the pair is too large to match safely. */
export function matchWildcard(pattern: string, value: string, questionMark: boolean): boolean | null {
  if ((pattern.length + 1) * (value.length + 1) > MAX_WILDCARD_WORK) return null;
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (p < pattern.length && c !== '*' && (c === value[v] || (questionMark && c === '?'))) {
      p += 1;
      v += 1;
    } else if (p < pattern.length && c === '*') {
      star = p;
      p += 1;
      resume = v;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      v = resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p += 1;
  return p === pattern.length;
}

/** AWS StringLike / StringNotLike matching. */
export const matchAwsLike = (pattern: string, value: string) => matchWildcard(pattern, value, true);

/** Vault's glob matching (`*` only; every other character is literal). */
export const matchVaultGlob = (pattern: string, value: string) => matchWildcard(pattern, value, false);
