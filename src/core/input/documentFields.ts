/**
 * Safe readers for parsed JSON/YAML documents. Documents are untrusted: only own properties are
 * read, so `__proto__` or `constructor` keys are ordinary data, and nothing here throws.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a record, or undefined. */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** An own property that is itself a record, or null. */
export function recordAt(value: unknown, key: string): JsonRecord | null {
  const inner = field(value, key);
  return isRecord(inner) ? inner : null;
}

/**
 * A scalar as text. YAML turns `uid: 12345` into a number and `x: true` into a boolean, though
 * Kubernetes means a string, so numbers and booleans are given back as text too.
 */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** Like textOf, but an empty or all-blank string counts as absent. */
export function nonEmptyText(value: unknown): string | null {
  const t = textOf(value);
  return t !== null && t.trim() !== '' ? t : null;
}

/** String members of a string map (labels, annotations), ignoring anything else. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const key of Object.keys(value)) {
    const t = textOf(value[key]);
    if (t !== null) out[key] = t;
  }
  return out;
}

/** Strings of an array (audiences, groups), ignoring anything else; a lone string counts as one. */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string');
}

/** Labels, facts and choices show at most this many characters of a value taken from the input. */
export const MAX_SHOWN_CHARS = 200;

/**
 * A value from the input as a label, fact or choice shows it: cut with an ellipsis past `max`
 * characters (never inside a surrogate pair). Values are untrusted and unbounded: a 10 MB
 * kubeconfig user name took 8.7 s to lay out in an <option>.
 */
export function shortText(value: string, max = MAX_SHOWN_CHARS): string {
  if (value.length <= max) return value;
  const cut = /[\uD800-\uDBFF]/.test(value[max - 1] ?? '') ? max - 1 : max;
  return `${value.slice(0, cut)}…`;
}

/** A value shown in a fact or message: JSON-quoted (so control characters are visible) and bounded. */
export function quoted(value: string, max = 120): string {
  return JSON.stringify(shortText(value, max));
}
