import { parseRfc3339Seconds } from '../input/rfc3339';
import { kubectlCommand, kubectlTemplate, type KubectlSpec } from '../kubernetes/kubectlCommand';
import type { AuditRow } from './auditRow';
import { TRACKING_CONFIGMAP } from './readAuditInput';

/**
 * What the LegacySATokenCleaner in kube-controller-manager would do with a Secret, from its labels
 * (kubernetes/kubernetes pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go). Every
 * 24 h it looks at each Secret of type kubernetes.io/service-account-token and, once tracking has
 * run for a full period, labels unused auto-generated ones invalid-since today, then deletes them
 * once that label is older than the period.
 */

export interface CleanerSettings {
  /** --legacy-service-account-token-clean-up-period, in days (default 365). */
  periodDays: number;
  /** `since` of the tracking ConfigMap (YYYY-MM-DD), when known. */
  trackingSince: string | null;
}

export const DEFAULT_CLEANUP_PERIOD_DAYS = 365;

export type CleanerVerdict =
  /** Manual Secret: never labelled or deleted. */
  | 'never'
  /** The cleaner skips it (a pod uses it, its last-used label is unreadable). */
  | 'skipped'
  /** Not eligible yet: the earliest labelling date is ahead. */
  | 'waiting'
  /** Eligible now: the next run labels it invalid-since, if what cannot be seen offline allows. */
  | 'may-be-labelled'
  /** Labelled invalid-since; deletion is ahead. */
  | 'labelled'
  /** Labelled long enough: the next run deletes it, if what cannot be seen offline allows. */
  | 'may-be-deleted'
  /** A bare token: no Secret to reason about. */
  | 'no-secret';

export interface TimelineStep {
  /** YYYY-MM-DD (UTC), when the step has a date. */
  date: string | null;
  when: 'past' | 'next' | 'future';
  text: string;
}

/** Something that cannot be known offline and would change the outcome. */
export interface TimelineUnknown {
  /** The same for every Secret it applies to, so a plan can list each once. */
  topic: 'origin' | 'created' | 'pods' | 'tracking' | 'cluster' | 'secret';
  text: string;
}

export interface CleanerTimeline {
  verdict: CleanerVerdict;
  /** One line. */
  summary: string;
  steps: TimelineStep[];
  unknowns: TimelineUnknown[];
}

const tracking = kubectlCommand({
  words: ['get', 'configmap'],
  namespace: TRACKING_CONFIGMAP.namespace,
  options: [`--output=jsonpath={.data.${TRACKING_CONFIGMAP.key}}`],
  name: { kind: 'configmap', value: TRACKING_CONFIGMAP.name },
});
const TRACKING_COMMAND = tracking.ok ? tracking.value : tracking.error.message;

/** `kubectl get serviceaccount` printing the Secrets the ServiceAccount lists (those it generated). */
function generatedSecretsCommand(namespace: string, name: string): KubectlSpec {
  return { words: ['get', 'serviceaccount'], namespace, options: ['--output=jsonpath={.secrets[*].name}'], name: { kind: 'service-account', value: name } };
}

/** Topics whose wording differs per Secret, in general terms, for a plan that covers many Secrets. */
export const UNKNOWN_TOPICS: Partial<Record<TimelineUnknown['topic'], string>> = {
  origin: `Whether each Secret is auto-generated (only those are ever cleaned up): ${kubectlTemplate(generatedSecretsCommand('<namespace>', '<name>'))} lists the Secrets a ServiceAccount generated. Or paste ServiceAccounts too (kubectl get secrets,serviceaccounts,pods -A -o json).`,
  created: 'When some Secrets were created (the cleaner leaves Secrets younger than the period alone): metadata.creationTimestamp is not in the paste.',
  pods: 'Whether a pod uses a Secret (the cleaner skips those, for as long as they do): paste pods too (kubectl get secrets,serviceaccounts,pods -A -o json).',
};

const SECRETS_NEEDED = 'Paste the Secrets (kubectl get secrets -A -o json) to see their labels and what the cleaner would do.';

const DAY = 86400;
const LABEL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD label as the cleaner reads it (Go time.Parse "2006-01-02"): midnight UTC, or null. */
export function labelDateSeconds(label: string): number | null {
  const m = LABEL_DATE.exec(label);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().startsWith(label) ? ms / 1000 : null;
}

