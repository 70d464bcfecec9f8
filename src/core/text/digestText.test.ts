import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestText } from './digestText';

describe('digestText', () => {
  it('is the SHA-256 of the UTF-8 bytes, so texts differing in one character never share it', async () => {
    for (const text of ['', 'a-shared-secret', 'é\u202e', 'x'.repeat(300_000)]) {
      expect(await digestText(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(await digestText('key A')).not.toBe(await digestText('key B'));
  });
});
