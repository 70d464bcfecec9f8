/**
 * The shape of a Trust verdict, as the UI shows it: the configuration kind (`trust-kind`), the
 * verdict (`trust-verdict` data-accepted = "true" | "false" | "unknown"), every reason in order
 * (`trust-reason` data-code; `group` says token, relying-party-only or relying-party), the identity the relying party would compute, and copyable fixes.
 * Plain data only, so it crosses a Web Worker boundary unchanged.
 */
import {
  TRUST_FIX_CATALOGUE,
  TRUST_NOTES,
  cannotEvaluate,
  TRUST_KINDS,
  TRUST_VERDICT_TEXT,
  type TrustFixId,
  type TrustKind,
  type TrustReason,
  type TrustVerdictValue,
} from './trustCatalogue';

export interface TrustAttribute {
  /** e.g. `google.subject`, `username`, `groups`, `extra: example.com/tenant`. */
  name: string;
  values: string[];
}

/** What the relying party would make of the token (its attributes, user or alias). */
export interface TrustIdentity {
  attributes: TrustAttribute[];
}

export interface TrustFix {
  id: TrustFixId;
  title: string;
  description: string;
  language: 'json' | 'shell';
  /** Copyable text; every shell argument is quoted and options end with `--`. */
  text: string;
}

export interface TrustReport {
  kind: TrustKind;
  kindTitle: string;
  relyingParty: string;
  accepted: TrustVerdictValue;
  headline: string;
  /** Token reasons first, then what only the relying party can check, then its configuration's checks. */
  reasons: TrustReason[];
  identity: TrustIdentity | null;
  fixes: TrustFix[];
}

// The token first, then what only the relying party can check, then its configuration (issue 16's order).
const GROUP_ORDER = { token: 0, 'relying-party-only': 1, 'relying-party': 2 } as const;

/** Refused when any reason refuses; otherwise unknown when anything could not be evaluated. */
export function verdictOf(reasons: TrustReason[]): TrustVerdictValue {
  if (reasons.some((r) => r.effect === 'reject')) return 'false';
  if (reasons.some((r) => r.effect === 'unknown')) return 'unknown';
  return 'true';
}

export function makeFix(id: TrustFixId, language: TrustFix['language'], text: string): TrustFix {
  return { id, ...TRUST_FIX_CATALOGUE[id], language, text };
}

export function buildReport(kind: TrustKind, reasons: TrustReason[], identity: TrustIdentity | null, fixes: TrustFix[]): TrustReport {
  const ordered = reasons.map((r, i) => ({ r, i })).sort((a, b) => GROUP_ORDER[a.r.group] - GROUP_ORDER[b.r.group] || a.i - b.i).map(({ r }) => r);
  const accepted = verdictOf(ordered);
  const { title, relyingParty } = TRUST_KINDS[kind];
  const first = ordered.find((r) => r.effect === (accepted === 'false' ? 'reject' : 'unknown'));
  const base = TRUST_VERDICT_TEXT[accepted](relyingParty);
  const headline = accepted === 'true' || !first ? `${base}.` : `${base}: ${first.title.charAt(0).toLowerCase()}${first.title.slice(1)}.`;
  return { kind, kindTitle: title, relyingParty, accepted, headline, reasons: ordered, identity, fixes };
}

/** What to show when a worker had to be stopped: unknown, with cannot-evaluate. */
export function timedOutReport(kind: TrustKind, seconds: number): TrustReport {
  return buildReport(kind, [cannotEvaluate('relying-party', 'the configuration', TRUST_NOTES.timedOut(seconds))], null, []);
}
