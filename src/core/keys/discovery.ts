/**
 * Pure helpers for the optional "Fetch keys from the issuer" button. No request is made here:
 * the UI fetches (only after the user clicks), and these functions say where to fetch and explain
 * why a fetch failed — which, for Kubernetes issuers, is the usual outcome.
 */
import { fail, ok, type Result } from '../result';
import { withoutTrailing } from '../text/trailing';
import { MAX_KEY_INPUT_BYTES } from './parseKeyInput';

export const KUBECTL_JWKS_COMMAND = 'kubectl get --raw /openid/v1/jwks';
export const KUBECTL_DISCOVERY_COMMAND = 'kubectl get --raw /.well-known/openid-configuration';

/** Legacy Secret-based tokens' issuer (same value as LEGACY_ISSUER in kubernetes/kubernetesClaims). */
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
  return ok(`${withoutTrailing(trimmed, '/')}/.well-known/openid-configuration`);
}

export type HostKind = 'in-cluster' | 'loopback' | 'link-local' | 'private' | 'public' | 'invalid';

function ipv4Kind(host: string): HostKind | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  // 0.0.0.0/8 reaches this machine on Linux and macOS.
  if (a === 127 || a === 0) return 'loopback';
  // 169.254.0.0/16 holds the cloud metadata services (169.254.169.254, 169.254.170.2).
  if (a === 169 && b === 254) return 'link-local';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return 'public';
}

/** An IPv6 literal as the URL parser writes it (`[fe80::1]`, `[::ffff:a9fe:a9fe]`). */
function ipv6Kind(bracketed: string): HostKind {
  const host = bracketed.slice(1, -1);
  if (host === '::1' || host === '::') return 'loopback';
  // IPv4-mapped: the URL parser writes ::ffff:169.254.169.254 as ::ffff:a9fe:a9fe.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const [hi, lo] = [Number.parseInt(mapped[1] as string, 16), Number.parseInt(mapped[2] as string, 16)];
    return ipv4Kind(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`) ?? 'public';
  }
  if (/^fe[89ab]/.test(host)) return 'link-local';
  if (/^f[cd]/.test(host)) return 'private';
  return 'public';
}

/** Names that resolve to a cloud metadata service. */
const METADATA_HOSTS: ReadonlySet<string> = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

/** Can a browser on the user's machine plausibly reach this host, and what lives there? By name only: DNS is not asked. */
export function classifyHost(url: string): HostKind {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'invalid';
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (METADATA_HOSTS.has(host)) return 'link-local';
  const v4 = ipv4Kind(host);
  if (v4) return v4;
  if (host.startsWith('[')) return ipv6Kind(host);
  if (host === 'kubernetes' || host === 'kubernetes.default' || /(^|\.)svc(\.|$)/.test(host) || host.endsWith('.cluster.local')) return 'in-cluster';
  if (!host.includes('.') || host.endsWith('.internal') || host.endsWith('.local') || host.endsWith('.lan')) return 'private';
  return 'public';
}

const HOST_KIND_PHRASES: Record<Exclude<HostKind, 'public' | 'invalid'>, string> = {
  'in-cluster': 'a name inside a cluster (like kubernetes.default.svc)',
  loopback: 'this computer (a loopback address)',
  'link-local': 'a link-local or metadata address (169.254.0.0/16, fe80::/10), where cloud metadata services answer',
  private: 'an address on a private network',
};

export interface FetchAssessment {
  url: string;
  hostKind: HostKind;
  /** Why the URL is not fetched at all; null when it may be, after the user confirms. */
  refusal: string | null;
  /** What the user must read before confirming. */
  warnings: string[];
}

export type FetchStep =
  /** The issuer's discovery document, for the token's `iss`. */
  | { step: 'discovery'; issuer: string; expectedIssuers: readonly string[] }
  /** The jwks_uri a discovery document named (`from` is the discovery document's URL). */
  | { step: 'jwks-uri'; from: string }
  /** A JWKS URL the user typed. */
  | { step: 'jwks-url' };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Before any request: may this URL be fetched, and what must the user know first? Refused:
 * anything but http(s), credentials in the URL, link-local and metadata hosts, and a public
 * discovery document pointing its jwks_uri inside the user's network (how a page probes it).
 * Warned: loopback, private and in-cluster hosts, plain http, a jwks_uri on another host than the
 * issuer, and an issuer outside the expected-issuer policy.
 */
export function assessKeyFetch(url: string, context: FetchStep): FetchAssessment {
  const hostKind = classifyHost(url);
  const assessment = (refusal: string | null, warnings: string[] = []): FetchAssessment => ({ url, hostKind, refusal, warnings });
  if (hostKind === 'invalid') return assessment(`"${url}" is not a valid URL.`);
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return assessment(`${parsed.protocol} URLs are not fetched; key sets are served over https.`);
  if (parsed.username || parsed.password) return assessment('The URL carries a user name or password; it is not fetched (this page never sends credentials).');
  const host = parsed.host;
  if (hostKind === 'link-local') {
    return assessment(`${host} is ${HOST_KIND_PHRASES['link-local']}. No issuer serves keys there, and this page will not make your browser ask it.`);
  }
  if (context.step === 'jwks-uri' && hostKind !== 'public' && classifyHost(context.from) === 'public') {
    return assessment(
      `The discovery document from ${hostOf(context.from)}, a public host, sends the key request to ${host}, ${HOST_KIND_PHRASES[hostKind]}. A public document pointing inside your network is how a page probes it, so this is not fetched.`,
    );
  }
  const warnings: string[] = [];
  if (context.step === 'discovery' && !context.expectedIssuers.includes(context.issuer)) {
    warnings.push(
      `The token's issuer ${context.issuer} is not one of the expected issuers (the validation policy). Its own keys can only show that whoever controls ${host} signed the token: anyone can publish keys for an issuer they made up.`,
    );
  }
  if (context.step === 'jwks-uri' && hostOf(context.from) !== host) {
    warnings.push(`The key set is on another host than the discovery document: ${hostOf(context.from)} sends the request to ${host}.`);
  }
  if (hostKind !== 'public') warnings.push(`${host} is ${HOST_KIND_PHRASES[hostKind]}: the request goes there from your browser.`);
  if (parsed.protocol === 'http:') warnings.push('It uses plain http: anyone on the way can read or change the answer (kube-apiserver serves discovery only over https).');
  return assessment(null, warnings);
}

