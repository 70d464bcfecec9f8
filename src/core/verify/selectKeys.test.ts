import { describe, expect, it } from 'vitest';
import type { CandidateKey } from '../keys/candidateKey';
import { kidsOf, kubernetesKeySelection, ownKid, selectKeysByKid } from './selectKeys';

const key = (id: string, kubernetesKid: string | null, givenKid?: string): CandidateKey => ({
  id,
  label: id,
  kty: kubernetesKid ? 'RSA' : 'oct',
  kubernetesKid,
  thumbprint: null,
  fromPrivateKey: false,
  publicJwk: {},
  notes: [],
  ...(givenKid !== undefined && { givenKid }),
});

const pem = key('pem', 'k8s-a');
const jwk = key('jwk', 'k8s-b', 'bilbo.baggins@hobbiton.example');
const secret = key('secret', null);
const ids = (selection: ReturnType<typeof selectKeysByKid>) => selection.selected.map((s) => [s.candidate.id, s.reason, s.kid]);

describe('selectKeysByKid: JOSE selection', () => {
  it('tries every key when the token kid is missing or empty', () => {
    expect(ids(selectKeysByKid(null, [pem, jwk]))).toEqual([
      ['pem', 'token-has-no-kid', 'k8s-a'],
      ['jwk', 'token-has-no-kid', 'bilbo.baggins@hobbiton.example'],
    ]);
    expect(selectKeysByKid('', [pem, jwk]).selected).toHaveLength(2);
  });

  it('selects a key that declares a kid only by that kid, never by its derived kid', () => {
    expect(ids(selectKeysByKid('bilbo.baggins@hobbiton.example', [jwk]))).toEqual([['jwk', 'given-kid', 'bilbo.baggins@hobbiton.example']]);
    const byDerived = selectKeysByKid('k8s-b', [jwk]);
    expect(byDerived.selected).toEqual([]);
    expect(byDerived.notSelected.map((c) => c.id)).toEqual(['jwk']);
  });

  it('tries a key that declares no kid (a PEM, a secret) whatever the token kid, showing its own kid', () => {
    expect(ids(selectKeysByKid('some-other-kid', [pem, secret, jwk]))).toEqual([
      ['pem', 'key-declares-no-kid', 'k8s-a'],
      ['secret', 'key-declares-no-kid', null],
    ]);
  });

  it("lists a key's kids, given first, and shows its own kid", () => {
    expect(kidsOf(jwk)).toEqual(['bilbo.baggins@hobbiton.example', 'k8s-b']);
    expect(kidsOf(key('same', 'x', 'x'))).toEqual(['x']);
    expect(kidsOf(secret)).toEqual([]);
    expect([ownKid(jwk), ownKid(pem), ownKid(secret)]).toEqual(['bilbo.baggins@hobbiton.example', 'k8s-a', null]);
  });
});

describe('kubernetesKeySelection: what kube-apiserver 1.31+ would select', () => {
  it('selects by the derived kid only, ignoring a JWK kid; an empty or missing token kid selects every key', () => {
    expect(kubernetesKeySelection('k8s-a', pem)).toEqual({ derivedKid: 'k8s-a', tokenKid: 'k8s-a', selects: true });
    expect(kubernetesKeySelection('bilbo.baggins@hobbiton.example', jwk)).toEqual({ derivedKid: 'k8s-b', tokenKid: 'bilbo.baggins@hobbiton.example', selects: false });
    expect(kubernetesKeySelection('', pem)?.selects).toBe(true);
    expect(kubernetesKeySelection(null, pem)?.selects).toBe(true);
    expect(kubernetesKeySelection('k8s-a', secret)).toBeNull();
  });
});
