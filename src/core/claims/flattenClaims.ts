import { describeClaim, type ClaimInfo } from './catalogue';

export interface ClaimEntry {
  /** Dotted name: nested objects such as `kubernetes.io` flatten to `kubernetes.io.pod.name`. */
  name: string;
  value: unknown;
  info: ClaimInfo | null;
  depth: number;
}

/** Objects nested deeper than this are shown as one JSON value instead of more rows. */
const MAX_FLATTEN_DEPTH = 4;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One row per claim. Objects are flattened to dotted names so every Kubernetes claim gets its own
 * described row; arrays (like `aud`) stay one value. Keys come from Object.keys, so `__proto__`
 * is just another name.
 */
export function flattenClaims(claims: Record<string, unknown>, where: 'payload' | 'header' = 'payload'): ClaimEntry[] {
  const rows: ClaimEntry[] = [];
  const walk = (obj: Record<string, unknown>, prefix: string, depth: number) => {
    for (const key of Object.keys(obj)) {
      const name = prefix ? `${prefix}.${key}` : key;
      const value = obj[key];
      if (isPlainObject(value) && Object.keys(value).length > 0 && depth < MAX_FLATTEN_DEPTH && where === 'payload') {
        walk(value, name, depth + 1);
      } else {
        rows.push({ name, value, info: describeClaim(name, where), depth });
      }
    }
  };
  walk(claims, '', 0);
  return rows;
}

/** The value at a dotted claim name, as flattened above (`kubernetes.io.pod.name`). */
export function claimAt(claims: Record<string, unknown> | null, name: string): unknown {
  if (!claims) return undefined;
  if (Object.hasOwn(claims, name)) return claims[name];
  for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
    const head = name.slice(0, dot);
    const inner = Object.hasOwn(claims, head) ? claims[head] : undefined;
    if (isPlainObject(inner)) {
      const found = claimAt(inner, name.slice(dot + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
