import { describe, expect, it } from 'vitest';
import { row } from '../../testing/auditRows';
import { cleanerTimeline, labelDateSeconds, type CleanerSettings } from './cleanerTimeline';

const at = (iso: string) => Date.parse(iso) / 1000;
const now = at('2026-01-15T09:30:00Z');
const settings: CleanerSettings = { periodDays: 365, trackingSince: '2023-06-01' };
const old = { createdAt: '2021-03-04T10:11:12Z', origin: 'auto' as const, originReason: 'listed' as const, mountedBy: [] };

describe('labelDateSeconds', () => {
  it('reads YYYY-MM-DD as midnight UTC and refuses anything else', () => {
    expect(labelDateSeconds('2026-01-02')).toBe(at('2026-01-02T00:00:00Z'));
    expect(labelDateSeconds('2026-02-30')).toBeNull();
    expect(labelDateSeconds('2026-1-2')).toBeNull();
    expect(labelDateSeconds('yesterday')).toBeNull();
  });
});

describe('cleanerTimeline', () => {
  it('a manual Secret is never labelled or deleted', () => {
    const t = cleanerTimeline(row({ ...old, origin: 'manual', originReason: 'not-listed' }), settings, now);
    expect(t.verdict).toBe('never');
    expect(t.summary).toMatch(/never touches it/);
  });

  it('an old, never used auto-generated Secret is eligible now; deletion follows a period after the label', () => {
    const t = cleanerTimeline(row(old), settings, now);
    expect(t.verdict).toBe('may-be-labelled');
    expect(t.steps.map((s) => [s.date, s.when])).toEqual([
      ['2021-03-04', 'past'],
      ['2026-01-15', 'next'],
      ['2027-01-16', 'future'],
    ]);
  });

  it('recently used: labelled a full period (plus a day) after the last-used date', () => {
    const t = cleanerTimeline(row({ ...old, lastUsed: '2026-01-10' }), settings, now);
    expect(t.verdict).toBe('waiting');
    expect(t.steps.find((s) => s.text.startsWith('Labelled'))?.date).toBe('2027-01-11');
    expect(t.steps.at(-1)?.date).toBe('2028-01-12');
  });

  it('nothing happens until tracking has run a full period (since + 1 day + period)', () => {
    const t = cleanerTimeline(row(old), { periodDays: 365, trackingSince: '2025-12-01' }, now);
    expect(t.verdict).toBe('waiting');
    expect(t.steps.find((s) => s.text.startsWith('Labelled'))?.date).toBe('2026-12-02');
  });

  it('labelled invalid-since: deleted once the label is older than the period', () => {
    const labelled = cleanerTimeline(row({ ...old, lastUsed: '2024-09-01', invalidSince: '2026-01-02' }), settings, now);
    expect(labelled.verdict).toBe('labelled');
    expect(labelled.steps.at(-1)).toMatchObject({ date: '2027-01-03', when: 'future' });
    const due = cleanerTimeline(row({ ...old, invalidSince: '2024-11-30' }), settings, now);
    expect(due.verdict).toBe('may-be-deleted');
    expect(due.summary).toBe('Due for deletion at the next cleaner run.');
  });

  it('a shorter clean-up period moves every date', () => {
    const t = cleanerTimeline(row({ ...old, invalidSince: '2026-01-02' }), { periodDays: 30, trackingSince: '2023-06-01' }, now);
    expect(t.steps.at(-1)?.date).toBe('2026-02-02');
  });

  it('skipped while a pod uses it, or when last-used cannot be read', () => {
    expect(cleanerTimeline(row({ ...old, mountedBy: ['web-0'] }), settings, now)).toMatchObject({ verdict: 'skipped', summary: 'Skipped while pods use it (web-0).' });
    expect(cleanerTimeline(row({ ...old, lastUsed: 'last tuesday' }), settings, now).verdict).toBe('skipped');
  });

  it('says what it cannot know offline', () => {
    const t = cleanerTimeline(row({ createdAt: null, origin: 'unknown', serviceAccount: 'builder', namespace: 'ci', mountedBy: null }), { periodDays: 365, trackingSince: null }, now);
    expect(t.summary).toMatch(/^If auto-generated, eligible now/);
    expect(t.unknowns.map((u) => u.topic)).toEqual(['origin', 'created', 'pods', 'tracking', 'cluster']);
    const unknowns = t.unknowns.map((u) => u.text).join('\n');
    expect(unknowns).toContain("kubectl get serviceaccount -n ci '--output=jsonpath={.secrets[*].name}' -- builder");
    expect(unknowns).toContain("kubectl get configmap -n kube-system '--output=jsonpath={.data.since}' -- kube-apiserver-legacy-service-account-token-tracking");
    expect(unknowns).toMatch(/pod in ci uses the Secret/);
    expect(unknowns).toContain('kube-apiserver-legacy-service-account-token-tracking');
    expect(unknowns).toMatch(/created/);
  });

  it('names no command for a service account name kubectl could read as an option', () => {
    const t = cleanerTimeline(row({ origin: 'unknown', serviceAccount: '--all', namespace: 'ci' }), settings, now);
    const origin = t.unknowns.find((u) => u.topic === 'origin')?.text;
    expect(origin).toMatch(/^Whether it is auto-generated \(only those are ever cleaned up\)\. The service account name "--all" is not a valid Kubernetes name/);
    expect(origin).not.toContain('kubectl get');
  });

  it('a bare token has no Secret to reason about', () => {
    expect(cleanerTimeline(row({ source: 'token-line' }), settings, now).verdict).toBe('no-secret');
  });
});
