import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeToken } from '../jws/decodeToken';
import { recognizeInput } from './recognizeInput';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const podToken = fixture('tokens/pod-bound.jwt').trim();
const legacyToken = fixture('tokens/legacy-secret.jwt').trim();

describe('recognizeInput: tokens', () => {
  it('recognises a bare JWT, with or without a trailing newline', () => {
    expect(recognizeInput(podToken)).toMatchObject({ kind: 'jwt', token: podToken, notes: [] });
    expect(recognizeInput(fixture('tokens/pod-bound.jwt'))).toMatchObject({ kind: 'jwt', token: podToken });
  });

  it('takes the token from an Authorization header', () => {
    const r = recognizeInput(fixture('inputs/bearer-header.txt'));
    expect(r.kind).toBe('bearer');
    expect(r.token).toBe(fixture('inputs/bearer-header.txt').trim().replace(/^Authorization: Bearer /, ''));
  });

  it.each([
    `authorization: BEARER ${podToken}`,
    `Bearer ${podToken}`,
    `bearer    ${podToken}`,
    `curl -H "Authorization: Bearer ${podToken}" https://10.96.0.1/api`,
    `Proxy-Authorization: Bearer '${podToken}'`,
  ])('accepts the Bearer scheme in any case and form: %#', (text) => {
    const r = recognizeInput(text);
    expect(r.kind).toBe('bearer');
    expect(r.token).toBe(podToken);
  });

  it('says a masked bearer token has nothing to decode', () => {
    const r = recognizeInput('Authorization: Bearer <masked>');
    expect(r.kind).toBe('unknown');
    expect(r.hint?.message).toMatch(/masked/);
  });

  it('removes whitespace, quotes and line breaks around and inside a token, and says so', () => {
    const wrapped = `"${podToken.slice(0, 100)}\n  ${podToken.slice(100, 500)} \\\n${podToken.slice(500)}"`;
    const r = recognizeInput(wrapped);
    expect(r.kind).toBe('jwt');
    expect(r.token).toBe(podToken);
    expect(r.notes.join(' ')).toMatch(/line break/);
    expect(r.notes.join(' ')).toMatch(/quote/);
  });

  it('decodes one layer of base64 (a Secret’s data.token)', () => {
    const r = recognizeInput(fixture('inputs/token-base64.txt'));
    expect(r.kind).toBe('token-base64');
    expect(r.token).toBe(legacyToken);
  });

  it('recognises a JWE by its five parts', () => {
    const jwe = 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ';
    const r = recognizeInput(jwe);
    expect(r.kind).toBe('jwe');
    expect(r.token).toBe(jwe);
  });

  it('sends a PEM key to the key input', () => {
    const r = recognizeInput(fixture('keys/sa-rsa.pub.pem'));
    expect(r.kind).toBe('unknown');
    expect(r.token).toBeNull();
    expect(r.hint?.message).toMatch(/PEM key or certificate.*Verification key/);
  });

  it.each(['', '   ', '\n\t\n'])('reports empty input for %j', (text) => {
    expect(recognizeInput(text)).toEqual({ kind: 'empty', token: null, notes: [] });
  });

  it('asks for the YAML parser, then uses it', () => {
    const text = fixture('inputs/secret.yaml');
    expect(recognizeInput(text)).toEqual({ kind: 'pending', token: null, notes: [], pending: 'parsers' });
    expect(recognizeInput(text, { parseYaml: parse })).toMatchObject({ kind: 'secret', token: legacyToken });
  });

  it('recognises every pasted Kubernetes shape from the fixtures', () => {
    expect(recognizeInput(fixture('inputs/secret.json')).kind).toBe('secret');
    expect(recognizeInput(fixture('inputs/tokenrequest-response.json')).kind).toBe('tokenrequest');
    expect(recognizeInput(fixture('inputs/kubeconfig.yaml'), { parseYaml: parse }).kind).toBe('kubeconfig');
    expect(recognizeInput(fixture('inputs/secret-list.json')).kind).toBe('secret-list');
  });
});

// Tokens from the fixtures, and what copying can do to them.
const fixtureTokens = ['tokens/pod-bound.jwt', 'tokens/legacy-secret.jwt', 'tokens/alg-none.jwt', 'seed/v1.24-projected.jwt'].map((p) => fixture(p).trim());

const mutatedToken = fc
  .record({
    token: fc.constantFrom(...fixtureTokens),
    at: fc.nat(),
    remove: fc.nat({ max: 8 }),
    insert: fc.string({ unit: 'grapheme', maxLength: 8 }),
  })
  .map(({ token, at, remove, insert }) => {
    const i = at % (token.length + 1);
    return token.slice(0, i) + insert + token.slice(i + remove);
  });

const wrappers = fc.constantFrom(
  (t: string) => t,
  (t: string) => `Authorization: Bearer ${t}`,
  (t: string) => `{"kind":"TokenRequest","status":{"token":${JSON.stringify(t)}}}`,
  (t: string) => `apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    token: ${t}\n`,
  (t: string) => `kind: Secret\ntype: kubernetes.io/service-account-token\ndata:\n  token: ${Buffer.from(t).toString('base64')}\n`,
  (t: string) => `${t}\n${t}`,
);

describe('recognizeInput and decodeToken never throw', () => {
  const check = (text: string) => {
    for (const options of [{}, { parseYaml: (s: string) => parse(s) as unknown }]) {
      const r = recognizeInput(text, options);
      expect(typeof r.kind).toBe('string');
      decodeToken(r.token ?? text);
    }
  };

  it('on arbitrary strings, unicode included', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.json()), check), { numRuns: 400 });
  });

  it('on fixture tokens with characters removed, replaced or inserted, in every wrapper', () => {
    fc.assert(fc.property(mutatedToken, wrappers, (token, wrap) => check(wrap(token))), { numRuns: 400 });
  });

  it('on text assembled from token-like pieces', () => {
    const piece = fc.constantFrom('eyJ', 'ZXlK', '.', '=', '\n', ' ', 'Bearer ', '{', '}', '"', ':', 'kind: ', 'Secret', 'token', '-----BEGIN', 'data:', '\\', "'");
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), check), { numRuns: 400 });
  });
});

describe('inputs too large for a token', () => {
  it('are refused with the limit stated, without scanning for a token', () => {
    const huge = `eyJhbGciOiJSUzI1NiJ9.${'A'.repeat(1_100_000)}.c2ln`;
    const r = recognizeInput(huge);
    expect(r.kind).toBe('unknown');
    expect(r.hint?.message).toMatch(/^This is 1\.0 MB of text .* inputs over 1 MB are only read as JSON or YAML documents\.$/);
  });
});
