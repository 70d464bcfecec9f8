import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken, type JsonObject } from '../jws/decodeToken';
import { apiServerVerdict, type ClaimPolicy } from './apiServerVerdict';
import { VERDICT_CATALOGUE } from './verdictCatalogue';
import type { SignatureResult, SignatureState } from '../verify/verifySignature';
import { createPrivateKey, sign } from 'node:crypto';
import { parseKeyInput } from '../keys/parseKeyInput';
import { verifySignature } from '../verify/verifySignature';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const manifest = JSON.parse(fixture('MANIFEST.json')) as { issuer: string; apiAudiences: string[]; iat: number; keys: Record<string, { kid: string }> };
const claimsOf = (file: string) => decodeToken(fixture(file).trim()).claims as JsonObject;
const NOW = manifest.iat + 600;
const policy = (over: Partial<ClaimPolicy> = {}): ClaimPolicy => ({ issuers: [manifest.issuer], audiences: [], nowSeconds: NOW, ...over });
const signature = (state: SignatureState, alg = 'RS256'): SignatureResult => ({ state, message: `signature ${state}`, alg, tokenKid: null, kubernetesAlgorithm: null, attempts: [], kidsPresent: [], notes: [], warnings: [] });
const VERIFIED = signature('verified');
const codes = (v: { reasons: { code: string }[] }) => v.reasons.map((r) => r.code);

describe('apiServerVerdict: fixture tokens under the cluster policy', () => {
  it.each(['pod-bound.jwt', 'pod-bound-extended.jwt', 'unbound-tokenrequest.jwt', 'secret-bound.jwt', 'node-bound.jwt', 'legacy-secret.jwt'])('accepts %s', (file) => {
    const verdict = apiServerVerdict(claimsOf(`tokens/${file}`), policy(), VERIFIED);
    expect(verdict.reasons).toEqual([]);
    expect(verdict.accepted).toBe(true);
    expect(verdict.targetAudiences).toEqual(manifest.apiAudiences);
  });

  it('refuses custom-audience.jwt with kube-apiserver\'s own words', () => {
    const verdict = apiServerVerdict(claimsOf('tokens/custom-audience.jwt'), policy(), VERIFIED);
    expect(verdict.accepted).toBe(false);
    expect(verdict.reasons).toEqual([
      { code: 'audience-mismatch', message: expect.stringContaining('token audiences ["vault" "sts.amazonaws.com"] is invalid for the target audiences ["https://kubernetes.default.svc.cluster.local"]') },
    ]);
  });

  it('defaults the audiences to the issuers, like --api-audiences, and uses given audiences instead when set', () => {
    expect(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ issuers: [manifest.issuer, 'https://old'] })).targetAudiences).toEqual([manifest.issuer, 'https://old']);
    expect(apiServerVerdict(claimsOf('tokens/custom-audience.jwt'), policy({ audiences: ['vault'] }), VERIFIED).accepted).toBe(true);
    expect(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ audiences: ['vault'] }), VERIFIED).accepted).toBe(false);
  });

  it('accepts any of several issuers', () => {
    const verdict = apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ issuers: ['https://new.example', manifest.issuer], audiences: manifest.apiAudiences }), VERIFIED);
    expect(verdict.accepted).toBe(true);
  });
});

