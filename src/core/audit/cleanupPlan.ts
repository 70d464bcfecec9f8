import { LEGACY_TOKEN_INVALID_SINCE_LABEL, LEGACY_TOKEN_LAST_USED_LABEL } from '../input/secretDocument';
import type { Classification } from '../kubernetes/classifyToken';
import type { Identity } from '../kubernetes/identity';
import { KIND_CATALOGUE } from '../kubernetes/kindCatalogue';
import { COMMAND_TEXTS, kubectlCommand } from '../kubernetes/kubectlCommand';
import { migrationFor } from '../kubernetes/migration';
import { fail, ok, type Result } from '../result';
import { rowLabel, type AuditRow } from './auditRow';
import { cleanerTimeline, UNKNOWN_TOPICS, type CleanerSettings, type CleanerTimeline, type TimelineUnknown } from './cleanerTimeline';

export interface Replacement {
  namespace: string;
  serviceAccount: string;
  /** `kubectl create token -n <ns> --duration=1h -- <sa>` (quoted for a POSIX shell). */
  createToken: string;
  /** A Pod with a projected serviceAccountToken volume for this service account. */
  projectedVolume: string;
}

export interface CleanupPlan {
  /** Selected legacy Secrets that can be deleted (namespace and name known and valid). */
  secrets: { row: AuditRow; checkCommand: string; deleteCommand: string; timeline: CleanerTimeline }[];
  /** Selected rows left out because they are not legacy Secrets or lack a name, and why. */
  leftOut: { row: AuditRow; reason: string }[];
  /** One per distinct service account of the Secrets above whose name is valid. */
  replacements: Replacement[];
  /**
   * What was not generated because a name is not one the API server accepts: a Secret (no check or
   * delete command) or a service account (no replacement). Shown, never hidden in a list.
   */
  warnings: string[];
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

/** The replacement for one service account, or why there is none (a name the API server would refuse). */
function replacementFor(namespace: string, serviceAccount: string): Replacement | string {
  const steps = migrationFor(identityFor(namespace, serviceAccount), LEGACY);
  const createToken = steps.find((s) => s.id === 'create-token');
  const projectedVolume = steps.find((s) => s.id === 'projected-volume');
  if (!createToken?.text || !projectedVolume?.text) return createToken?.warning ?? projectedVolume?.warning ?? '';
  return { namespace, serviceAccount, createToken: createToken.text, projectedVolume: projectedVolume.text };
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
  out.push(comment(`Clean-up plan for ${n} legacy service account token Secret${n === 1 ? '' : 's'} (SA Token Inspector).`));
  out.push(comment(COMMAND_TEXTS.assumptions), '');
  out.push(comment('1. Give each workload a short-lived token instead: kubectl create token, or a projected volume in its pod.'));
  for (const r of plan.replacements) out.push(r.createToken);
  const first = plan.replacements[0];
  if (first) out.push('', comment(`Projected volume, e.g. for ${first.namespace}/${first.serviceAccount} (the same for each service account):\n${first.projectedVolume.trimEnd()}`));
  out.push('', comment('2. Check the last-used labels: a Secret used recently still has a client to move first.'));
  for (const s of plan.secrets) out.push(s.checkCommand);
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
  if (plan.warnings.length) {
    out.push('', comment('Not generated, because a name is not one the API server accepts:'));
    for (const w of plan.warnings) out.push(comment(`- ${w}`));
  }
  if (plan.leftOut.length) {
    out.push('', comment('Left out:'));
    for (const l of plan.leftOut) out.push(comment(`- ${rowLabel(l.row)}: ${l.reason}`));
  }
  return `${out.join('\n')}\n`;
}

/** `kubectl get secret` with the legacy-token labels as columns, and `kubectl delete secret`, for one Secret. */
function secretCommands(namespace: string, secretName: string): Result<{ check: string; delete: string }> {
  const name = { kind: 'secret', value: secretName } as const;
  const check = kubectlCommand({ words: ['get', 'secret'], namespace, options: [`--label-columns=${LEGACY_TOKEN_LAST_USED_LABEL},${LEGACY_TOKEN_INVALID_SINCE_LABEL}`], name });
  const remove = kubectlCommand({ words: ['delete', 'secret'], namespace, name });
  if (!check.ok) return fail(check.error);
  return remove.ok ? ok({ check: check.value, delete: remove.value }) : fail(remove.error);
}

/**
 * The clean-up plan for the selected rows: replacements per service account, delete commands per
 * legacy Secret, and the cleaner's own timeline for each. Every name is checked as the API server
 * would: a row with an invalid namespace or Secret name is left out with a warning instead of a
 * command (a Secret named "--all" must never become `kubectl delete secret --all`); commands end
 * kubectl's options with "--" and are quoted for a POSIX shell.
 */
export function cleanupPlan(selected: readonly AuditRow[], settings: CleanerSettings, nowSeconds: number): CleanupPlan {
  const secrets: CleanupPlan['secrets'] = [];
  const leftOut: CleanupPlan['leftOut'] = [];
  const replacements = new Map<string, Replacement | string>();
  const refusedSecrets: string[] = [];
  for (const row of selected) {
    if (!isLegacySecret(row)) {
      leftOut.push({ row, reason: `a ${row.kind} token, not a legacy Secret-based one: it expires or is revoked with its bound object.` });
      continue;
    }
    if (!row.namespace || !row.secretName) {
      leftOut.push({ row, reason: 'its namespace or Secret name is not known.' });
      continue;
    }
    const commands = secretCommands(row.namespace, row.secretName);
    if (!commands.ok) {
      refusedSecrets.push(`${rowLabel(row)}: ${commands.error.message}`);
      continue;
    }
    secrets.push({ row, checkCommand: commands.value.check, deleteCommand: commands.value.delete, timeline: cleanerTimeline(row, settings, nowSeconds) });
    const sa = row.serviceAccount;
    const key = `${row.namespace}\0${sa}`;
    if (sa && !replacements.has(key)) replacements.set(key, replacementFor(row.namespace, sa));
  }
  const made = [...replacements.values()];
  const plan = {
    secrets,
    leftOut,
    replacements: made.filter((r) => typeof r !== 'string'),
    warnings: [...refusedSecrets, ...made.filter((r) => typeof r === 'string')],
    unknowns: mergeUnknowns(secrets.map((s) => s.timeline)),
  };
  return { ...plan, text: planText(plan, settings) };
}
