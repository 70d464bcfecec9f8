import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../testing/runInWorker';
import { decodeSecretText } from './secret';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('decodeSecretText', () => {
  it('uses UTF-8 text as is, minus one trailing line break, and says so', () => {
    const file = decodeSecretText('a-shared-secret-of-at-least-32-bytes!!\n', 'utf8');
    expect(file.ok && text(file.value.bytes)).toBe('a-shared-secret-of-at-least-32-bytes!!');
    expect(file.ok && file.value.notes[0]).toMatch(/trailing line break was removed/);
    const twoBreaks = decodeSecretText('s3cret\r\n\n', 'utf8');
    expect(twoBreaks.ok && text(twoBreaks.value.bytes)).toBe('s3cret\r\n');
    const plain = decodeSecretText('pässword', 'utf8');
    expect(plain.ok && [plain.value.bytes.length, plain.value.notes]).toEqual([9, []]);
  });

  it('decodes base64 and base64url, ignoring line breaks and padding', () => {
    const b64 = decodeSecretText('hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG+Onbc6mxCcYg=\n', 'base64');
    const b64u = decodeSecretText('hJtXIZ2uSN5kbQfbtTNWbpdm\nhkV8FJG-Onbc6mxCcYg', 'base64url');
    const hex = '849b57219dae48de646d07dbb533566e976686457c1491be3a76dcea6c427188';
    expect(b64.ok && Buffer.from(b64.value.bytes).toString('hex')).toBe(hex);
    expect(b64u.ok && Buffer.from(b64u.value.bytes).toString('hex')).toBe(hex);
    expect(b64u.ok && b64u.value.notes).toEqual(['Spaces and line breaks inside the encoded secret were ignored.']);
  });

  it('names the first character that does not belong, with a hint', () => {
    expect(decodeSecretText('abc-def', 'base64')).toMatchObject({ ok: false, error: { code: 'bad-secret-encoding', offset: 3, message: 'The secret is not base64: character 4 is "-". It looks like base64url: choose base64url.' } });
    expect(decodeSecretText('ab/d', 'base64url')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/character 3 is "\/". It looks like standard base64/) } });
    expect(decodeSecretText('pass word!', 'base64')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/character 10 is "!". Or choose UTF-8 text/) } });
    expect(decodeSecretText('abcde', 'base64')).toMatchObject({ ok: false, error: { code: 'bad-secret-length' } });
  });

  it('refuses an empty secret', () => {
    expect(decodeSecretText('\n', 'utf8')).toMatchObject({ ok: false, error: { code: 'empty-secret' } });
    expect(decodeSecretText('==', 'base64')).toMatchObject({ ok: false, error: { code: 'empty-secret' } });
  });
});

describe('decodeSecretText: linear on hostile input (hang guard, not a timing)', () => {
  it('finishes on a megabyte of "=" followed by another character', { timeout: 120_000 }, async () => {
    // `/=*$/` retried the run from every "=": quadratic in V8.
    for (const encoding of ['base64', 'base64url'] as const) {
      const outcome = await runInWorker({ base: import.meta.url, module: './secret.ts', exportName: 'decodeSecretText', args: [`${'='.repeat(1 << 20)}a`, encoding] });
      expect(outcome).toMatchObject({ completed: true });
    }
  });
});
