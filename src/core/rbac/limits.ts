/**
 * Caps that keep every step linear and bounded on hostile pastes. A real cluster dump of 10,000
 * objects is about 10 MB of `-o json`; these leave room for far larger clusters.
 */

/** Characters of pasted text read at all. */
export const MAX_RBAC_TEXT = 128 * 1024 * 1024;
/** Objects read from one paste (RBAC or not); the rest is reported, not read. */
export const MAX_RBAC_OBJECTS = 200_000;
/** Lists inside lists (a YAML document that is a List, inside an array…) are opened this deep. */
export const MAX_LIST_DEPTH = 3;
/** Rows of one effective-permission table; a rule that multiplies out beyond this is reported. */
export const MAX_TABLE_ROWS = 50_000;
/** Rule copies the aggregation of ClusterRoles may make in all (selectors × selected roles × rules). */
export const MAX_AGGREGATION_WORK = 500_000;
/** Rules examined for "almost matches" of one denied question. */
export const MAX_NEAR_MISSES = 5;
/** Text typed into a subject or question field. */
export const MAX_FIELD_LENGTH = 1024;
