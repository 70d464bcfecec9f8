/**
 * Quotes one argument for a POSIX shell (sh, bash, zsh). Names from a token are untrusted, so
 * anything beyond a conservative set of characters is wrapped in single quotes, inside which the
 * shell expands nothing; a single quote itself becomes '\''.
 */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(value: string): string {
  if (SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Joins arguments into one command line, quoting each as needed. */
export function shellCommand(args: string[]): string {
  return args.map(shellQuote).join(' ');
}
