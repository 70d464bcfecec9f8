import { describe, expect, it } from 'vitest';
import { optionArguments, positionalArguments, runWithStubKubectl } from '../../testing/stubKubectl';
import { COMMAND_TEXTS, kubectlCommand, kubectlHint, kubectlTemplate, type KubectlSpec } from './kubectlCommand';

const deleteSecret = (namespace: string, name: string): KubectlSpec => ({ words: ['delete', 'secret'], namespace, name: { kind: 'secret', value: name } });

/** Names a token can carry that must never reach kubectl as options or a shell as code. */
const HOSTILE = ['--all', '-A', '--all-namespaces', '-l=x', '$(id)', '`id`', 'a;b', 'a b', "it's", 'a\nb', 'x\u202e', 'UPPER', '', 'a'.repeat(254)];

describe('kubectlCommand', () => {
  it('ends options with "--" before the name: kubectl <words> -n <ns> <options> -- <name>', () => {
    expect(kubectlCommand(deleteSecret('prod', 'builder-token-x'))).toEqual({ ok: true, value: 'kubectl delete secret -n prod -- builder-token-x' });
    expect(kubectlCommand({ words: ['create', 'token'], namespace: 'prod', options: ['--duration=1h'], name: { kind: 'service-account', value: 'builder' } })).toEqual({
      ok: true,
      value: 'kubectl create token -n prod --duration=1h -- builder',
    });
  });

  it('accepts the names the API server accepts, as long as IsDNS1123Subdomain allows (D10)', () => {
    expect(kubectlCommand(deleteSecret('prod', `${'a'.repeat(70)}.b`)).ok).toBe(true);
    expect(kubectlCommand(deleteSecret('prod', 'a'.repeat(253))).ok).toBe(true);
    expect(kubectlCommand(deleteSecret('a'.repeat(64), 'x')).ok).toBe(false);
  });

  it.each(HOSTILE.map((n) => [n]))('emits no command for the name %j, and says why', (name) => {
    for (const spec of [deleteSecret('prod', name), deleteSecret(name, 'x')]) {
      const got = kubectlCommand(spec);
      expect(got.ok).toBe(false);
      if (got.ok) continue;
      expect(got.error.code).toBe('invalid-name');
      expect(got.error.message).toContain(JSON.stringify(name).slice(0, 40));
      expect(got.error.message).toContain('is not a valid Kubernetes name');
      expect(got.error.message).toContain(COMMAND_TEXTS.noCommand);
    }
  });

  it('checks names written inside an option too', () => {
    const got = kubectlCommand({ words: ['auth', 'can-i'], namespace: 'prod', options: ['--list', '--as=system:serviceaccount:prod:--all'], embedded: [{ kind: 'service-account', value: '--all' }] });
    expect(got.ok).toBe(false);
  });

  it('names each invalid name once', () => {
    const got = kubectlCommand({ ...deleteSecret('-A', '-A'), embedded: [{ kind: 'secret', value: '-A' }] });
    expect(got.ok ? '' : got.error.message).toMatch(/^The namespace "-A" is not .*\. The Secret name "-A" is not .*\. No command/);
  });

  it('refuses a fixed word or option that could be read otherwise: a bug, not input', () => {
    expect(() => kubectlCommand({ words: ['delete', '--all'], namespace: 'prod' })).toThrow();
    expect(() => kubectlCommand({ words: ['get'], namespace: 'prod', options: ['secret'] })).toThrow();
  });

  it('writes templates with placeholders in the same shape', () => {
    expect(kubectlTemplate({ words: ['get', 'serviceaccount'], namespace: '<namespace>', options: ['--output=jsonpath={.secrets[*].name}'], name: { kind: 'service-account', value: '<name>' } })).toBe(
      "kubectl get serviceaccount -n <namespace> '--output=jsonpath={.secrets[*].name}' -- <name>",
    );
  });
});

describe('kubectlHint', () => {
  it('fills in known, valid names and puts a placeholder for the others', () => {
    const hint = (namespace: string | null, value: string | null) => kubectlHint({ words: ['create', 'token'], namespace, name: { kind: 'service-account', value } });
    expect(hint('ci', 'robot')).toBe('kubectl create token -n ci -- robot');
    expect(hint(null, 'robot')).toBe('kubectl create token -n <namespace> -- robot');
    expect(hint('-A', '--all')).toBe('kubectl create token -n <namespace> -- <service-account>');
    expect(hint('ci', '$(id)')).toBe('kubectl create token -n ci -- <service-account>');
  });
});

describe('kubectlCommand through a real shell, with a stub kubectl on PATH', () => {
  const valid: KubectlSpec[] = [
    deleteSecret('prod', 'builder-token-x'),
    { words: ['get', 'secret'], namespace: 'kube-system', options: ['--label-columns=kubernetes.io/legacy-token-last-used'], name: { kind: 'secret', value: 'a.b-c' } },
    { words: ['create', 'token'], namespace: 'prod', options: ['--duration=1h', "--audience=it's $(id) a;b"], name: { kind: 'service-account', value: 'x' } },
    { words: ['get', 'serviceaccount'], namespace: 'prod', options: ['--output=jsonpath={.secrets[*].name}'], name: { kind: 'service-account', value: 'default' } },
  ];

  it.each(['sh', 'bash'] as const)('%s hands kubectl exactly the arguments, the name after "--"', (shell) => {
    const script = valid.map((spec) => (kubectlCommand(spec) as { value: string }).value).join('\n');
    const run = runWithStubKubectl(script, shell);
    expect(run.stray).toBe('');
    expect(run.created).toEqual([]);
    expect(run.calls).toEqual([
      ['delete', 'secret', '-n', 'prod', '--', 'builder-token-x'],
      ['get', 'secret', '-n', 'kube-system', '--label-columns=kubernetes.io/legacy-token-last-used', '--', 'a.b-c'],
      ['create', 'token', '-n', 'prod', '--duration=1h', "--audience=it's $(id) a;b", '--', 'x'],
      ['get', 'serviceaccount', '-n', 'prod', '--output=jsonpath={.secrets[*].name}', '--', 'default'],
    ]);
    for (const [i, call] of run.calls.entries()) expect(positionalArguments(call).at(-1)).toBe(valid[i]?.name?.value);
  });

  it('the stub sees an option where the old shape put a hostile name (what "--" and the name check prevent)', () => {
    const [old] = runWithStubKubectl("kubectl delete secret --all -n prod", 'sh').calls;
    expect(optionArguments(old ?? [])).toContain('--all');
    const [ours] = runWithStubKubectl("kubectl delete secret -n prod -- '--all'", 'sh').calls;
    expect(optionArguments(ours ?? [])).toEqual(['-n']);
    expect(positionalArguments(ours ?? [])).toEqual(['delete', 'secret', '--all']);
  });
});
