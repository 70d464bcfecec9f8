/**
 * What the protected header must satisfy before any key is tried: a usable `alg`, a string `kid`,
 * no `crit` extension this tool does not understand (RFC 7515 §4.1.11 says such a token must be
 * rejected), no unencoded payload (RFC 7797 `b64: false`), no duplicate member names.
 */
import type { JsonObject } from '../jws/decodeToken';
import { SUPPORTED_ALGORITHMS, algorithmSpec, isUnsecuredAlgorithm, type AlgorithmSpec } from './algorithms';

export type HeaderVerdict =
  | { ok: true; algorithm: AlgorithmSpec; kid: string | null; notes: string[] }
  | { ok: false; state: 'error' | 'unsupported' | 'unsecured'; message: string };

/** Header parameters registered by RFC 7515/7516/7519 and RFC 7797: `crit` may not list them. */
const REGISTERED = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit', 'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c']);

/** Header members that carry or point to a key. A token can never vouch for itself. */
const EMBEDDED_KEY_MEMBERS = ['jwk', 'jku', 'x5c', 'x5u'];

function checkCrit(header: JsonObject): HeaderVerdict | null {
  if (!('crit' in header)) return null;
  const crit = header.crit;
  const bad = (message: string): HeaderVerdict => ({ ok: false, state: 'error', message: `The header's "crit" is malformed: ${message}. The token is not verified.` });
  if (!Array.isArray(crit) || crit.length === 0) return bad('it must be a non-empty array of header names');
  if (!crit.every((name): name is string => typeof name === 'string')) return bad('it must list header names as strings');
  const registered = crit.filter((name) => REGISTERED.has(name));
  if (registered.length) return bad(`it lists ${registered.map((n) => `"${n}"`).join(', ')}, which are standard parameters and may not be listed`);
  const absent = crit.filter((name) => !Object.hasOwn(header, name));
  if (absent.length) return bad(`it lists ${absent.map((n) => `"${n}"`).join(', ')}, which the header does not contain`);
  return {
    ok: false,
    state: 'unsupported',
    message: `The header marks ${crit.map((n) => `"${n}"`).join(', ')} as critical ("crit"), an extension this tool does not understand; RFC 7515 requires such a token to be rejected, so it is not verified.${crit.includes('b64') ? ' ("b64" is the RFC 7797 unencoded payload, which kube-apiserver never uses.)' : ''}`,
  };
}

export function checkHeader(header: JsonObject, duplicateMembers: string[]): HeaderVerdict {
  if (duplicateMembers.length) {
    return {
      ok: false,
      state: 'error',
      message: `The header has ${duplicateMembers.map((n) => `"${n}"`).join(', ')} more than once; parsers disagree on which value counts (RFC 7515 §4), so the token is not verified.`,
    };
  }
  const alg = header.alg;
  if (alg === undefined) return { ok: false, state: 'error', message: 'The header has no "alg"; a JWS must name its algorithm.' };
  if (typeof alg !== 'string') return { ok: false, state: 'error', message: `The header's "alg" must be a string, not ${alg === null ? 'null' : typeof alg}.` };
  if (isUnsecuredAlgorithm(alg)) {
    return { ok: false, state: 'unsecured', message: `"alg": "${alg}" means the token is unsecured: it has no signature to check, and it is never accepted as verified. kube-apiserver rejects it.` };
  }
  const kid = header.kid;
  if (kid !== undefined && typeof kid !== 'string') return { ok: false, state: 'error', message: `The header's "kid" must be a string, not ${kid === null ? 'null' : typeof kid}; kube-apiserver cannot parse this token.` };

  const crit = checkCrit(header);
  if (crit) return crit;
  if ('b64' in header) {
    if (typeof header.b64 !== 'boolean') return { ok: false, state: 'error', message: 'The header\'s "b64" must be true or false.' };
    if (header.b64 === false) {
      return { ok: false, state: 'unsupported', message: 'The header sets "b64": false (RFC 7797 unencoded payload), which this tool does not verify; kube-apiserver never issues such tokens.' };
    }
  }

  const algorithm = algorithmSpec(alg);
  if (!algorithm) {
    return {
      ok: false,
      state: 'unsupported',
      message: `The algorithm "${alg}" is not supported here (supported: ${Object.keys(SUPPORTED_ALGORITHMS).join(', ')}).`,
    };
  }
  const embedded = EMBEDDED_KEY_MEMBERS.filter((name) => name in header);
  const notes = embedded.length
    ? [`The header carries ${embedded.map((n) => `"${n}"`).join(', ')}; it is ignored: a token cannot supply the key that verifies it.`]
    : [];
  return { ok: true, algorithm, kid: typeof kid === 'string' ? kid : null, notes };
}
