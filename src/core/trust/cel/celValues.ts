/**
 * JSON claims in, CEL values out, in both directions. Objects become Maps built from their own
 * keys only, so no JavaScript prototype member is ever reachable from an expression.
 */
import { isCelList, isCelMap, isCelUint, type CelInput, type CelValue } from '@bufbuild/cel';
import { CEL_LIMITS } from './celLimits';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * How JSON numbers enter CEL. kube-apiserver converts claims to unstructured JSON, where whole
 * numbers are int64 (`int` in CEL); Google reads them as JSON, where every number is a double.
 */
export type NumberMode = 'int-when-whole' | 'double';

const INT64_MIN = -(2 ** 63);
const INT64_MAX = 2 ** 63;

const converted: Record<NumberMode, WeakMap<object, CelInput>> = { 'int-when-whole': new WeakMap(), double: new WeakMap() };

/**
 * A JSON value (from JSON.parse or YAML) as CEL input. Depth is bounded by the JSON reader.
 * Objects are converted once per number mode: one verdict evaluates many expressions over the
 * same claims. Callers must not mutate a value after passing it in.
 */
export function toCelInput(value: unknown, numbers: NumberMode): CelInput {
  if (typeof value !== 'object' || value === null) return convert(value, numbers);
  const cache = converted[numbers];
  let input = cache.get(value);
  if (input === undefined) {
    input = convert(value, numbers);
    cache.set(value, input);
  }
  return input;
}

function convert(value: unknown, numbers: NumberMode): CelInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (numbers === 'int-when-whole' && Number.isInteger(value) && value >= INT64_MIN && value < INT64_MAX) return BigInt(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => toCelInput(item, numbers));
  if (typeof value === 'object') {
    const map = new Map<string, CelInput>();
    for (const key of Object.keys(value)) map.set(key, toCelInput((value as Record<string, unknown>)[key], numbers));
    return map;
  }
  return null;
}

/** A CEL result as plain JSON (bigints as numbers when exact, else as decimal strings), bounded. */
export function fromCelValue(value: CelValue, budget = { left: CEL_LIMITS.maxValueSize }): JsonValue {
  budget.left -= 1;
  if (budget.left < 0) return '…';
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isCelUint(value)) return Number.isSafeInteger(Number(value.value)) ? Number(value.value) : value.value.toString();
  if (value instanceof Uint8Array) return `b"${Array.from(value.slice(0, 64), (b) => b.toString(16).padStart(2, '0')).join('')}${value.length > 64 ? '…' : ''}"`;
  if (isCelList(value)) {
    const out: JsonValue[] = [];
    for (const item of value) {
      if (budget.left <= 0) break;
      out.push(fromCelValue(item, budget));
    }
    return out;
  }
  if (isCelMap(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of value) {
      if (budget.left <= 0) break;
      out[String(typeof key === 'object' ? key.value : key)] = fromCelValue(item, budget);
    }
    return out;
  }
  return String(value);
}

/**
 * A cheap upper estimate of the work a value stands for: 1 per scalar, 1 per 32 characters, plus
 * the elements of lists and maps, walked only until `cap` is reached.
 */
export function celValueSize(value: CelValue | undefined, cap: number): number {
  let total = 0;
  const stack: (CelValue | undefined)[] = [value];
  while (stack.length > 0 && total <= cap) {
    const v = stack.pop();
    total += 1;
    if (typeof v === 'string') total += v.length >> 5;
    else if (v instanceof Uint8Array) total += v.length >> 5;
    else if (isCelList(v)) {
      total += v.size;
      if (total > cap) break;
      for (const item of v) stack.push(item);
    } else if (isCelMap(v)) {
      total += v.size;
      if (total > cap) break;
      for (const item of v.values()) stack.push(item);
    }
  }
  return total;
}

/** How big a value is for the output cap: characters of a string, elements of a list or map. */
export function celValueLength(value: CelValue): number {
  if (typeof value === 'string' || value instanceof Uint8Array) return value.length;
  if (isCelList(value) || isCelMap(value)) return value.size;
  return 1;
}
