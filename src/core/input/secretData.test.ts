import { describe, expect, it } from 'vitest';
import { decodeSecretData, decodeSecretText } from './secretData';

describe('decodeSecretData', () => {
  it('decodes padded standard base64, ignoring line breaks from folded YAML', () => {
    const r = decodeSecretText('ZGVm\n  YXVsdA==');
    expect(r).toEqual({ ok: true, text: 'default', notes: [] });
  });

  it('decodes bytes beyond ASCII', () => {
    const bytes = Uint8Array.from([0, 255, 254, 1, 128]);
    const r = decodeSecretData(Buffer.from(bytes).toString('base64'));
    expect(r.ok && [...r.bytes]).toEqual([...bytes]);
  });

  it('tolerates missing padding and the url alphabet, with a note each', () => {
    const missing = decodeSecretText('ZGVmYXVsdA');
    expect(missing.ok && missing.text).toBe('default');
    expect(missing.ok && missing.notes.join(' ')).toMatch(/padding/);
    const url = decodeSecretData(Buffer.from([251, 255]).toString('base64url'));
    expect(url.ok && [...url.bytes]).toEqual([251, 255]);
    expect(url.ok && url.notes.join(' ')).toMatch(/base64url/);
  });

  it.each([
    ['a!b', /"!"/],
    ['abcde', /cannot be decoded/],
  ])('refuses %j', (value, message) => {
    const r = decodeSecretData(value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('refuses bytes that are not UTF-8 text when text is wanted', () => {
    const r = decodeSecretText(Buffer.from([0xc3, 0x28]).toString('base64'));
    expect(r.ok).toBe(false);
  });
});
