import { describe, expect, it } from 'vitest';
import type { CandidateKey } from '../keys/candidateKey';
import { kidsOf, selectKeysByKid } from './selectKeys';

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

describe('selectKeysByKid', () => {
  it('tries every key when the token kid is missing or empty', () => {
    expect(ids(selectKeysByKid(null, [pem, jwk]))).toEqual([
      ['pem', 'token-has-no-kid', 'k8s-a'],
      ['jwk', 'token-has-no-kid', 'bilbo.baggins@hobbiton.example'],
    ]);
    expect(selectKeysByKid('', [pem, jwk]).selected).toHaveLength(2);
  });

  it('selects by the JWK kid or by the derived Kubernetes kid', () => {
    expect(ids(selectKeysByKid('bilbo.baggins@hobbiton.example', [pem, jwk]))).toEqual([['jwk', 'given-kid', 'bilbo.baggins@hobbiton.example']]);
    expect(ids(selectKeysByKid('k8s-b', [pem, jwk]))).toEqual([['jwk', 'kubernetes-kid', 'k8s-b']]);
    const { selected, notSelected } = selectKeysByKid('k8s-a', [pem, jwk]);
    expect(selected.map((s) => s.candidate.id)).toEqual(['pem']);
    expect(notSelected.map((c) => c.id)).toEqual(['jwk']);
  });

  it('selects nothing when no key has the kid, as kube-apiserver does', () => {
    const selection = selectKeysByKid('HTkjVhWq', [pem, jwk]);
    expect(selection.selected).toEqual([]);
    expect(selection.notSelected).toHaveLength(2);
  });

  it('still tries a bare secret, which has no kid to compare', () => {
    expect(ids(selectKeysByKid('018c0ae5-4d9b-471b-bfd6-eef314bc7037', [secret, pem]))).toEqual([['secret', 'key-has-no-kid', null]]);
  });

  it('lists a key\'s kids, given first', () => {
    expect(kidsOf(jwk)).toEqual(['bilbo.baggins@hobbiton.example', 'k8s-b']);
    expect(kidsOf(key('same', 'x', 'x'))).toEqual(['x']);
    expect(kidsOf(secret)).toEqual([]);
  });
});
