import type { Tone } from '../../components/Badge';
import type { AuditKind, SecretOrigin } from '../../core/audit/auditRow';
import type { CleanerVerdict } from '../../core/audit/cleanerTimeline';
import type { Severity } from '../../core/kubernetes/findingCatalogue';
import { KIND_CATALOGUE } from '../../core/kubernetes/kindCatalogue';
import type { SignatureState } from '../../core/verify/verifySignature';

/** Badge tones and short words for the audit's values; explanations come from the core catalogues. */
export const SEVERITY_TONE: Record<Severity, Tone> = { danger: 'danger', warning: 'warning', info: 'info' };

export const KIND_TONE: Record<AuditKind, Tone> = {
  legacy: 'warning',
  'pod-bound': 'good',
  'secret-bound': 'good',
  'node-bound': 'good',
  unbound: 'info',
  'not-kubernetes': 'neutral',
  'no-token': 'neutral',
};

export function kindTitle(kind: AuditKind): string {
  return kind === 'no-token' ? 'No token in the Secret (yet)' : KIND_CATALOGUE[kind].title;
}

export const ORIGIN_TEXT: Record<SecretOrigin, string> = { auto: 'auto', manual: 'manual', unknown: 'unknown' };

export const SIGNATURE_TONE: Record<SignatureState, Tone> = {
  verified: 'good',
  invalid: 'danger',
  'no-matching-key': 'warning',
  unsupported: 'neutral',
  unsecured: 'danger',
  error: 'danger',
  'no-key': 'neutral',
};

export const VERDICT_TONE: Record<CleanerVerdict, Tone> = {
  never: 'neutral',
  skipped: 'info',
  waiting: 'info',
  'may-be-labelled': 'warning',
  labelled: 'danger',
  'may-be-deleted': 'danger',
  'no-secret': 'neutral',
};

/** "2026-01-15 09:30" (UTC), compact for a table cell. */
export function shortUtc(seconds: number): string {
  const iso = new Date(Math.floor(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

// One formatter for every count: toLocaleString builds a new one on each call.
const numberFormat = new Intl.NumberFormat('en');
export const count = (n: number) => numberFormat.format(n);
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
