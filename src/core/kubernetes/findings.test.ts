import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recognizeInput } from '../input/recognizeInput';
import { decodeToken, type DecodedToken } from '../jws/decodeToken';
import { evaluateValidity } from '../time/validity';
import { classifyToken } from './classifyToken';
import { FINDING_CATALOGUE, FINDING_CODES, type Finding } from './findingCatalogue';
import { isApiServerAudience, type FindingContext } from './findings';
import { findingContextFrom, findingsFor } from './inspectToken';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const RS256 = { alg: 'RS256', kid: 'c0eSayKH-WrWn6IO3oCrVQS-cz6tQBw3_OxIET0Y_VQ' };

/** fixtures/MANIFEST.json: iat = nbf = 2026-01-15T09:30:00Z. */
const IAT = 1768469400;

const payloadOf = (path: string) => JSON.parse(Buffer.from(fixture(path).split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
const make = (header: unknown, payload: unknown) => decodeToken(`${b64(header)}.${b64(payload)}.c2ln`);
const run = (d: DecodedToken, now = IAT + 60, context?: FindingContext) => findingsFor(d, classifyToken(d), now, context);
const runFixture = (path: string, now = IAT + 60, context?: FindingContext) => run(decodeToken(fixture(path).trim()), now, context);
const codes = (findings: Finding[]) => findings.map((f) => f.code);
const find = (findings: Finding[], code: string) => findings.find((f) => f.code === code);

const legacy = payloadOf('tokens/legacy-secret.jwt');
const unbound = payloadOf('tokens/unbound-tokenrequest.jwt');

/** Every code seen in this file; the last test checks that the catalogue has no dead entries. */
const seen = new Set<string>();
const track = (findings: Finding[]) => {
  for (const f of findings) seen.add(f.code);
  return findings;
};

describe('findingsFor: fixtures', () => {
  it('a legacy token: legacy-token and no-expiry, nothing about time', () => {
    const f = track(runFixture('tokens/legacy-secret.jwt'));
    expect(codes(f)).toEqual(['legacy-token', 'no-expiry']);
    expect(find(f, 'legacy-token')).toMatchObject({ severity: 'warning' });
    expect(find(f, 'legacy-token')?.explanation).toContain('the Secret "sa-token-demo-token"');
  });

  it('alg "none" is danger and comes first', () => {
    const f = track(runFixture('tokens/alg-none.jwt'));
    expect(f[0]).toMatchObject({ code: 'alg-none', severity: 'danger' });
    expect(codes(f)).not.toContain('non-kubernetes-alg');
  });

  it('a fresh pod-bound token has no findings', () => {
    expect(runFixture('tokens/pod-bound.jwt')).toEqual([]);
  });

  it('a custom audience is not for the API server', () => {
    const f = track(runFixture('tokens/custom-audience.jwt'));
    expect(codes(f)).toEqual(['audience-not-apiserver']);
    expect(f[0]?.severity).toBe('info');
    expect(f[0]?.explanation).toContain('"vault", "sts.amazonaws.com"');
  });

  it('generic tokens are not judged by Kubernetes rules', () => {
    for (const path of ['tokens/eddsa-generic.jwt', 'tokens/ps256-generic.jwt', 'tokens/hs256-generic.jwt']) {
      expect(codes(runFixture(path))).not.toContain('non-kubernetes-alg');
    }
  });

  it('the legacy token with kid ""', () => {
    const v = JSON.parse(fixture('vectors/k8s-legacy-token-no-key.json')) as { token: string };
    const f = track(run(decodeToken(v.token)));
    expect(find(f, 'kid-empty')).toMatchObject({ severity: 'info' });
    expect(find(f, 'kid-empty')?.explanation).toMatch(/before 1\.16/);
  });

  it('a tampered payload whose sub disagrees with kubernetes.io', () => {
    const f = track(runFixture('tokens/tampered-payload.jwt'));
    expect(codes(f)).toEqual(['sub-mismatch']);
    expect(f[0]?.explanation).toContain('system:serviceaccount:kube-system:admin');
  });
});

describe('findingsFor: time, with the clock pinned', () => {
  const token = decodeToken(fixture('tokens/pod-bound-extended.jwt').trim());
  const WARNAFTER = 1768473007;
  const EXP = 1800005400;

  it('extended-expiry while fresh', () => {
    const f = track(run(token, IAT + 60));
    expect(codes(f)).toEqual(['extended-expiry']);
    expect(f[0]?.explanation).toMatch(/1 h 0 min 7 s .* 365 days/);
  });

  it('past-warnafter once stale', () => {
    const f = track(run(token, WARNAFTER + 3600));
    expect(codes(f)).toEqual(['past-warnafter', 'extended-expiry']);
    expect(find(f, 'past-warnafter')?.explanation).toMatch(/2026-01-15 10:30:07 UTC, 1 h ago/);
  });

  it('within the leeway after exp: in-leeway, not expired', () => {
    const f = track(run(token, EXP + 30));
    expect(codes(f)).toContain('in-leeway');
    expect(codes(f)).not.toContain('expired');
    expect(find(f, 'in-leeway')?.explanation).toContain('30 s more');
  });

  it('after exp + 60 s: expired (danger), and no longer "stale"', () => {
    const f = track(run(token, EXP + 61));
    expect(f[0]).toMatchObject({ code: 'expired', severity: 'danger' });
    expect(codes(f)).not.toContain('past-warnafter');
  });

  it('before nbf − 60 s: not-yet-valid and issued-in-future', () => {
    const f = track(run(token, IAT - 61));
    expect(codes(f)).toEqual(['not-yet-valid', 'issued-in-future', 'extended-expiry']);
    expect(codes(run(token, IAT - 60))).toEqual(['extended-expiry']);
  });

  it('agrees with the validity banner at every instant around the edges', () => {
    for (const now of [IAT - 120, IAT - 61, IAT - 60, IAT - 1, IAT, EXP - 1, EXP, EXP + 59, EXP + 60, EXP + 61, EXP + 1e6]) {
      const v = evaluateValidity(token.claims, now);
      const f = codes(run(token, now));
      expect(f.includes('expired')).toBe(v.state === 'expired');
      expect(f.includes('not-yet-valid')).toBe(v.state === 'not-yet-valid');
      expect(f.includes('issued-in-future')).toBe(v.issuedInFuture);
      expect(f.includes('in-leeway')).toBe(v.inLeewayAfterExpiry);
    }
  });

  it('unreadable time claims', () => {
    const f = track(run(make(RS256, { ...unbound, exp: '1768473000' })));
    expect(find(f, 'bad-time-claim')?.explanation).toMatch(/^exp is the string "1768473000"/);
  });

  it('no-expiry on a bound token without exp', () => {
    const { exp: _e, ...rest } = unbound;
    const f = track(run(make(RS256, rest)));
    expect(find(f, 'no-expiry')?.explanation).toMatch(/no time limit/);
    expect(find(f, 'no-expiry')?.explanation).not.toMatch(/1970/);
  });

  // D2/D3: go-jose v2.2.2 (kube-apiserver 1.20–1.26) reads a missing exp as 1970 and never checks iat
  // (square/go-jose v2.2.2 jwt/validation.go; k8s.io/apiserver go.mod v0.20–v0.26).
  it('no-expiry and issued-in-future say what the chosen version does', () => {
    const { exp: _e, ...rest } = unbound;
    const noExp = make(RS256, rest);
    expect(find(findingsFor(noExp, classifyToken(noExp), IAT + 60, {}, { version: '1.26' }), 'no-expiry')?.explanation).toMatch(/reads a missing exp as 1970/);
    expect(find(findingsFor(noExp, classifyToken(noExp), IAT + 60, {}, { version: '1.27' }), 'no-expiry')?.explanation).not.toMatch(/1970/);
    const early = findingsFor(token, classifyToken(token), IAT - 61, {}, { version: '1.26' });
    expect(find(early, 'issued-in-future')?.explanation).toMatch(/does not check iat/);
    expect(find(run(token, IAT - 61), 'issued-in-future')?.explanation).toMatch(/so kube-apiserver answers "service account token is issued in the future"/);
  });
});

describe('findingsFor: lifetimes and audiences', () => {
  it('long-lived: a non-extended bound token living over 24 h', () => {
    const f = track(run(make(RS256, { ...unbound, exp: IAT + 2 * 86400 })));
    expect(codes(f)).toEqual(['long-lived']);
    expect(f[0]?.explanation).toContain('2 days');
    expect(codes(run(make(RS256, { ...unbound, exp: IAT + 86400 })))).toEqual([]);
  });

  it('an extended token is not long-lived, though exp is a year out', () => {
    expect(codes(run(decodeToken(fixture('tokens/pod-bound-extended.jwt').trim())))).not.toContain('long-lived');
  });

  it('a TokenRequest expirationTimestamp earlier than exp reveals the extension', () => {
    const token = decodeToken(fixture('tokens/pod-bound-extended.jwt').trim());
    const f = track(run(token, IAT + 60, { expirationTimestamp: IAT + 3607 }));
    expect(find(f, 'extension-revealed')?.explanation).toContain('2026-01-15 10:30:07 UTC');
  });

  it.each([
    ['https://kubernetes.default.svc', true],
    ['https://kubernetes.default.svc.cluster.local', true],
    ['https://kubernetes.default.svc.corp.example', true],
    ['kubernetes.default.svc', true],
    ['https://kubernetes.default.svc.cluster.local/', true],
    ['https://kubernetes.default', false],
    ['https://evil.example/kubernetes.default.svc', false],
    ['vault', false],
  ])('isApiServerAudience(%j) = %s', (aud, expected) => {
    expect(isApiServerAudience(aud, 'https://issuer.example')).toBe(expected);
  });

  it('an audience equal to the issuer, or listed as an API audience, is the API server’s', () => {
    expect(codes(run(make(RS256, { ...unbound, aud: [unbound.iss] })))).toEqual([]);
    const custom = make(RS256, { ...unbound, aud: ['https://api.corp'] });
    expect(codes(run(custom))).toEqual(['audience-not-apiserver']);
    expect(codes(run(custom, IAT + 60, { apiAudiences: ['https://api.corp'] }))).toEqual([]);
  });

  it('a string aud', () => {
    const f = track(run(make(RS256, { ...unbound, aud: 'https://kubernetes.default.svc' })));
    expect(codes(f)).toEqual(['string-aud']);
  });
});

describe('findingsFor: header and encoding', () => {
  it('non-kubernetes-alg on a Kubernetes-shaped token', () => {
    const f = track(run(make({ alg: 'PS256', kid: 'k' }, unbound)));
    expect(find(f, 'non-kubernetes-alg')?.explanation).toContain('alg "PS256"');
    expect(find(run(make({ kid: 'k' }, unbound)), 'non-kubernetes-alg')?.explanation).toContain('alg (missing)');
  });

  it('duplicate members, with both values shown', () => {
    const payload = JSON.stringify(legacy).replace('"sub":', '"sub":"system:serviceaccount:kube-system:admin","sub":');
    const nested = JSON.stringify(unbound).replace('"namespace":"default"', '"namespace":"kube-system","namespace":"default"');
    const f = track(run(decodeToken(`${b64(RS256)}.${b64(payload)}.c2ln`)));
    expect(find(f, 'duplicate-claim')?.explanation).toContain('"sub" appears more than once in the payload: "system:serviceaccount:kube-system:admin", then "system:serviceaccount:default:sa-token-demo"');
    const g = run(decodeToken(`${b64(RS256)}.${b64(nested)}.c2ln`));
    expect(find(g, 'duplicate-claim')?.explanation).toContain('"kubernetes.io.namespace" appears more than once in the payload: "kube-system", then "default"');
    const h = run(decodeToken(`${b64('{"alg":"none","alg":"RS256"}')}.${b64(legacy)}.c2ln`));
    expect(find(h, 'duplicate-claim')?.explanation).toMatch(/"alg" appears more than once in the header/);
  });

  it('padded or standard-base64 segments kube-apiserver would not recognise', () => {
    const [h, p, s] = fixture('tokens/pod-bound.jwt').trim().split('.') as [string, string, string];
    const padded = `${h}.${p}=.${s}`;
    const f = track(run(decodeToken(padded)));
    expect(find(f, 'not-raw-base64url')?.explanation).toMatch(/^The payload uses/);
    const g = run(decodeToken(`${h}.${p}.${s.replace(/-/g, '+').replace(/_/g, '/')}==`));
    expect(find(g, 'not-raw-base64url')?.explanation).toMatch(/^The signature uses/);
  });

  it('a last character with unused bits set: the same bytes, another spelling', () => {
    const [h, p, s] = fixture('tokens/pod-bound.jwt').trim().split('.') as [string, string, string];
    expect(codes(run(decodeToken(`${h}.${p}.${s}`)))).not.toContain('non-canonical-base64url');
    // "w" is 48 (0b110000): its low 4 bits, unused after 342 characters, are zero; "x" sets one.
    const f = track(run(decodeToken(`${h}.${p}.${s.slice(0, -1)}x`)));
    expect(find(f, 'non-canonical-base64url')).toMatchObject({ severity: 'warning' });
    expect(find(f, 'non-canonical-base64url')?.explanation).toMatch(/^The last character of the signature sets bits/);
  });
});

describe('findingsFor: identity and bindings', () => {
  it('a legacy sub that disagrees is refused (danger)', () => {
    const f = track(run(make(RS256, { ...legacy, sub: 'system:serviceaccount:kube-system:admin' })));
    expect(f[0]).toMatchObject({ code: 'sub-invalid', severity: 'danger' });
  });

  it('a legacy token missing its Secret name is refused', () => {
    const { 'kubernetes.io/serviceaccount/secret.name': _s, ...rest } = legacy;
    const f = track(run(make(RS256, rest)));
    expect(f[0]?.code).toBe('identity-invalid');
    expect(f[0]?.explanation).toContain('kubernetes.io/serviceaccount/secret.name');
    expect(find(f, 'legacy-token')?.explanation).toContain('its Secret');
  });

  it('a token bound to a Secret and a pod', () => {
    const k = unbound['kubernetes.io'] as Record<string, unknown>;
    const f = track(run(make(RS256, { ...unbound, 'kubernetes.io': { ...k, pod: { name: 'p', uid: 'u' }, secret: { name: 's', uid: 'v' } } })));
    expect(find(f, 'multiple-bindings')?.explanation).toContain('a pod and a Secret');
  });
});

describe('findingsFor: what the token came in', () => {
  it('reads the legacy token labels of a pasted Secret', () => {
    const secret = JSON.parse(fixture('inputs/secret.json')) as { metadata: { labels?: Record<string, string> } };
    secret.metadata.labels = { 'kubernetes.io/legacy-token-last-used': '2025-01-01', 'kubernetes.io/legacy-token-invalid-since': '2025-06-01' };
    const input = recognizeInput(JSON.stringify(secret));
    const context = findingContextFrom(input);
    expect(context).toEqual({ legacyTokenLastUsed: '2025-01-01', legacyTokenInvalidSince: '2025-06-01' });
    const f = track(run(decodeToken(input.token as string), IAT, context));
    expect(f[0]).toMatchObject({ code: 'legacy-token-invalidated', severity: 'danger' });
    expect(find(f, 'legacy-token-last-used')?.explanation).toContain('2025-01-01');
  });

  it('reads a TokenRequest’s expirationTimestamp', () => {
    const input = recognizeInput(fixture('inputs/tokenrequest-response.json'));
    expect(findingContextFrom(input)).toEqual({ expirationTimestamp: 1768473000 });
    const kube = recognizeInput(fixture('inputs/kubeconfig.yaml'), { parseYaml: parse });
    expect(findingContextFrom(kube)).toEqual({});
  });
});

describe('findingsFor: catalogue', () => {
  it('sorts danger first, then warning, then info', () => {
    const f = run(decodeToken(fixture('tokens/alg-none.jwt').trim()), IAT, { legacyTokenLastUsed: '2025-01-01' });
    const rank = { danger: 0, warning: 1, info: 2 };
    expect(f.map((x) => rank[x.severity])).toEqual([...f.map((x) => rank[x.severity])].sort());
  });

  it('takes every text from the catalogue', () => {
    const f = runFixture('tokens/legacy-secret.jwt');
    for (const finding of f) {
      expect(finding.title).toBe(FINDING_CATALOGUE[finding.code].title);
      expect(finding.severity).toBe(FINDING_CATALOGUE[finding.code].severity);
      expect(finding.action).toBe(FINDING_CATALOGUE[finding.code].action);
    }
  });

  it('never throws, whatever the token', () => {
    for (const text of ['', 'a.b.c', 'eyJ.eyJ.', `${b64('{}')}.${b64('null')}.`, `${b64(RS256)}.${b64({ 'kubernetes.io': { pod: 5, warnafter: 'x' } })}.`]) {
      expect(() => run(decodeToken(text))).not.toThrow();
    }
  });

  it('has no entry that no scenario above produces', () => {
    // kid-mismatch needs a verified signature: keySelectionFinding.test.ts produces it.
    expect(FINDING_CODES.filter((c) => !seen.has(c) && c !== 'kid-mismatch')).toEqual([]);
  });
});
