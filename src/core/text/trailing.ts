/**
 * Where a trailing run of `char` starts: an index loop, linear on any input. The regex `/=+$/`
 * looks simple but V8 retries it from every `=` of a long run that is not at the end
 * ("====…x"), which is quadratic: 80,000 characters take seconds.
 */
export function trailingRunStart(text: string, char: string): number {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return end;
}

/** `text` without its trailing run of `char` ("abc==" → "abc"). */
export function withoutTrailing(text: string, char: string): string {
  const end = trailingRunStart(text, char);
  return end === text.length ? text : text.slice(0, end);
}

/** How many times `char` repeats at the end of `text` ("abc==" → 2). */
export function trailingRunLength(text: string, char: string): number {
  return text.length - trailingRunStart(text, char);
}
