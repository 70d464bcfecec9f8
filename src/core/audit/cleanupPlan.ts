import type { Classification } from '../kubernetes/classifyToken';
import type { Identity } from '../kubernetes/identity';
import { KIND_CATALOGUE } from '../kubernetes/kindCatalogue';
import { migrationFor } from '../kubernetes/migration';
import { shellCommand } from '../kubernetes/shellQuote';
import { rowLabel, type AuditRow } from './auditRow';
import { cleanerTimeline, UNKNOWN_TOPICS, type CleanerSettings, type CleanerTimeline, type TimelineUnknown } from './cleanerTimeline';

export interface Replacement {
  namespace: string;
  serviceAccount: string;
  /** `kubectl create token <sa> -n <ns> --duration=1h` (quoted for a POSIX shell). */
  createToken: string;
  /** A Pod with a projected serviceAccountToken volume for this service account. */
  projectedVolume: string;
}

export interface CleanupPlan {
  /** Selected legacy Secrets that can be deleted (namespace and name known). */
  secrets: { row: AuditRow; deleteCommand: string; timeline: CleanerTimeline }[];
  /** Selected rows left out, and why. */
  leftOut: { row: AuditRow; reason: string }[];
  /** One per distinct service account of the Secrets above. */
  replacements: Replacement[];
  /** What cannot be known offline, once per topic (with the one Secret's own wording when only one). */
  unknowns: string[];
  /** The whole plan as one copyable text (shell comments and commands). */
  text: string;
}

/** The classification migrationFor needs for a legacy token (only `kind` is read). */
const LEGACY: Classification = {
  kind: 'legacy',
  variant: null,
  extended: false,
  evidence: [],
  versions: '',
  title: KIND_CATALOGUE.legacy.title,
  headline: KIND_CATALOGUE.legacy.headline,
  description: KIND_CATALOGUE.legacy.description,
  boundObject: null,
  legacyHeader: null,
};

function identityFor(namespace: string, serviceAccount: string): Identity {
  return { username: null, uid: null, namespace, serviceAccount, groups: [], extra: {}, pod: null, node: null, secret: null, problems: [] };
}

/** A Secret that holds (or was made to hold) a legacy token: these are what the plan deletes. */
function isLegacySecret(row: AuditRow): boolean {
  return row.kind === 'legacy' || (row.kind === 'no-token' && row.source === 'secret');
}

function replacementFor(namespace: string, serviceAccount: string): Replacement {
  const steps = migrationFor(identityFor(namespace, serviceAccount), LEGACY);
  const text = (id: string) => steps.find((s) => s.id === id)?.text ?? '';
  return { namespace, serviceAccount, createToken: text('create-token'), projectedVolume: text('projected-volume') };
}

/** Each topic once: a Secret's own wording when it is the only one, else the general one. */
function mergeUnknowns(timelines: CleanerTimeline[]): string[] {
  const byTopic = new Map<TimelineUnknown['topic'], Set<string>>();
  for (const t of timelines) {
    for (const u of t.unknowns) byTopic.set(u.topic, (byTopic.get(u.topic) ?? new Set()).add(u.text));
  }
  return [...byTopic].map(([topic, texts]) => (texts.size === 1 ? undefined : UNKNOWN_TOPICS[topic]) ?? ([...texts][0] as string));
}

/** `# ` before every line, so names and explanations stay comments in a shell. */
function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n');
}

function planText(plan: Omit<CleanupPlan, 'text'>, settings: CleanerSettings): string {
  const out: string[] = [];
  const n = plan.secrets.length;
  out.push(comment(`Clean-up plan for ${n} legacy service account token Secret${n === 1 ? '' : 's'} (SA Token Inspector).`), '');
  out.push(comment('1. Give each workload a short-lived token instead: kubectl create token, or a projected volume in its pod.'));
  for (const r of plan.replacements) out.push(r.createToken);
  const first = plan.replacements[0];
  if (first) out.push('', comment(`Projected volume, e.g. for ${first.namespace}/${first.serviceAccount} (the same for each service account):\n${first.projectedVolume.trimEnd()}`));
  out.push('', comment('2. Check the last-used labels: a Secret used recently still has a client to move first.'));
  for (const s of plan.secrets) {
    out.push(shellCommand(['kubectl', 'get', 'secret', s.row.secretName as string, '-n', s.row.namespace as string, '-L', 'kubernetes.io/legacy-token-last-used,kubernetes.io/legacy-token-invalid-since']));
  }
  out.push('', comment('3. Delete the Secrets: this revokes their tokens at once.'));
  for (const s of plan.secrets) out.push(s.deleteCommand);
  out.push('', comment(`What the legacy token cleaner would do on its own (clean-up period ${settings.periodDays} days${settings.trackingSince ? `, tracking since ${settings.trackingSince}` : ''}):`));
  for (const s of plan.secrets) {
    out.push(comment(`${rowLabel(s.row)}: ${s.timeline.summary}`));
    for (const step of s.timeline.steps) out.push(comment(`  ${step.date ?? '          '}  ${step.text}`));
  }
  if (plan.unknowns.length) {
    out.push('', comment('Not known offline:'));
    for (const u of plan.unknowns) out.push(comment(`- ${u}`));
  }
  if (plan.leftOut.length) {
    out.push('', comment('Left out:'));
    for (const l of plan.leftOut) out.push(comment(`- ${rowLabel(l.row)}: ${l.reason}`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * The clean-up plan for the selected rows: replacements per service account, delete commands per
 * legacy Secret (every name quoted for a POSIX shell), and the cleaner's own timeline for each.
 */
export function cleanupPlan(selected: readonly AuditRow[], settings: CleanerSettings, nowSeconds: number): CleanupPlan {
  const secrets: CleanupPlan['secrets'] = [];
  const leftOut: CleanupPlan['leftOut'] = [];
  const replacements = new Map<string, Replacement>();
  for (const row of selected) {
    if (!isLegacySecret(row)) {
      leftOut.push({ row, reason: `a ${row.kind} token, not a legacy Secret-based one: it expires or is revoked with its bound object.` });
      continue;
    }
    if (!row.namespace || !row.secretName) {
      leftOut.push({ row, reason: 'its namespace or Secret name is not known.' });
      continue;
    }
    secrets.push({ row, deleteCommand: shellCommand(['kubectl', 'delete', 'secret', row.secretName, '-n', row.namespace]), timeline: cleanerTimeline(row, settings, nowSeconds) });
    const sa = row.serviceAccount;
    if (sa && !replacements.has(`${row.namespace}/${sa}`)) replacements.set(`${row.namespace}/${sa}`, replacementFor(row.namespace, sa));
  }
  const plan = { secrets, leftOut, replacements: [...replacements.values()], unknowns: mergeUnknowns(secrets.map((s) => s.timeline)) };
  return { ...plan, text: planText(plan, settings) };
}
