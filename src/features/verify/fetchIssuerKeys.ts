import { discoveryUrlFor, explainFetchFailure, type FetchFailureExplanation } from '../../core/keys/discovery';

export interface FetchedKeys {
  /** Every URL requested, in order. */
  requested: string[];
  jwksUrl: string;
  /** The JWKS as text, ready for the key input. */
  jwksText: string;
}

export class FetchKeysError extends Error {
  constructor(
    readonly explanation: FetchFailureExplanation,
    readonly requested: string[],
  ) {
    super(explanation.message);
  }
}

async function getJson(url: string, requested: string[], signal: AbortSignal | undefined): Promise<unknown> {
  requested.push(url);
  let response: Response;
  try {
    // No credentials and no referrer: the request says nothing about the user or the token.
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new FetchKeysError(explainFetchFailure(url, { kind: 'network', error }), requested);
  }
  if (!response.ok) throw new FetchKeysError(explainFetchFailure(url, { kind: 'status', status: response.status, statusText: response.statusText }), requested);
  try {
    return await response.json();
  } catch {
    throw new FetchKeysError(explainFetchFailure(url, { kind: 'not-json', contentType: response.headers.get('content-type') }), requested);
  }
}

/**
 * Only ever called from the "Fetch keys" buttons, after the user has seen exactly what will be
 * requested: the issuer's discovery document, then its jwks_uri (or a JWKS URL given directly).
 */
export async function fetchIssuerKeys(source: { issuer: string } | { jwksUrl: string }, signal?: AbortSignal): Promise<FetchedKeys> {
  const requested: string[] = [];
  let jwksUrl: string;
  if ('issuer' in source) {
    const discovery = discoveryUrlFor(source.issuer);
    if (!discovery.ok) throw new FetchKeysError({ code: discovery.error.code, message: discovery.error.message, suggestion: '', hostKind: 'invalid' }, requested);
    const doc = await getJson(discovery.value, requested, signal);
    const uri = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).jwks_uri : undefined;
    if (typeof uri !== 'string') throw new FetchKeysError(explainFetchFailure(discovery.value, { kind: 'unexpected-json' }), requested);
    jwksUrl = uri;
  } else jwksUrl = source.jwksUrl;
  const jwks = await getJson(jwksUrl, requested, signal);
  if (typeof jwks !== 'object' || jwks === null || !Array.isArray((jwks as Record<string, unknown>).keys)) {
    throw new FetchKeysError(explainFetchFailure(jwksUrl, { kind: 'unexpected-json' }), requested);
  }
  return { requested, jwksUrl, jwksText: JSON.stringify(jwks, null, 2) };
}
