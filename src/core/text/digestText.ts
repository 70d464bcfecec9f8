/**
 * SHA-256 of a text's UTF-8 bytes, as hex: a short, collision-resistant name for a text that may
 * be a megabyte long (a cache key must not hold the text itself, and must never let one key's
 * result stand for another's).
 */
export async function digestText(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