describe('apiServerVerdict: bound tokens', () => {
  it('refuses an issuer that is not configured', () => {
    const verdict = apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ issuers: ['https://other.example'], audiences: manifest.apiAudiences }), VERIFIED);
    expect(verdict.reasons).toEqual([{ code: 'issuer-not-accepted', message: `token issuer "${manifest.issuer}" is invalid: the API server accepts "https://other.example" (--service-account-issuer).` }]);
    expect(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ issuers: [], audiences: manifest.apiAudiences }), VERIFIED).reasons[0]?.message).toMatch(/no expected issuer was entered/);
  });

  it('applies the 60 s leeway to exp, and a chosen leeway when given', () => {
    const exp = 1768473007;
    expect(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ nowSeconds: exp + 60 }), VERIFIED).accepted).toBe(true);
    const late = apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ nowSeconds: exp + 61 }), VERIFIED);
    expect(late.reasons).toEqual([{ code: 'expired', message: 'service account token has expired: exp 2026-01-15T10:30:07Z is 1 min 1 s ago, beyond the 60 s leeway.' }]);
    expect(codes(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ nowSeconds: exp + 1, leewaySeconds: 0 }), VERIFIED))).toEqual(['expired']);
  });

  it('refuses tokens not valid yet and tokens issued in the future', () => {
    const early = apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ nowSeconds: manifest.iat - 61 }), VERIFIED);
    expect(codes(early)).toEqual(['not-yet-valid', 'issued-in-future']);
    expect(early.reasons[0]?.message).toMatch(/^service account token is not valid yet: nbf 2026-01-15T09:30:00Z is 1 min 1 s away/);
    expect(early.reasons[1]?.message).toMatch(/^service account token is issued in the future: iat 2026-01-15T09:30:00Z/);
    expect(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy({ nowSeconds: manifest.iat - 60 }), VERIFIED).accepted).toBe(true);
    const iatOnly = { ...claimsOf('tokens/pod-bound.jwt'), nbf: undefined, iat: NOW + 3600 };
    expect(codes(apiServerVerdict(iatOnly, policy(), VERIFIED))).toEqual(['issued-in-future']);
  });

  it('lists every reason at once', () => {
    const claims = { ...claimsOf('tokens/custom-audience.jwt'), iss: 'https://evil.example', iat: 'yesterday' };
    const verdict = apiServerVerdict(claims, policy({ nowSeconds: 1768470000 + 3600 }), signature('invalid'));
    expect(codes(verdict)).toEqual(['signature-invalid', 'issuer-not-accepted', 'audience-mismatch', 'expired', 'bad-time-claim']);
    expect(verdict.accepted).toBe(false);
  });

  it('needs the service account in the kubernetes.io claims', () => {
    const claims = claimsOf('tokens/unbound-tokenrequest.jwt');
    expect(codes(apiServerVerdict({ ...claims, 'kubernetes.io': undefined }, policy(), VERIFIED))).toEqual(['missing-service-account']);
    const noUid = { ...claims, 'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'sa-token-demo' } } };
    expect(codes(apiServerVerdict(noUid, policy(), VERIFIED))).toEqual(['missing-service-account-uid']);
    expect(codes(apiServerVerdict({ ...claims, 'kubernetes.io': 'default' }, policy(), VERIFIED))).toEqual(['bad-kubernetes-claims']);
    expect(codes(apiServerVerdict({ ...claims, aud: [1] }, policy(), VERIFIED))).toEqual(['bad-aud']);
  });

  it('warns, without refusing, when sub disagrees with the kubernetes.io identity', () => {
    const verdict = apiServerVerdict({ ...claimsOf('tokens/pod-bound.jwt'), sub: 'system:serviceaccount:kube-system:admin' }, policy(), VERIFIED);
    expect(verdict.accepted).toBe(true);
    expect(verdict.warnings.map((w) => w.code)).toEqual(['sub-mismatch']);
  });

  it('treats a token without aud as meant for the API audiences', () => {
    const verdict = apiServerVerdict({ ...claimsOf('tokens/pod-bound.jwt'), aud: undefined }, policy({ audiences: ['anything'] }), VERIFIED);
    expect(verdict.accepted).toBe(true);
    expect(verdict.warnings.map((w) => w.code)).toEqual(['no-aud']);
  });

  it('warns about a stale extended token past warnafter', () => {
    const verdict = apiServerVerdict(claimsOf('tokens/pod-bound-extended.jwt'), policy({ nowSeconds: 1768473007 + 100 }), VERIFIED);
    expect(verdict.accepted).toBe(true);
    expect(verdict.warnings).toEqual([expect.objectContaining({ code: 'stale-token', message: expect.stringMatching(/authentication\.k8s\.io\/stale-token, 100 seconds after the warning threshold/) })]);
  });

  it('names what only the cluster can check, per binding', () => {
    const notCheckable = (file: string) => apiServerVerdict(claimsOf(`tokens/${file}`), policy(), VERIFIED).notCheckable.join('\n');
    expect(notCheckable('pod-bound.jwt')).toMatch(/ServiceAccount default\/sa-token-demo still exists with uid 3743eb1d/);
    expect(notCheckable('pod-bound.jwt')).toMatch(/Pod default\/busybox .* uid 8e829448/);
    expect(notCheckable('pod-bound.jwt')).not.toMatch(/Node/);
    expect(notCheckable('secret-bound.jwt')).toMatch(/Secret default\/sa-token-demo-token .* uid 1df2f2af/);
    expect(notCheckable('node-bound.jwt')).toMatch(/Node kind-control-plane .* uid a47b72dc/);
    expect(notCheckable('unbound-tokenrequest.jwt').split('\n')).toHaveLength(1);
  });
});

