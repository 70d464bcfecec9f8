import { describe, expect, it } from 'vitest';
import { row } from '../../testing/auditRows';
import { optionArguments, positionalArguments, runWithStubKubectl } from '../../testing/stubKubectl';
import type { AuditRow } from './auditRow';
import { cleanupPlan } from './cleanupPlan';

const now = Date.parse('2026-01-15T09:30:00Z') / 1000;
const settings = { periodDays: 365, trackingSince: null };

describe('cleanupPlan', () => {
  const rows = [
    row({ id: 0, namespace: 'default', secretName: 'builder-0-token', serviceAccount: 'builder' }),
    row({ id: 1, namespace: 'default', secretName: 'builder-1-token', serviceAccount: 'builder' }),
    row({ id: 2, namespace: 'team-a', secretName: 'web-token-x', serviceAccount: 'web' }),
    row({ id: 3, kind: 'pod-bound' }),
    row({ id: 4, namespace: null }),
  ];
  const plan = cleanupPlan(rows, settings, now);

  it('deletes each selected legacy Secret: options first, then "--" and the name', () => {
    expect(plan.secrets.map((s) => s.deleteCommand)).toEqual([
      'kubectl delete secret -n default -- builder-0-token',
      'kubectl delete secret -n default -- builder-1-token',
      'kubectl delete secret -n team-a -- web-token-x',
    ]);
    expect(plan.secrets[0]?.checkCommand).toBe('kubectl get secret -n default --label-columns=kubernetes.io/legacy-token-last-used,kubernetes.io/legacy-token-invalid-since -- builder-0-token');
    expect(plan.warnings).toEqual([]);
  });

  it('one replacement per service account: kubectl create token and a projected volume', () => {
    expect(plan.replacements.map((r) => r.createToken)).toEqual(['kubectl create token -n default --duration=1h -- builder', 'kubectl create token -n team-a --duration=1h -- web']);
    expect(plan.replacements[0]?.projectedVolume).toContain('serviceAccountToken:');
    expect(plan.replacements[0]?.projectedVolume).toContain('serviceAccountName: builder');
  });

  it('lists each unknown once: in general terms when it differs per Secret', () => {
    expect(plan.unknowns).toHaveLength(5);
    expect(plan.unknowns[0]).toMatch(/^Whether each Secret is auto-generated/);
    expect(cleanupPlan([rows[0] as AuditRow], settings, now).unknowns[0]).toContain("kubectl get serviceaccount -n default '--output=jsonpath={.secrets[*].name}' -- builder");
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

  it('says which commands assume what: kubectl 1.31 or later, a POSIX shell', () => {
    expect(plan.text).toMatch(/^# Clean-up plan for 3 legacy .*\n# Commands are for kubectl 1\.31 or later in a POSIX shell/);
  });
});

describe('cleanupPlan: names from an untrusted paste', () => {
  const hostile = [
    row({ id: 0, namespace: 'prod', secretName: '--all', serviceAccount: 'builder' }),
    row({ id: 1, namespace: '-A', secretName: 'x-token', serviceAccount: 'x' }),
    row({ id: 2, namespace: 'prod', secretName: 'a\necho PWNED $(echo PWNED)', serviceAccount: 'b' }),
    row({ id: 3, namespace: 'prod', secretName: 'a;b', serviceAccount: 'c' }),
    row({ id: 4, namespace: 'prod', secretName: 'fine-token', serviceAccount: "b'\necho PWNED $(id)" }),
    row({ id: 5, namespace: 'prod', secretName: 'web-token', serviceAccount: 'web' }),
  ];
  const plan = cleanupPlan(hostile, settings, now);

  it('a Secret named --all gets a warning, never `kubectl delete secret --all`', () => {
    expect(plan.secrets.map((s) => s.row.id)).toEqual([4, 5]);
    expect(plan.warnings[0]).toBe(
      'prod/--all: The Secret name "--all" is not a valid Kubernetes name (lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit, at most 253 characters). No command is generated for it: the API server cannot hold such an object, and kubectl could read the name as something else (an option such as --all).',
    );
    expect(plan.warnings[1]).toMatch(/^-A\/x-token: The namespace "-A" is not a valid Kubernetes name/);
    expect(plan.warnings).toHaveLength(5);
    expect(plan.warnings[4]).toMatch(/^The service account name "b'\\necho PWNED \$\(id\)" is not a valid Kubernetes name/);
    expect(plan.replacements.map((r) => r.serviceAccount)).toEqual(['web']);
    expect(plan.leftOut).toEqual([]);
  });

  it.each(['sh', 'bash'] as const)('run by %s with a stub kubectl on PATH, the plan never hands kubectl a hostile name, as an option or at all', (shell) => {
    const run = runWithStubKubectl(plan.text, shell);
    expect(run.stray).toBe('');
    expect(run.created).toEqual([]);
    expect(run.calls).toEqual([
      ['create', 'token', '-n', 'prod', '--duration=1h', '--', 'web'],
      ['get', 'secret', '-n', 'prod', '--label-columns=kubernetes.io/legacy-token-last-used,kubernetes.io/legacy-token-invalid-since', '--', 'fine-token'],
      ['get', 'secret', '-n', 'prod', '--label-columns=kubernetes.io/legacy-token-last-used,kubernetes.io/legacy-token-invalid-since', '--', 'web-token'],
      ['delete', 'secret', '-n', 'prod', '--', 'fine-token'],
      ['delete', 'secret', '-n', 'prod', '--', 'web-token'],
    ]);
    for (const call of run.calls) {
      expect(optionArguments(call).every((o) => o === '-n' || /^--(duration|label-columns)=/.test(o))).toBe(true);
      expect(positionalArguments(call).length).toBe(3);
    }
    // The warnings are in the script, as comments.
    expect(plan.text).toContain('# - prod/--all: The Secret name "--all" is not a valid Kubernetes name');
  });
});
