// Test-only: a deliberately catastrophic pattern, so the worker harness can prove it stops a hang.
export function catastrophicMatch(text: string): boolean {
  return /^(a+)+$/.test(text);
}
