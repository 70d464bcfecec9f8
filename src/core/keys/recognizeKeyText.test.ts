import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../testing/runInWorker';
import { recognizeKeyText } from './recognizeKeyText';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const body = (pem: string) => pem.replace(/-----[^-]+-----/g, '').trim();

describe('recognizeKeyText', () => {
  it('sorts the fixture key files', () => {
    expect(recognizeKeyText(fixture('keys/sa-rsa.pub.pem')).shape).toBe('pem');
    expect(recognizeKeyText(fixture('keys/cluster-jwks.json')).shape).toBe('json');
    expect(recognizeKeyText(fixture('keys/openid-configuration.json')).shape).toBe('json');
    expect(recognizeKeyText(fixture('keys/hmac-secret.txt')).shape).toBe('text');
    expect(recognizeKeyText('  \n').shape).toBe('empty');
  });

  it('claims anything key-like so it can never become an HMAC secret', () => {
    const brokenPem = fixture('keys/sa-rsa.pub.pem').replace('-----END PUBLIC KEY-----', '');
    expect(recognizeKeyText(brokenPem).shape).toBe('pem');
    expect(recognizeKeyText('{"kty": "RSA"').shape).toBe('json');
    expect(recognizeKeyText('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFJ0 user@host').shape).toBe('openssh');
    expect(recognizeKeyText(fixture('tokens/pod-bound.jwt')).shape).toBe('jwt');
  });

  it('recognises base64 DER of a key without PEM armour, but leaves short or non-key base64 as text', () => {
    const bare = recognizeKeyText(body(fixture('keys/sa-ec.pub.pem')));
    expect(bare).toMatchObject({ shape: 'der-base64', form: 'spki' });
    expect(recognizeKeyText(body(fixture('keys/sa-rsa.pkcs1.key.pem'))).shape).toBe('der-base64');
    expect(recognizeKeyText('hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg').shape).toBe('text');
    expect(recognizeKeyText(Buffer.from(new Uint8Array(64).fill(0x30)).toString('base64')).shape).toBe('text');
  });
});

describe('recognizeKeyText: linear on hostile input (hang guard, not a timing)', () => {
  it('finishes on a megabyte of dashes, of padding, or of base64 ending in padding', { timeout: 120_000 }, async () => {
    const MB = 1 << 20;
    for (const text of ['-'.repeat(MB), `${'='.repeat(MB)}A`, `MI${'A'.repeat(MB)}==`]) {
      const outcome = await runInWorker({ base: import.meta.url, module: './recognizeKeyText.ts', exportName: 'recognizeKeyText', args: [text] });
      expect(outcome).toMatchObject({ completed: true });
    }
  });
});
