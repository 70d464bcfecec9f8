import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { row } from '../../testing/auditRows';
import type { AuditRow } from './auditRow';
import { cleanupPlan } from './cleanupPlan';

const now = Date.parse('2026-01-15T09:30:00Z') / 1000;
const settings = { periodDays: 365, trackingSince: null };
/** What a POSIX shell would pass to kubectl. */
const argv = (command: string) => execFileSync('sh', ['-c', `for a in ${command}; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' }).split('\0').slice(0, -1);

describe('cleanupPlan', () => {
  const rows = [
    row({ id: 0, namespace: 'default', secretName: 'builder-0-token', serviceAccount: 'builder' }),
    row({ id: 1, namespace: 'default', secretName: 'builder-1-token', serviceAccount: 'builder' }),
    row({ id: 2, namespace: 'team a', secretName: "it's; rm -rf ~", serviceAccount: '$(whoami)' }),
    row({ id: 3, kind: 'pod-bound' }),
    row({ id: 4, namespace: null }),
  ];
  const plan = cleanupPlan(rows, settings, now);

  it('deletes each selected legacy Secret, with names quoted for a shell', () => {
    expect(plan.secrets.map((s) => s.deleteCommand)).toEqual([
      'kubectl delete secret builder-0-token -n default',
      'kubectl delete secret builder-1-token -n default',
      `kubectl delete secret 'it'\\''s; rm -rf ~' -n 'team a'`,
    ]);
    expect(argv(plan.secrets[2]?.deleteCommand ?? '')).toEqual(['kubectl', 'delete', 'secret', "it's; rm -rf ~", '-n', 'team a']);
  });

  it('one replacement per service account: kubectl create token and a projected volume', () => {
    expect(plan.replacements.map((r) => r.createToken)).toEqual(['kubectl create token builder -n default --duration=1h', `kubectl create token '$(whoami)' -n 'team a' --duration=1h`]);
    expect(plan.replacements[0]?.projectedVolume).toContain('serviceAccountToken:');
    expect(plan.replacements[0]?.projectedVolume).toContain('serviceAccountName: builder');
  });

  it('lists each unknown once: in general terms when it differs per Secret', () => {
    expect(plan.unknowns).toHaveLength(5);
    expect(plan.unknowns[0]).toMatch(/^Whether each Secret is auto-generated/);
    expect(cleanupPlan([rows[0] as AuditRow], settings, now).unknowns[0]).toContain('kubectl get serviceaccount builder -n default');
  });

  it('leaves out bound tokens and rows without a name, saying why', () => {
    expect(plan.leftOut.map((l) => [l.row.id, l.reason])).toEqual([
      [3, expect.stringMatching(/pod-bound token, not a legacy/)],
      [4, expect.stringMatching(/namespace or Secret name is not known/)],
    ]);
  });

  it('the copyable text runs as a shell script: only the commands are not comments', () => {
    const commands = plan.text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(commands.every((c) => c.startsWith('kubectl '))).toBe(true);
    expect(commands.filter((c) => c.startsWith('kubectl delete'))).toHaveLength(3);
    expect(plan.text).toContain('# default/builder-0-token: If auto-generated, eligible now');
    expect(plan.text).toContain('kube-apiserver-legacy-service-account-token-tracking');
  });

  it('run by a shell, the plan calls only kubectl, whatever the names hold', () => {
    const hostile = [row({ namespace: 'x', secretName: 'a\necho PWNED $(echo PWNED)', serviceAccount: "b'\necho PWNED" })];
    const script = cleanupPlan(hostile, settings, now).text;
    // kubectl prints its arguments as one record; anything else that ran would print outside a record.
    const out = execFileSync('sh', ['-c', `kubectl() { printf 'CALL'; printf '\\037%s' "$@"; printf '\\036'; }\n${script}`], { encoding: 'utf8' });
    const records = out.split('\x1e').filter(Boolean);
    expect(records.every((r) => r.startsWith('CALL\x1f'))).toBe(true);
    expect(records.map((r) => r.split('\x1f').slice(1))).toContainEqual(['delete', 'secret', 'a\necho PWNED $(echo PWNED)', '-n', 'x']);
    expect(records.map((r) => r.split('\x1f').slice(1, 4))).toContainEqual(['create', 'token', "b'\necho PWNED"]);
  });
});