describe('apiServerVerdict: legacy tokens', () => {
  it('are handled by the legacy authenticator whatever the issuer list, with no time checks', () => {
    const verdict = apiServerVerdict(claimsOf('tokens/legacy-secret.jwt'), policy({ issuers: ['https://somewhere.else'], nowSeconds: 4_000_000_000 }), VERIFIED);
    expect(verdict).toMatchObject({ accepted: true, path: 'legacy', reasons: [] });
    expect(verdict.warnings.map((w) => w.code)).toEqual(['no-aud']);
    expect(verdict.notCheckable.join('\n')).toMatch(/Secret default\/sa-token-demo-token still exists.* data\.token is exactly this token/);
    expect(verdict.notCheckable.join('\n')).toMatch(/ServiceAccount default\/sa-token-demo still exists with uid 3743eb1d/);
  });

  it('need every legacy claim, reported all at once in kube-apiserver\'s words', () => {
    const verdict = apiServerVerdict({ iss: 'kubernetes/serviceaccount' }, policy(), VERIFIED);
    expect(verdict.reasons.map((r) => r.message.split(' (')[0])).toEqual([
      'sub claim is missing',
      'namespace claim is missing',
      'secretName claim is missing',
      'serviceAccountName claim is missing',
      'serviceAccountUID claim is missing',
    ]);
  });

  it('need sub to name the same service account', () => {
    const claims = claimsOf('tokens/legacy-secret.jwt');
    for (const sub of ['system:serviceaccount:kube-system:sa-token-demo', 'system:serviceaccount:default:sa-token-demo:extra', 'system:serviceaccount:Default:sa-token-demo']) {
      expect(codes(apiServerVerdict({ ...claims, sub }, policy(), VERIFIED))).toEqual(['legacy-sub-invalid']);
    }
  });
});

describe('apiServerVerdict: the signature is part of the verdict', () => {
  it.each([
    ['invalid', 'signature-invalid'],
    ['no-matching-key', 'signature-no-matching-key'],
    ['unsecured', 'signature-unsecured'],
    ['unsupported', 'signature-unsupported'],
    ['error', 'signature-error'],
    ['no-key', 'signature-not-checked'],
  ] as const)('%s → %s', (state, code) => {
    const verdict = apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy(), signature(state));
    expect(codes(verdict)).toEqual([code]);
    expect(verdict.accepted).toBe(false);
  });

  it('quotes kube-apiserver for a missing key', () => {
    expect(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy(), signature('no-matching-key')).reasons[0]?.message).toMatch(/^invalid signature, no keys found/);
  });

  it('refuses algorithms kube-apiserver cannot have keys for, and flags PS*', () => {
    expect(codes(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy(), signature('verified', 'HS256')))).toEqual(['signature-algorithm']);
    expect(codes(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy(), signature('verified', 'EdDSA')))).toEqual(['signature-algorithm']);
    for (const alg of ['PS256', 'RS512']) {
      const verdict = apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy(), signature('verified', alg));
      expect(verdict.accepted).toBe(true);
      expect(verdict.warnings.map((w) => w.code)).toEqual(['signature-algorithm-unusual']);
    }
    expect(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy(), signature('verified', 'ES512')).warnings).toEqual([]);
  });

  it('refuses with kid-mismatch when the verifying key is not one kube-apiserver would select by kid', async () => {
    // A token signed by sa-rsa under another kid (as an external signer may): the PEM verifies it
    // (JOSE), but kube-apiserver 1.31+ looks keys up by their derived kid (k/k pkg/serviceaccount/jwt.go @ 9d38f210).
    const { kid: derivedKid } = manifest.keys['sa-rsa'] as { kid: string };
    const pod = fixture('tokens/pod-bound.jwt').trim().split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'custom-signer-key-7' })).toString('base64url');
    const input = `${header}.${pod[1]}`;
    const token = `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(fixture('keys/sa-rsa.key.pem'))).toString('base64url')}`;
    const keys = await parseKeyInput(fixture('keys/sa-rsa.pub.pem'), { secretEncoding: 'utf8' });
    const verified = await verifySignature(decodeToken(token), keys);
    expect(verified.state).toBe('verified');
    const verdict = apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy(), verified);
    expect(verdict.accepted).toBe(false);
    expect(verdict.reasons).toEqual([
      {
        code: 'kid-mismatch',
        message: `kube-apiserver 1.31 and later select keys by kid: this key's derived kid "${derivedKid}" ≠ token kid "custom-signer-key-7", so it would not try this key ("invalid signature, no keys found" unless another of its keys has that kid). Up to 1.30 it tried every key.`,
      },
    ]);
    // The token as the cluster signed it: same key, its derived kid, no such reason.
    const genuine = await verifySignature(decodeToken(fixture('tokens/pod-bound.jwt').trim()), keys);
    expect(apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy(), genuine).reasons).toEqual([]);
  });

  it('lists the signature as not checkable when no result is given', () => {
    const verdict = apiServerVerdict(claimsOf('tokens/pod-bound.jwt'), policy());
    expect(verdict.accepted).toBe(true);
    expect(verdict.notCheckable[0]).toMatch(/^The signature/);
  });
});

