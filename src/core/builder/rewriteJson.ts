/**
 * Helpers that change the edited JSON for the user (set times, set alg and kid) go through this
 * one function: read strictly, refuse when re-printing would change anything besides the change
 * (duplicate members, integers JavaScript rounds), apply the change, print in the editor layout —
 * sorted if the document was sorted, as typed otherwise.
 */
import { fail, ok, type Result } from '../result';
import { formatForEditing, isSortedDeep, readJsonObjectText, rewriteHazard, type JsonObject } from './jsonText';

export function rewriteJsonObject(text: string, segment: 'header' | 'payload', change: (value: JsonObject) => JsonObject): Result<string> {
  const read = readJsonObjectText(text, segment);
  if (!read.ok) return fail(read.error);
  const hazard = rewriteHazard(read.facts, segment);
  if (hazard) return fail(hazard);
  const sorted = isSortedDeep(read.value);
  return ok(formatForEditing(change(structuredClone(read.value)), sorted));
}
