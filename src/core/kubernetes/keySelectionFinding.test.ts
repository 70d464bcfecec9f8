import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { parseKeyInput } from '../keys/parseKeyInput';
import { verifySignature } from '../verify/verifySignature';
import { keySelectionFinding } from './keySelectionFinding';

const vector = (file: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/vectors/${file}`, import.meta.url), 'utf8')) as { token: string; key: { pem: string } };

// RFC 7520 4.1: an RS256 token with kid "bilbo.baggins@hobbiton.example", verified with its PEM
// public key, whose Kubernetes-derived kid is something else.
async function verifiedWithOtherKid() {
  const v = vector('rfc7520-4.1-rs256.json');
  return verifySignature(decodeToken(v.token), await parseKeyInput(v.key.pem, { secretEncoding: 'utf8' }));
}

describe('keySelectionFinding (kid-mismatch)', () => {
  it('warns that the latest kube-apiserver refuses a token verified only by a key it would not select', async () => {
    const signature = await verifiedWithOtherKid();
    expect(signature.state).toBe('verified');
    const finding = keySelectionFinding(signature);
    expect(finding).toMatchObject({ code: 'kid-mismatch', severity: 'warning' });
    expect(finding?.explanation).toMatch(/bilbo\.baggins@hobbiton\.example/);
    expect(finding?.explanation).toMatch(/The latest release \(1\.36\) refuses the token/);
  });

  it('says 1.30 still accepts it, and says nothing with an external signer or a failed check', async () => {
    const signature = await verifiedWithOtherKid();
    expect(keySelectionFinding(signature, { version: '1.30' })?.explanation).toMatch(/Kubernetes 1\.30 tries every key and accepts it/);
    expect(keySelectionFinding(signature, { externalSigner: true })?.explanation).toMatch(/accepts it/);
    expect(keySelectionFinding({ ...signature, state: 'invalid' })).toBeNull();
    expect(keySelectionFinding(null)).toBeNull();
  });
});
