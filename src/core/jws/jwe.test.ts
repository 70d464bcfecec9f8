import { describe, expect, it } from 'vitest';
import { describeJwe } from './jwe';

describe('describeJwe', () => {
  it('reads the protected header and the part sizes', () => {
    const header = Buffer.from('{"alg":"RSA-OAEP","enc":"A256GCM"}').toString('base64url');
    const jwe = describeJwe(`${header}.${Buffer.alloc(256).toString('base64url')}.${Buffer.alloc(12).toString('base64url')}.Y2lwaGVy.${Buffer.alloc(16).toString('base64url')}`);
    expect(jwe).toEqual({
      header: { alg: 'RSA-OAEP', enc: 'A256GCM' },
      alg: 'RSA-OAEP',
      enc: 'A256GCM',
      sizes: { encryptedKey: 256, iv: 12, ciphertext: 6, tag: 16 },
    });
  });

  it('survives an unreadable header', () => {
    expect(describeJwe('!!.a.b.c.d').header).toBeNull();
  });
});
