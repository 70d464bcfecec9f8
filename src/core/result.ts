// Bad input is a value, never an exception (DESIGN.md, rules of the house).

export type Segment = 'header' | 'payload' | 'signature' | 'token';

export interface Problem {
  /** Stable, machine-readable code, e.g. `bad-base64url`. */
  code: string;
  /** A sentence a person can act on. */
  message: string;
  segment?: Segment;
  /** Character offset inside the segment (or inside the token for `token`). */
  offset?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: Problem): Result<T> => ({ ok: false, error });
