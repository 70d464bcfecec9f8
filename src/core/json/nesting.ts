/**
 * How deep a document may nest, tokens and Kubernetes objects alike. Real ones nest about ten
 * levels; recursive readers (the `yaml` parser recurses once per level and overflows the stack
 * near 900) and deep renderings are kept far from their limits.
 */
export const MAX_NESTING_DEPTH = 64;

/** The one wording, wherever a document is refused for its depth. */
export function nestedTooDeeply(limit = MAX_NESTING_DEPTH): string {
  return `nested too deeply (more than ${limit} levels)`;
}
