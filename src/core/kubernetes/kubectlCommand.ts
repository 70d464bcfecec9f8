import { fail, ok, type Problem, type Result } from '../result';
import { checkName, type NameKind } from './kubernetesNames';
import { shellCommand, shellQuote } from './shellQuote';

/**
 * Every kubectl command the app generates is built here, in one shape:
 *
 *   kubectl <words> -n <namespace> <options> -- <name>
 *
 * Names come from untrusted tokens and pastes. Quoting stops the shell from reading them as code,
 * but not kubectl from reading `--all` or `-A` as its own flags, so every name is first checked as
 * the API server would (`checkName`) and the object's name comes after `--`, which ends option
 * parsing (spf13/pflag, which kubectl's commands use). Options are whole arguments (`--output=…`),
 * so a value can never be read as a separate argument.
 */

/** Flags are those of kubectl 1.31 (kubernetes/kubectl pkg/cmd @ v0.31.0). */
export const KUBECTL_MIN_VERSION = '1.31';

/** The texts around generated commands (one home for each). */
export const COMMAND_TEXTS = {
  /** Said once beside each group of commands. */
  assumptions: `Commands are for kubectl ${KUBECTL_MIN_VERSION} or later in a POSIX shell (sh, bash, zsh): names are quoted for it, and "--" ends kubectl's options before a name.`,
  /** The caption of the copy button of a command. */
  copyCaption: 'Copy (POSIX shell)',
  /** Ends the warning shown instead of a command. */
  noCommand: 'No command is generated for it: the API server cannot hold such an object, and kubectl could read the name as something else (an option such as --all).',
  /** Ends the warning shown instead of a manifest. */
  noManifest: 'No manifest is generated for it: the API server would refuse it.',
} as const;

export interface NameArgument {
  kind: NameKind;
  value: string;
}

export interface KubectlSpec {
  /** Fixed words after `kubectl`: `['delete', 'secret']`. */
  words: readonly string[];
  namespace: string;
  /** Whole options after the namespace, each starting with "-": `--duration=1h`, `--list`. */
  options?: readonly string[];
  /** The object the command acts on, written after `--`. */
  name?: NameArgument;
  /** Names written inside an option (`--as=system:serviceaccount:<ns>:<sa>`), checked too. */
  embedded?: readonly NameArgument[];
}

const WORD = /^[a-z][-a-z]*$/;

function argumentsOf(spec: KubectlSpec): string[] {
  // Fixed words and options come from this code base, never from a token: a wrong one is a bug.
  for (const w of spec.words) if (!WORD.test(w)) throw new Error(`kubectl word ${JSON.stringify(w)} is not a plain word`);
  for (const o of spec.options ?? []) if (!o.startsWith('-')) throw new Error(`kubectl option ${JSON.stringify(o)} does not start with "-"`);
  const args = ['kubectl', ...spec.words, '-n', spec.namespace, ...(spec.options ?? [])];
  if (spec.name) args.push('--', spec.name.value);
  return args;
}

/**
 * Null when every name is one the API server accepts; otherwise an `invalid-name` problem naming
 * each bad name once, followed by `consequence` (what is not generated).
 */
export function refuseInvalidNames(names: readonly NameArgument[], consequence: string): Problem | null {
  const problems = names.map((n) => checkName(n.kind, n.value)).filter((p) => p !== null);
  if (problems.length === 0) return null;
  const unique = [...new Map(problems.map((p) => [`${p.kind}\0${p.value}`, p])).values()];
  return { code: 'invalid-name', message: `${unique.map((p) => `${p.message}.`).join(' ')} ${consequence}` };
}

/**
 * The command, quoted for a POSIX shell; or, when a name is not one the API server accepts, a
 * problem (`invalid-name`) whose message says which and that no command is given.
 */
export function kubectlCommand(spec: KubectlSpec): Result<string> {
  const names: NameArgument[] = [{ kind: 'namespace', value: spec.namespace }, ...(spec.embedded ?? []), ...(spec.name ? [spec.name] : [])];
  const refused = refuseInvalidNames(names, COMMAND_TEXTS.noCommand);
  return refused ? fail(refused) : ok(shellCommand(argumentsOf(spec)));
}

/** `<namespace>` or `--flag=<name>`: left unquoted in a template. */
const PLACEHOLDER_ARGUMENT = /^(--[a-z-]+=)?<[a-z-]+>$/;

/**
 * The same command with placeholders such as `<namespace>` for prose ("… lists them"): the same
 * shape, not checked, placeholders left unquoted. Only for text that names no real object.
 */
export function kubectlTemplate(spec: KubectlSpec): string {
  return argumentsOf(spec)
    .map((a) => (PLACEHOLDER_ARGUMENT.test(a) ? a : shellQuote(a)))
    .join(' ');
}

const PLACEHOLDERS: Record<NameKind, string> = { namespace: '<namespace>', secret: '<name>', 'service-account': '<service-account>', configmap: '<name>' };

/**
 * For a hint in prose: the command for these names when they are known and valid, otherwise the
 * same command with a placeholder in place of each missing or invalid name.
 */
export function kubectlHint(spec: Omit<KubectlSpec, 'namespace' | 'name' | 'embedded'> & { namespace: string | null; name?: { kind: NameKind; value: string | null } }): string {
  const usable = (kind: NameKind, value: string | null) => (value !== null && checkName(kind, value) === null ? value : PLACEHOLDERS[kind]);
  const name = spec.name ? { kind: spec.name.kind, value: usable(spec.name.kind, spec.name.value) } : undefined;
  return kubectlTemplate({ ...spec, namespace: usable('namespace', spec.namespace), name });
}

/**
 * How kubectl asks for a token bound to an object, for prose. kubectl refuses --bound-object-kind
 * without --bound-object-name, and offers Node without KUBECTL_NODE_BOUND_TOKENS=true only from
 * kubectl 1.31 (kubernetes/kubectl pkg/cmd/create/create_token.go @ v0.31.0; v0.29.0 and v0.30.0
 * check the variable).
 */
export function boundTokenCommand(kind: 'Pod' | 'Secret' | 'Node'): string {
  return kubectlTemplate({
    words: ['create', 'token'],
    namespace: '<namespace>',
    options: [`--bound-object-kind=${kind}`, `--bound-object-name=<${kind.toLowerCase()}>`],
    name: { kind: 'service-account', value: '<service-account>' },
  });
}
