import { MAX_KEY_INPUT_BYTES } from '../../core/keys/parseKeyInput';
import { assessKeyFetch, discoveryUrlFor, explainFetchFailure, type FetchAssessment, type FetchFailureExplanation, type FetchStep } from '../../core/keys/discovery';

export class FetchKeysError extends Error {
  constructor(
    readonly explanation: FetchFailureExplanation,
    /** The URL that was requested (or refused before any request). */
    readonly url: string,
  ) {
    super(explanation.message);
  }
}

export interface DiscoveredKeys {
  discoveryUrl: string;
  /** The jwks_uri the document names: not fetched here; the user confirms it first. */
  jwksUri: string;
}

export interface FetchedKeySet {
  jwksUrl: string;
  /** The JWKS as text, ready for the key input. */
  jwksText: string;
}

function refused(assessment: FetchAssessment): FetchKeysError {
  return new FetchKeysError({ code: 'fetch-refused', message: assessment.refusal ?? '', suggestion: '', hostKind: assessment.hostKind }, assessment.url);
}

/** One GET of a JSON document, after its URL passed the assessment the user saw. */
async function getJson(url: string, step: FetchStep, signal: AbortSignal | undefined): Promise<unknown> {
  // Checked again here, so no caller can fetch what the confirmation would have refused.
  const assessment = assessKeyFetch(url, step);
  if (assessment.refusal) throw refused(assessment);
  let response: Response;
  try {
    // No credentials, no referrer, no redirects: the request says nothing about the user or the
    // token, and only the URL the user confirmed is ever asked.
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'error', cache: 'no-store', signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new FetchKeysError(explainFetchFailure(url, { kind: 'network', error }), url);
  }
  if (!response.ok) throw new FetchKeysError(explainFetchFailure(url, { kind: 'status', status: response.status, statusText: response.statusText }), url);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_KEY_INPUT_BYTES) throw new FetchKeysError(explainFetchFailure(url, { kind: 'too-large', bytes: declared }), url);
  const text = await response.text();
  if (text.length > MAX_KEY_INPUT_BYTES) throw new FetchKeysError(explainFetchFailure(url, { kind: 'too-large', bytes: text.length }), url);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FetchKeysError(explainFetchFailure(url, { kind: 'not-json', contentType: response.headers.get('content-type') }), url);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * First hop, only after the user confirmed it: the issuer's discovery document. Its jwks_uri is
 * returned, not fetched; the second hop needs its own confirmation.
 */
export async function fetchDiscoveryDocument(issuer: string, expectedIssuers: readonly string[], signal?: AbortSignal): Promise<DiscoveredKeys> {
  const discovery = discoveryUrlFor(issuer);
  if (!discovery.ok) throw new FetchKeysError({ code: discovery.error.code, message: discovery.error.message, suggestion: '', hostKind: 'invalid' }, issuer);
  const doc = await getJson(discovery.value, { step: 'discovery', issuer, expectedIssuers }, signal);
  const uri = isObject(doc) ? doc.jwks_uri : undefined;
  if (typeof uri !== 'string') throw new FetchKeysError(explainFetchFailure(discovery.value, { kind: 'unexpected-json' }), discovery.value);
  // A relative jwks_uri is not allowed by OpenID Discovery; resolve it only to show the user what it means.
  const jwksUri = URL.canParse(uri) ? uri : new URL(uri, discovery.value).href;
  return { discoveryUrl: discovery.value, jwksUri };
}

/** A key set, only after the user confirmed this exact URL (a discovery document's jwks_uri, or typed). */
export async function fetchKeySet(jwksUrl: string, step: Extract<FetchStep, { step: 'jwks-uri' | 'jwks-url' }>, signal?: AbortSignal): Promise<FetchedKeySet> {
  const jwks = await getJson(jwksUrl, step, signal);
  if (!isObject(jwks) || !Array.isArray(jwks.keys)) throw new FetchKeysError(explainFetchFailure(jwksUrl, { kind: 'unexpected-json' }), jwksUrl);
  return { jwksUrl, jwksText: JSON.stringify(jwks, null, 2) };
}