export function dateOf(seconds: number): string {
  return new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 10);
}

const RUN_NOTE = 'the cleaner runs every 24 h';

function clusterUnknown(settings: CleanerSettings): TimelineUnknown {
  return {
    topic: 'cluster',
    text: `Whether the cleaner runs at all (LegacyServiceAccountTokenCleanUp: beta and on from 1.29, GA in 1.30) and its --legacy-service-account-token-clean-up-period (${settings.periodDays} days assumed); and whether the token is used again meanwhile (each use refreshes last-used, at most once a day, and postpones everything).`,
  };
}

function unknownsFor(row: AuditRow, settings: CleanerSettings): TimelineUnknown[] {
  const unknowns: TimelineUnknown[] = [];
  const ns = row.namespace ?? '<namespace>';
  if (row.origin === 'unknown' && row.serviceAccount) {
    const command = row.namespace ? kubectlCommand(generatedSecretsCommand(row.namespace, row.serviceAccount)) : null;
    unknowns.push({
      topic: 'origin',
      text: command?.ok
        ? `Whether it is auto-generated (only those are ever cleaned up): ${command.value} lists the Secrets its ServiceAccount generated.`
        : `Whether it is auto-generated (only those are ever cleaned up). ${command ? command.error.message : 'Its namespace is not known.'}`,
    });
  }
  if (!row.createdAt) unknowns.push({ topic: 'created', text: 'When the Secret was created (the cleaner leaves Secrets younger than the period alone): metadata.creationTimestamp is not in the paste.' });
  if (row.mountedBy === null) unknowns.push({ topic: 'pods', text: `Whether a pod in ${ns} uses the Secret (the cleaner skips those): paste pods too (kubectl get secrets,serviceaccounts,pods -A -o json).` });
  if (!settings.trackingSince) {
    unknowns.push({ topic: 'tracking', text: `Since when the API server tracks legacy tokens (nothing is cleaned up until a full period after that): ${TRACKING_COMMAND}.` });
  }
  unknowns.push(clusterUnknown(settings));
  return unknowns;
}

/** The earliest instant every "not used for a full period" condition holds, and what is still unknown about it. */
function eligibleFrom(row: AuditRow, settings: CleanerSettings): { at: number; created: number | null } {
  const period = settings.periodDays * DAY;
  const bounds: number[] = [];
  const created = row.createdAt ? parseRfc3339Seconds(row.createdAt) : null;
  if (created !== null) bounds.push(created + period);
  const lastUsed = row.lastUsed ? labelDateSeconds(row.lastUsed) : null;
  // last-used < date(now − period) ⇔ now ≥ last-used + 1 day + period.
  if (lastUsed !== null) bounds.push(lastUsed + DAY + period);
  const since = settings.trackingSince ? labelDateSeconds(settings.trackingSince) : null;
  // The cleaner waits until the day after `since` plus a full period.
  if (since !== null) bounds.push(since + DAY + period);
  return { at: bounds.length ? Math.max(...bounds) : -Infinity, created };
}

function when(at: number, now: number): TimelineStep['when'] {
  return at <= now ? 'next' : 'future';
}

