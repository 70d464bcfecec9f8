/**
 * Pure helpers for the optional "Fetch keys from the issuer" button. No request is made here:
 * the UI fetches (only after the user clicks), and these functions say where to fetch and explain
 * why a fetch failed — which, for Kubernetes issuers, is the usual outcome.
 */
import { fail, ok, type Result } from '../result';
import { trimTrailing } from '../text/trailingRun';

export const KUBECTL_JWKS_COMMAND = 'kubectl get --raw /openid/v1/jwks';
export const KUBECTL_DISCOVERY_COMMAND = 'kubectl get --raw /.well-known/openid-configuration';

/** Legacy Secret-based tokens' issuer (same value as LEGACY_ISSUER in verify/validateClaims). */
const LEGACY_ISSUER_NAME = 'kubernetes/serviceaccount';

const SUGGESTION = `Run \`${KUBECTL_JWKS_COMMAND}\` with access to the cluster and paste the output into the key field (no browser request needed).`;

/** `<iss>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §4; KEP-1393). */
export function discoveryUrlFor(issuer: string): Result<string> {
  const trimmed = issuer.trim();
  if (trimmed === LEGACY_ISSUER_NAME) {
    return fail({ code: 'legacy-issuer', message: `Legacy tokens (iss "${LEGACY_ISSUER_NAME}") have no discovery document. ${SUGGESTION}` });
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fail({ code: 'issuer-not-url', message: `The issuer "${trimmed}" is not a URL, so it has no discovery document. ${SUGGESTION}` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail({ code: 'issuer-not-http', message: `The issuer uses ${url.protocol}, not https, so it has no discovery document.` });
  }
  if (url.search || url.hash) {
    return fail({ code: 'issuer-has-query', message: 'The issuer has a query or fragment; kube-apiserver serves discovery only for an issuer URL without them.' });
  }
  return ok(`${trimTrailing(trimmed, '/')}/.well-known/openid-configuration`);
}

export type HostKind = 'in-cluster' | 'loopback' | 'private' | 'public' | 'invalid';

function ipv4Kind(host: string): HostKind | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return 'public';
}

/** Can a browser on the user's machine plausibly reach this host? */
export function classifyHost(url: string): HostKind {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'invalid';
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return 'loopback';
  const v4 = ipv4Kind(host);
  if (v4) return v4;
  if (host.startsWith('[')) return /^\[(fc|fd|fe[89ab])/.test(host) ? 'private' : 'public';
  if (host === 'kubernetes' || host === 'kubernetes.default' || /(^|\.)svc(\.|$)/.test(host) || host.endsWith('.cluster.local')) return 'in-cluster';
  if (!host.includes('.') || host.endsWith('.internal') || host.endsWith('.local') || host.endsWith('.lan')) return 'private';
  return 'public';
}

export type FetchProblem =
  /** The request was rejected: the browser got no response it may show (CORS, TLS, DNS, offline). */
  | { kind: 'network'; error: unknown }
  | { kind: 'status'; status: number; statusText?: string }
  | { kind: 'not-json'; contentType?: string | null }
  /** JSON, but neither a discovery document nor a JWKS. */
  | { kind: 'unexpected-json' };

export interface FetchFailureExplanation {
  code: string;
  message: string;
  suggestion: string;
  hostKind: HostKind;
}

function isFetchProblem(value: unknown): value is FetchProblem {
  return typeof value === 'object' && value !== null && 'kind' in value && ['network', 'status', 'not-json', 'unexpected-json'].includes((value as { kind: string }).kind);
}

function networkMessage(url: string, error: unknown, hostKind: HostKind): { code: string; message: string } {
  const name = error instanceof Error ? error.name : '';
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  if (name === 'AbortError' || name === 'TimeoutError') return { code: 'fetch-aborted', message: `The request to ${host} was cancelled or timed out before it answered.` };
  if (hostKind === 'in-cluster') {
    return { code: 'in-cluster-host', message: `${host} is a name inside the cluster (like kubernetes.default.svc); a browser outside the cluster cannot reach it.` };
  }
  if (hostKind === 'loopback' || hostKind === 'private') {
    return {
      code: 'private-host',
      message: `${host} is a ${hostKind === 'loopback' ? 'loopback' : 'private'} address; the browser reaches it only from inside that network, and even then the server must allow this page by CORS.`,
    };
  }
  const http = url.startsWith('http:')
    ? ' It uses plain http: browsers block http requests from an https page (mixed content), and kube-apiserver serves discovery only over https.'
    : '';
  const detail = error instanceof Error && error.message ? ` (the browser said: "${error.message}")` : '';
  return {
    code: 'fetch-failed',
    message: `The request to ${host} failed without a readable answer${detail}. Usually the server does not allow cross-origin requests from this page (CORS: kube-apiserver sends no CORS headers unless --cors-allowed-origins lists it), or its TLS certificate comes from a cluster CA the browser does not trust, or the network is down.${http}`,
  };
}

/** Turns a failed fetch (a thrown error, a status, a non-JSON body) into a sentence and a way out. */
export function explainFetchFailure(url: string, problem: FetchProblem | unknown): FetchFailureExplanation {
  const hostKind = classifyHost(url);
  const explained = (code: string, message: string): FetchFailureExplanation => ({ code, message, suggestion: SUGGESTION, hostKind });
  if (hostKind === 'invalid') return explained('invalid-url', `"${url}" is not a valid URL.`);
  const p: FetchProblem = isFetchProblem(problem) ? problem : { kind: 'network', error: problem };
  switch (p.kind) {
    case 'network': {
      const { code, message } = networkMessage(url, p.error, hostKind);
      return explained(code, message);
    }
    case 'status': {
      const status = `${p.status}${p.statusText ? ` ${p.statusText}` : ''}`;
      if (p.status === 401 || p.status === 403) {
        return explained(
          'fetch-unauthorized',
          `The server answered ${status}: the discovery endpoints need credentials unless the cluster lets anonymous users read them (by default only service accounts are bound to system:service-account-issuer-discovery).`,
        );
      }
      if (p.status === 404) {
        return explained('fetch-not-found', `The server answered ${status}: nothing is served there. The issuer may not be this API server, or its first --service-account-issuer is not an https URL (discovery is then off).`);
      }
      return explained('fetch-status', `The server answered ${status} instead of the document.`);
    }
    case 'not-json':
      return explained('fetch-not-json', `The answer is not JSON${p.contentType ? ` (Content-Type ${p.contentType})` : ''}: a login page, proxy or error page probably answered instead of the API server.`);
    case 'unexpected-json':
      return explained('fetch-unexpected-json', 'The answer is JSON but neither an OpenID discovery document (with jwks_uri) nor a key set (with keys).');
  }
}
