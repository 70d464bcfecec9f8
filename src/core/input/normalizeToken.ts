/** Characters a compact token is made of, allowing standard base64 and padding (tolerated later). */
const TOKEN_CHARS = /^[A-Za-z0-9_\-+/=.]+$/;

export interface NormalizedToken {
  token: string;
  notes: string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Removes what copying from terminals, YAML, JSON strings and chat windows adds to a token:
 * surrounding and embedded quotes, whitespace and line breaks, backslash line continuations.
 */
export function normalizeTokenText(text: string): NormalizedToken {
  const notes: string[] = [];
  const breaks = (text.trim().match(/\r?\n/g) ?? []).length;
  const quotes = (text.match(/["'`]/g) ?? []).length;
  const backslashes = (text.match(/\\/g) ?? []).length;
  const spaces = (text.trim().match(/[ \t]/g) ?? []).length;
  const token = text.replace(/[\s"'`\\]+/g, '');
  if (breaks) notes.push(`Removed ${plural(breaks, 'line break')} inside the token.`);
  if (spaces) notes.push(`Removed ${plural(spaces, 'space')} inside the token.`);
  if (quotes) notes.push(`Removed ${plural(quotes, 'quote')}.`);
  if (backslashes) notes.push(`Removed ${plural(backslashes, 'backslash')}.`);
  return { token, notes };
}

export function looksLikeTokenText(token: string): boolean {
  return TOKEN_CHARS.test(token);
}
