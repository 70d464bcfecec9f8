/**
 * Characters that change how text looks without being seen: bidi controls (which can make
 * "system:serviceaccount:a:b" display as something else), zero-width characters, other format
 * characters and controls. Claims are untrusted, so these are shown as visible markers.
 */
const INVISIBLE_RANGES: [number, number][] = [
  [0x0000, 0x0008],
  [0x000b, 0x000c],
  [0x000e, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfff8],
  [0xe0000, 0xe007f],
];

function isInvisible(cp: number): boolean {
  return INVISIBLE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

export interface RevealedText {
  text: string;
  /** How many hidden characters were made visible. */
  hidden: number;
}

export function revealInvisible(value: string): RevealedText {
  let hidden = 0;
  let text = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isInvisible(cp)) {
      hidden++;
      text += `⟦U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟧`;
    } else text += ch;
  }
  return hidden === 0 ? { text: value, hidden } : { text, hidden };
}

/**
 * The same characters as JSON escapes (\u202e), so a JSON document stays exactly the same
 * document (JSON.parse gives back the same strings) while the hidden characters become visible.
 */
export function escapeInvisibleInJson(json: string): RevealedText {
  let hidden = 0;
  let text = '';
  for (const ch of json) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isInvisible(cp)) {
      text += ch;
      continue;
    }
    hidden++;
    for (let i = 0; i < ch.length; i++) text += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return hidden === 0 ? { text: json, hidden } : { text, hidden };
}