/** Where fetched keys came from: the JWKS URL, and the issuer whose discovery document named it. */
export interface FetchedKeysSource {
  jwksUrl: string;
  /** Null for a JWKS URL the user typed. */
  issuer: string | null;
}

/**
 * Said next to the verdict while fetched keys are in use: they come from a host, so they prove
 * only who controls that host. For keys found through the token's own issuer that is circular.
 */
export function describeFetchedKeys(source: FetchedKeysSource, tokenIssuer: string | null): string {
  const host = hostOf(source.jwksUrl);
  const own = tokenIssuer !== null && (source.issuer === tokenIssuer || hostOf(tokenIssuer) === host);
  return own
    ? `These keys were fetched from ${host} through the token's own issuer: a signature they verify proves only that whoever controls that host signed the token, not that a cluster you trust did.`
    : `These keys were fetched from ${host}: a signature they verify proves only that whoever controls ${host} signed the token.`;
}

export type FetchProblem =
  /** The request was rejected: the browser got no response it may show (CORS, TLS, DNS, offline). */
  | { kind: 'network'; error: unknown }
  | { kind: 'status'; status: number; statusText?: string }
  | { kind: 'not-json'; contentType?: string | null }
  /** JSON, but neither a discovery document nor a JWKS. */
  | { kind: 'unexpected-json' }
  /** Longer than any key set or discovery document, so not read. */
  | { kind: 'too-large'; bytes: number };

export interface FetchFailureExplanation {
  code: string;
  message: string;
  suggestion: string;
  hostKind: HostKind;
}

function isFetchProblem(value: unknown): value is FetchProblem {
  return typeof value === 'object' && value !== null && 'kind' in value && ['network', 'status', 'not-json', 'unexpected-json', 'too-large'].includes((value as { kind: string }).kind);
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
  if (hostKind === 'loopback' || hostKind === 'private' || hostKind === 'link-local') {
    return {
      code: 'private-host',
      message: `${host} is ${HOST_KIND_PHRASES[hostKind]}; the browser reaches it only from inside that network, and even then the server must allow this page by CORS.`,
    };
  }
  const http = url.startsWith('http:')
    ? ' It uses plain http: browsers block http requests from an https page (mixed content), and kube-apiserver serves discovery only over https.'
    : '';
  const detail = error instanceof Error && error.message ? ` (the browser said: "${error.message}")` : '';
  return {
    code: 'fetch-failed',
    message: `The request to ${host} failed without a readable answer${detail}. Usually the server does not allow cross-origin requests from this page (CORS: kube-apiserver sends no CORS headers unless --cors-allowed-origins lists it), or its TLS certificate comes from a cluster CA the browser does not trust, or it answered with a redirect (redirects are not followed), or the network is down.${http}`,
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
    case 'too-large':
      return explained('fetch-too-large', `The answer is over ${Math.floor(MAX_KEY_INPUT_BYTES / 1024)} KiB (${Math.ceil(p.bytes / 1024)} KiB); a key set is a few kB, so it was not read.`);
  }
}
