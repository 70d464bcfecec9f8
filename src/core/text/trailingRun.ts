/**
 * How many times `char` repeats at the end of `text`. An index loop instead of `/=+$/`: V8 tries a
 * trailing pattern at every start position, which is quadratic on a long run followed by another
 * character.
 */
export function trailingRunLength(text: string, char: string): number {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.length - end;
}

/** `text` without the run of `char` at its end. */
export function trimTrailing(text: string, char: string): string {
  return text.slice(0, text.length - trailingRunLength(text, char));
}