/** Capitalises the first letter of a summary that may start mid-sentence. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function cleanerTimeline(row: AuditRow, settings: CleanerSettings, nowSeconds: number): CleanerTimeline {
  const timeline = timelineFor(row, settings, nowSeconds);
  return { ...timeline, summary: sentence(timeline.summary) };
}

function timelineFor(row: AuditRow, settings: CleanerSettings, nowSeconds: number): CleanerTimeline {
  const period = settings.periodDays * DAY;
  if (row.source === 'token-line') {
    return {
      verdict: 'no-secret',
      summary: 'A bare token: its Secret’s labels are not in the paste.',
      steps: [],
      unknowns: [{ topic: 'secret', text: SECRETS_NEEDED }],
    };
  }
  const steps: TimelineStep[] = [];
  if (row.createdAt) steps.push({ date: row.createdAt.slice(0, 10), when: 'past', text: 'Secret created.' });
  if (row.lastUsed) steps.push({ date: row.lastUsed, when: 'past', text: 'Last used: the API server last accepted its token that day (label kubernetes.io/legacy-token-last-used).' });
  const invalidSince = row.invalidSince ? labelDateSeconds(row.invalidSince) : null;
  const unknowns = unknownsFor(row, settings);

  if (row.origin === 'manual') {
    if (row.invalidSince) steps.push({ date: row.invalidSince, when: 'past', text: 'Labelled invalid-since: the API server refuses its token until the label is removed.' });
    steps.push({ date: null, when: 'future', text: 'Never labelled or deleted by the cleaner: its token works until you delete the Secret (or it is refused for a label someone set).' });
    return { verdict: 'never', summary: 'Manual Secret: the cleaner never touches it. Delete it yourself once nothing uses it.', steps, unknowns: [clusterUnknown(settings)] };
  }

  const ifAuto = row.origin === 'unknown' ? 'If auto-generated, ' : '';
  if (row.mountedBy && row.mountedBy.length > 0) {
    const pods = row.mountedBy.slice(0, 3).join(', ') + (row.mountedBy.length > 3 ? ` and ${row.mountedBy.length - 3} more` : '');
    steps.push({ date: null, when: 'future', text: `Used by pod ${pods}: the cleaner skips a Secret that a pod in its namespace uses, for as long as it does.` });
    return { verdict: 'skipped', summary: `${ifAuto}skipped while pods use it (${pods}).`, steps, unknowns };
  }
  if (row.lastUsed && labelDateSeconds(row.lastUsed) === null) {
    steps.push({ date: null, when: 'future', text: `The last-used label "${row.lastUsed}" is not a YYYY-MM-DD date: the cleaner cannot read it and skips the Secret.` });
    return { verdict: 'skipped', summary: `${ifAuto}skipped: unreadable last-used label.`, steps, unknowns };
  }

  const eligible = eligibleFrom(row, settings);
  const noticeUnknownStart = settings.trackingSince ? '' : ' at the earliest';
  if (invalidSince !== null) {
    steps.push({ date: row.invalidSince, when: 'past', text: 'Labelled invalid-since by the cleaner: since then the API server refuses its token ("has been marked invalid").' });
    const deleteAt = Math.max(invalidSince + DAY + period, eligible.at);
    const state = when(deleteAt, nowSeconds);
    steps.push({
      date: dateOf(Math.max(deleteAt, nowSeconds)),
      when: state,
      text:
        state === 'next'
          ? `Deleted at the next cleaner run (${RUN_NOTE}): the label is older than the ${settings.periodDays}-day period.`
          : `Deleted at the first cleaner run on or after this date${noticeUnknownStart} (label + ${settings.periodDays} days), unless the token is used again or the label is removed.`,
    });
    return {
      verdict: state === 'next' ? 'may-be-deleted' : 'labelled',
      summary: `${ifAuto}${state === 'next' ? 'due for deletion at the next cleaner run' : `labelled invalid since ${row.invalidSince}; deleted from ${dateOf(deleteAt)}${noticeUnknownStart}`}.`,
      steps,
      unknowns,
    };
  }

  if (row.invalidSince) {
    steps.push({ date: null, when: 'past', text: `The invalid-since label "${row.invalidSince}" is not a YYYY-MM-DD date: the cleaner replaces it with the day it runs.` });
  }
  const labelAt = Math.max(eligible.at, nowSeconds);
  const labelState = when(eligible.at, nowSeconds);
  // Labelled on the day it runs; deleted once that label is a full period old.
  const labelDay = labelDateSeconds(dateOf(labelAt)) as number;
  const deleteAt = labelDay + DAY + period;
  steps.push({
    date: dateOf(labelAt),
    when: labelState,
    text:
      labelState === 'next'
        ? `Eligible now: the next cleaner run labels it invalid-since that day (${RUN_NOTE}), and from then on the API server refuses its token.`
        : `Labelled invalid-since at the first cleaner run on or after this date${noticeUnknownStart} (created or last used ${settings.periodDays} days before), then refused by the API server.`,
  });
  steps.push({ date: dateOf(deleteAt), when: 'future', text: `Deleted at the first cleaner run on or after this date, if still unused (label + ${settings.periodDays} days).` });
  return {
    verdict: labelState === 'next' ? 'may-be-labelled' : 'waiting',
    summary: `${ifAuto}${labelState === 'next' ? 'eligible now: the next cleaner run labels it invalid' : `to be labelled invalid from ${dateOf(labelAt)}${noticeUnknownStart}`}; deleted from ${dateOf(deleteAt)}.`,
    steps,
    unknowns,
  };
}