describe('apiServerVerdict: unreadable claims', () => {
  it('refuses a payload that is not a claims set, or has no string iss', () => {
    expect(apiServerVerdict(null, policy())).toMatchObject({ accepted: false, path: 'unreadable', reasons: [{ code: 'no-claims' }] });
    expect(apiServerVerdict({ sub: 'x' }, policy())).toMatchObject({ path: 'unreadable', reasons: [{ code: 'bad-iss' }] });
    expect(codes(apiServerVerdict({ ...claimsOf('tokens/pod-bound.jwt'), sub: 42 }, policy(), VERIFIED))).toContain('bad-sub');
  });
});

describe('apiServerVerdict: every text comes from the verdict catalogue', () => {
  it('gives each reason and warning the catalogue text of its code', () => {
    const claims = { ...claimsOf('tokens/custom-audience.jwt'), iss: 'https://evil.example', sub: 'x', iat: 'yesterday', aud: undefined };
    const verdict = apiServerVerdict(claims, policy({ nowSeconds: 1768470000 + 3600 }), signature('verified', 'PS256'));
    for (const r of [...verdict.reasons, ...verdict.warnings]) expect(VERDICT_CATALOGUE[r.code].title.length).toBeGreaterThan(0);
    expect(verdict.warnings.map((w) => w.code)).toEqual(['signature-algorithm-unusual', 'no-aud', 'sub-mismatch']);
  });
});

