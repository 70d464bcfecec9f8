// Test-only: runs generated commands through a real POSIX shell with a stub `kubectl` first on PATH,
// which records its arguments. What a user's shell would hand to kubectl is then known exactly.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Each call: its arguments as one record (\x1e ends a record, \x1f precedes each argument). */
const STUB = `#!/bin/sh
printf 'KUBECTL'
for a in "$@"; do printf '\\037%s' "$a"; done
printf '\\036'
`;

export interface ShellRun {
  /** The arguments of each kubectl call, in order. */
  calls: string[][];
  /** Anything printed outside a kubectl call: a command that was not kubectl ran. */
  stray: string;
  /** Files the script created in its working directory (for example by `$(touch x)`). */
  created: string[];
}

/** Runs `script` with `shell` (`sh` is dash on Debian; `bash`), with the stub kubectl on PATH. */
export function runWithStubKubectl(script: string, shell: 'sh' | 'bash'): ShellRun {
  const bin = mkdtempSync(join(tmpdir(), 'stub-kubectl-'));
  const work = mkdtempSync(join(tmpdir(), 'stub-work-'));
  try {
    writeFileSync(join(bin, 'kubectl'), STUB);
    chmodSync(join(bin, 'kubectl'), 0o755);
    const out = execFileSync(shell, ['-c', script], { cwd: work, encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, HOME: work } });
    const calls: string[][] = [];
    let stray = '';
    for (const record of out.split('\x1e')) {
      const at = record.indexOf('KUBECTL');
      if (at === -1) {
        stray += record;
        continue;
      }
      stray += record.slice(0, at);
      const args = record.slice(at + 'KUBECTL'.length);
      calls.push(args === '' ? [] : args.slice(1).split('\x1f'));
    }
    return { calls, stray, created: readdirSync(work) };
  } finally {
    rmSync(bin, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The positional arguments kubectl's flag parser (spf13/pflag) would see: everything after `--`,
 * and before it every argument that does not start with "-" and is not the value of `-n`.
 */
export function positionalArguments(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return [...out, ...args.slice(i + 1)];
    if (a === '-n') i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}

/** The options (flags) kubectl would see: the arguments before `--` that start with "-". */
export function optionArguments(args: readonly string[]): string[] {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).filter((a) => a.startsWith('-'));
}
