/**
 * Limits that keep a hostile expression from freezing the page. Real relying parties bound CEL
 * too (Google caps an attribute condition at 4,096 characters; kube-apiserver gives every
 * expression a cost budget); these are this tool's own, generous enough for any real policy.
 */
export const CEL_LIMITS = {
  /** Characters per expression (Google's documented maximum for an attribute condition). */
  maxExpressionChars: 4096,
  /** Nesting of (), [] and {}: the parser slows sharply and then overflows past a few hundred. */
  maxNesting: 32,
  /**
   * Cost units per evaluation: one per function call plus the size of its arguments, the size of
   * every list or map a macro iterates over, and the size of a macro's body per iteration.
   */
  maxCost: 200_000,
  /** Characters of a string, or elements of a list or map, that one function may produce. */
  maxValueSize: 100_000,
  /**
   * For one verdict, all expressions together: characters parsed (the parser needs roughly a
   * millisecond per 5–10 characters of call-heavy source) and cost units spent.
   */
  maxReportSourceChars: 12_288,
  maxReportCost: 400_000,
  /** Failing parts are looked for only in expressions up to this long (each part is parsed again). */
  maxExplainedChars: 1024,
} as const;

/** What is left of one verdict's CEL allowance; shared by every expression it evaluates. */
export interface CelBudget {
  sourceChars: number;
  cost: number;
}

export function newCelBudget(): CelBudget {
  return { sourceChars: CEL_LIMITS.maxReportSourceChars, cost: CEL_LIMITS.maxReportCost };
}
