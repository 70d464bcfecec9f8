import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { parseKeyInput } from '../keys/parseKeyInput';
import { verifyTokens } from './verifyTokens';

const tokens = [
  { id: 0, token: readFixture('tokens/legacy-secret.jwt') },
  { id: 1, token: null },
  { id: 2, token: readFixture('tokens/tampered-payload.jwt') },
  { id: 3, token: readFixture('tokens/secret-bound.jwt') },
];

describe('verifyTokens', () => {
  it('checks every token against keys parsed once, in batches', async () => {
    const keys = await parseKeyInput(readFixture('keys/cluster-jwks.json'), { secretEncoding: 'utf8' });
    const batches = [];
    for await (const b of verifyTokens(tokens, keys, 2)) batches.push(b);
    expect(batches.map((b) => b.done)).toEqual([3, 4]);
    expect(batches.flatMap((b) => b.results)).toEqual([
      { id: 0, state: 'verified' },
      { id: 2, state: 'invalid' },
      { id: 3, state: 'verified' },
    ]);
  });

  it('stops when cancelled', async () => {
    const keys = await parseKeyInput(readFixture('keys/sa-rsa.pub.pem'), { secretEncoding: 'utf8' });
    let seen = 0;
    for await (const b of verifyTokens(tokens, keys, 1, () => seen >= 1)) seen += b.results.length;
    expect(seen).toBe(1);
  });
});
