import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { parseKeyInput } from './parseKeyInput';
import { publicKeySet } from './publicKeySet';

describe('publicKeySet', () => {
  it('keeps only public members of keys pasted as private keys, with the Kubernetes kid', async () => {
    const keys = await parseKeyInput(`${readFixture('keys/sa-rsa.pkcs1.key.pem')}\n${readFixture('keys/sa-ec.key.pem')}`, { secretEncoding: 'utf8' });
    const set = publicKeySet(keys.candidates);
    expect(set.keys.map((k) => (k as { kid?: string }).kid)).toEqual(['c0eSayKH-WrWn6IO3oCrVQS-cz6tQBw3_OxIET0Y_VQ', 'IsfKdZRDAKoTXC6bDBanu2u2W1Cc4tD2BRn-sti0LjM']);
    for (const k of set.keys) for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(k).not.toHaveProperty(m);
    // What is stored must itself be a usable key set.
    const again = await parseKeyInput(JSON.stringify(set), { secretEncoding: 'utf8' });
    expect(again.kind).toBe('jwks');
    expect(again.candidates).toHaveLength(2);
  });

  it('never includes an HMAC secret', async () => {
    const keys = await parseKeyInput('my-hmac-secret-that-is-long-enough-32', { secretEncoding: 'utf8', textIsHmacSecret: true });
    expect(keys.candidates).toHaveLength(1);
    expect(publicKeySet(keys.candidates)).toEqual({ keys: [] });
  });
});