describe('apiServerVerdict for a chosen Kubernetes version', () => {
  const podBound = () => claimsOf('tokens/pod-bound.jwt');
  const kidMismatch: SignatureResult = { ...VERIFIED, tokenKid: 'custom-signer-key-7', kubernetesSelection: { derivedKid: 'derived', tokenKid: 'custom-signer-key-7', selects: false } };

  it('D1: a kid mismatch refuses from 1.31 only (k/k pkg/serviceaccount/jwt.go @ 9d38f210; before, every key was tried)', () => {
    expect(codes(apiServerVerdict(podBound(), policy({ version: '1.30' }), kidMismatch))).toEqual([]);
    expect(codes(apiServerVerdict(podBound(), policy({ version: '1.31' }), kidMismatch))).toEqual(['kid-mismatch']);
    expect(codes(apiServerVerdict(podBound(), policy(), kidMismatch))).toEqual(['kid-mismatch']);
    // An external signer picks its own kids (jwt.go signerFromOpaqueSigner), on by default from 1.34.
    expect(codes(apiServerVerdict(podBound(), policy({ externalSigner: true }), kidMismatch))).toEqual([]);
  });

  it('D1: up to 1.30 a key with another declared kid still verifies the token for kube-apiserver', () => {
    const anyway: SignatureResult = { ...signature('no-matching-key'), attempts: [{ candidateId: 'k', label: 'key 1', keyKid: 'other', outcome: 'kid-mismatch', reason: 'kid does not match', signatureMatchesAnyway: true }] };
    expect(codes(apiServerVerdict(podBound(), policy({ version: '1.30' }), anyway))).toEqual([]);
    expect(codes(apiServerVerdict(podBound(), policy({ version: '1.31' }), anyway))).toEqual(['signature-no-matching-key']);
    expect(codes(apiServerVerdict(podBound(), policy({ version: '1.30' }), signature('no-matching-key')))).toEqual(['signature-no-matching-key']);
  });

  it('D2: a missing exp is refused on 1.20–1.26 (square/go-jose v2.2.2 jwt/validation.go), only noted from 1.27', () => {
    const noExp = { ...podBound(), exp: undefined };
    expect(codes(apiServerVerdict(noExp, policy({ version: '1.26' }), VERIFIED))).toEqual(['missing-exp']);
    expect(apiServerVerdict(noExp, policy({ version: '1.20' }), VERIFIED).reasons[0]?.message).toMatch(/^service account token has expired/);
    const v127 = apiServerVerdict(noExp, policy({ version: '1.27' }), VERIFIED);
    expect(codes(v127)).toEqual([]);
    expect(v127.warnings.map((w) => w.code)).toContain('no-exp');
  });

  it('D3: a future iat is accepted on 1.20–1.26 (go-jose v2.2.2 checks only nbf and exp), refused from 1.27, wording unconfirmed on 1.27–1.28', () => {
    const future = { ...podBound(), nbf: undefined, iat: NOW + 3600 };
    expect(codes(apiServerVerdict(future, policy({ version: '1.26' }), VERIFIED))).toEqual([]);
    const v128 = apiServerVerdict(future, policy({ version: '1.28' }), VERIFIED);
    expect(codes(v128)).toEqual(['issued-in-future']);
    expect(v128.reasons[0]?.message).toMatch(/Unconfirmed wording for 1\.27–1\.28/);
    expect(apiServerVerdict(future, policy({ version: '1.29' }), VERIFIED).reasons[0]?.message).not.toMatch(/Unconfirmed/);
  });

  it('D13: a node binding is ignored up to 1.28, refused on 1.29 while its gate is off, checked from 1.30 (k/k pkg/serviceaccount/claims.go)', () => {
    const node = claimsOf('tokens/node-bound.jwt');
    const v128 = apiServerVerdict(node, policy({ version: '1.28' }), VERIFIED);
    expect(v128.accepted).toBe(true);
    expect(v128.warnings.map((w) => w.code)).toEqual(['node-binding-ignored']);
    expect(v128.notCheckable.join('\n')).not.toMatch(/Node/);
    expect(apiServerVerdict(node, policy({ version: '1.29' }), VERIFIED).reasons).toEqual([
      { code: 'node-binding-gate-off', message: expect.stringMatching(/^token is bound to a Node object but the ServiceAccountTokenNodeBindingValidation feature gate is disabled/) },
    ]);
    expect(codes(apiServerVerdict(node, policy({ version: '1.29', gates: { ServiceAccountTokenNodeBindingValidation: true } }), VERIFIED))).toEqual([]);
    expect(apiServerVerdict(node, policy({ version: '1.30' }), VERIFIED).notCheckable.join('\n')).toMatch(/Node kind-control-plane/);
    // A pod-bound token carries node claims too; they never make it node-bound.
    expect(codes(apiServerVerdict(podBound(), policy({ version: '1.29' }), VERIFIED))).toEqual([]);
  });

  it('--service-account-lookup=false: nothing is looked up, so nothing is left for the cluster to tell', () => {
    for (const file of ['pod-bound.jwt', 'legacy-secret.jwt']) {
      const verdict = apiServerVerdict(claimsOf(`tokens/${file}`), policy({ serviceAccountLookup: false }), VERIFIED);
      expect(verdict.notCheckable).toEqual([]);
      expect(verdict.warnings.map((w) => w.code)).toContain('lookup-disabled');
    }
  });

  it('flags a token this API server would not have minted so', () => {
    const extended = claimsOf('tokens/pod-bound-extended.jwt');
    expect(apiServerVerdict(extended, policy({ extendTokenExpiration: false }), VERIFIED).warnings.map((w) => w.code)).toEqual(['extended-despite-flag']);
    expect(apiServerVerdict(extended, policy({ externalSigner: true }), VERIFIED).warnings.map((w) => w.code)).toEqual(['extended-by-signer']);
    expect(apiServerVerdict(podBound(), policy({ maxTokenExpirationSeconds: 3600 }), VERIFIED).warnings).toEqual([
      { code: 'longer-than-max', message: expect.stringMatching(/lives 1 h 0 min 7 s, longer than --service-account-max-token-expiration \(3600 s\)/) },
    ]);
    expect(apiServerVerdict(podBound(), policy({ maxTokenExpirationSeconds: 3607 }), VERIFIED).warnings).toEqual([]);
  });
});

describe('apiServerVerdict: the invalid-since label by version (k/k pkg/serviceaccount/legacy.go, #118598)', () => {
  const label = (version: ClaimPolicy['version']) => apiServerVerdict(claimsOf('tokens/legacy-secret.jwt'), policy({ version }), VERIFIED).notCheckable.find((n) => n.includes('invalid-since'));
  it('is not a question before 1.28, unconfirmed on 1.28, checked from 1.29', () => {
    expect(label('1.27')).toBeUndefined();
    expect(label('1.28')).toMatch(/whether kube-apiserver 1\.28 checks it is unconfirmed/);
    expect(label('1.29')).toMatch(/legacy-token-invalid-since \(set by the legacy token cleaner\)\.$/);
  });
});
