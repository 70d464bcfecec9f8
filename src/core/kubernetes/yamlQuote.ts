/**
 * Writes an untrusted string as a YAML scalar that reads back as exactly that string, in YAML 1.1
 * and 1.2 parsers alike. Plain Kubernetes names stay plain; anything else (numbers, booleans,
 * `:`, `#`, quotes, line breaks, non-ASCII) becomes a double-quoted scalar with escapes.
 */
const PLAIN = /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*$/;
const RESERVED = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', 'nan', 'inf']);

export function yamlString(value: string): string {
  if (PLAIN.test(value) && !RESERVED.has(value)) return value;
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}
