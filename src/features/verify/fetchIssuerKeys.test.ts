import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { fetchDiscoveryDocument, fetchKeySet, FetchKeysError } from './fetchIssuerKeys';

const ISSUER = 'https://oidc.example.com/id/ABC';
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`;
const JWKS = readFixture('keys/cluster-jwks.json');

/** A stand-in for the network: answers by URL, and records every request and its options. */
function mockFetch(answers: Record<string, () => Response>) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const answer = answers[url];
    if (!answer) throw new TypeError(`Failed to fetch (no mock for ${url}, init ${JSON.stringify(init)})`);
    return answer();
  });
}

const json = (body: unknown) => () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const rejection = async (promise: Promise<unknown>): Promise<FetchKeysError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchKeysError);
  return error as FetchKeysError;
};

afterEach(() => vi.restoreAllMocks());

describe('fetchDiscoveryDocument', () => {
  it('asks only for the discovery document, without credentials, referrer or redirects, and returns the jwks_uri unfetched', async () => {
    const fetch = mockFetch({ [DISCOVERY]: json({ issuer: ISSUER, jwks_uri: 'https://keys.example.com/jwks' }) });
    expect(await fetchDiscoveryDocument(ISSUER, [ISSUER])).toEqual({ discoveryUrl: DISCOVERY, jwksUri: 'https://keys.example.com/jwks' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'error', cache: 'no-store' });
  });

  it('never requests a link-local or metadata issuer', async () => {
    const fetch = mockFetch({});
    for (const issuer of ['http://169.254.169.254', 'http://metadata.google.internal']) {
      const error = await rejection(fetchDiscoveryDocument(issuer, [issuer]));
      expect(error.explanation).toMatchObject({ code: 'fetch-refused', hostKind: 'link-local' });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('explains a redirect refused by the browser, a status, a non-JSON answer and a document without jwks_uri', async () => {
    // What a browser does with redirect: 'error' when the server answers 302.
    mockFetch({
      [DISCOVERY]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect((await rejection(fetchDiscoveryDocument(ISSUER, [ISSUER]))).explanation.message).toMatch(/redirects are not followed/);
    vi.restoreAllMocks();
    mockFetch({ [DISCOVERY]: () => new Response('nope', { status: 403, statusText: 'Forbidden' }) });
    expect((await rejection(fetchDiscoveryDocument(ISSUER, [ISSUER]))).explanation.code).toBe('fetch-unauthorized');
    vi.restoreAllMocks();
    mockFetch({ [DISCOVERY]: () => new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }) });
    expect((await rejection(fetchDiscoveryDocument(ISSUER, [ISSUER]))).explanation.code).toBe('fetch-not-json');
    vi.restoreAllMocks();
    mockFetch({ [DISCOVERY]: json({ issuer: ISSUER }) });
    expect((await rejection(fetchDiscoveryDocument(ISSUER, [ISSUER]))).explanation.code).toBe('fetch-unexpected-json');
  });
});

describe('fetchKeySet', () => {
  const fromDiscovery = { step: 'jwks-uri', from: DISCOVERY } as const;

  it('fetches the confirmed key set and hands it over as text', async () => {
    const fetch = mockFetch({ [`${ISSUER}/jwks`]: () => new Response(JWKS) });
    const fetched = await fetchKeySet(`${ISSUER}/jwks`, fromDiscovery);
    expect(JSON.parse(fetched.jwksText)).toEqual(JSON.parse(JWKS));
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ redirect: 'error', credentials: 'omit' });
  });

  it('refuses, without a request, a jwks_uri that points a public issuer at 169.254.169.254 or inside the network', async () => {
    const fetch = mockFetch({});
    for (const url of ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'https://10.0.0.1/openid/v1/jwks', 'http://localhost:8001/jwks']) {
      expect((await rejection(fetchKeySet(url, fromDiscovery))).explanation.code, url).toBe('fetch-refused');
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('does not read an answer larger than any key set', async () => {
    mockFetch({ [`${ISSUER}/jwks`]: () => new Response(`{"keys":[],"pad":"${'x'.repeat(1_100_000)}"}`) });
    expect((await rejection(fetchKeySet(`${ISSUER}/jwks`, fromDiscovery))).explanation.code).toBe('fetch-too-large');
  });

  it('refuses JSON that is not a key set', async () => {
    mockFetch({ [`${ISSUER}/jwks`]: json({ jwks_uri: 'x' }) });
    expect((await rejection(fetchKeySet(`${ISSUER}/jwks`, { step: 'jwks-url' }))).explanation.code).toBe('fetch-unexpected-json');
  });
});
