/**
 * Edited header + edited payload + key → a compact JWS. What the user sees is what is signed:
 * the payload bytes are their text (with only the whitespace between JSON tokens removed, unless
 * they ask for it as typed), and the header is their object as jose serialises it. Refuses, with
 * a sentence, whatever would not sign cleanly: invalid JSON (with its position), a missing or
 * unsupported alg, an alg that does not fit the key. Never throws.
 */
import { CompactSign, base64url, type CompactJWSHeaderParameters } from 'jose';
import { KUBERNETES_ALGORITHMS, BOUND_CLAIM, LEGACY_ISSUER } from '../kubernetes/kubernetesClaims';
import { fail, ok, type Result } from '../result';
import { compactJsonText, readJsonObjectText, type JsonObject } from './jsonText';
import { checkAlgorithmForKey, type SigningKey } from './signingKey';

export type PayloadLayout = 'compact' | 'as-typed';

export interface SignRequest {
  headerText: string;
  payloadText: string;
  key: SigningKey | null;
  /** compact (default): whitespace between JSON tokens removed, as kube-apiserver writes tokens. */
  payloadLayout?: PayloadLayout;
}

export interface SignedToken {
  token: string;
  header: JsonObject;
  alg: string;
  /** The header's kid when it is a string. */
  kid: string | null;
  /** Things worth knowing about the result (never reasons it failed). */
  notes: string[];
}

const isKubernetesShaped = (claims: JsonObject) => claims.iss === LEGACY_ISSUER || Object.hasOwn(claims, BOUND_CLAIM);

function notesFor(header: JsonObject, claims: JsonObject, key: SigningKey, duplicates: string[]): string[] {
  const notes: string[] = [];
  const alg = header.alg as string;
  if (isKubernetesShaped(claims) && !(KUBERNETES_ALGORITHMS as readonly string[]).includes(alg)) {
    notes.push(`kube-apiserver signs only with RS256 or ES256/ES384/ES512; a Kubernetes-shaped token signed with ${alg} could not have come from a cluster.`);
  }
  if (key.kind === 'asymmetric' && typeof header.kid === 'string' && header.kid !== '' && header.kid !== key.kubernetesKid) {
    notes.push(`The header's kid "${header.kid}" is not this key's Kubernetes kid (${key.kubernetesKid}); the JWKS shown uses the header's kid so that verifiers can find the key.`);
  }
  if (header.kid !== undefined && typeof header.kid !== 'string') notes.push('The header\'s kid is not a string; verifiers, kube-apiserver included, will not match it to a key.');
  notes.push(...duplicates);
  return notes;
}

export async function signToken({ headerText, payloadText, key, payloadLayout = 'compact' }: SignRequest): Promise<Result<SignedToken>> {
  const header = readJsonObjectText(headerText, 'header');
  if (!header.ok) return fail(header.error);
  const payload = readJsonObjectText(payloadText, 'payload');
  if (!payload.ok) return fail(payload.error);
  if (!key) return fail({ code: 'no-key', message: 'There is no key to sign with: generate one or paste a private key.' });
  const fit = checkAlgorithmForKey(header.value.alg, key);
  if (!fit.ok) return fail(fit.error);
  if (header.value.b64 === false) {
    return fail({ code: 'b64-false', message: 'The header has "b64": false (RFC 7797, an unencoded payload); the builder signs ordinary compact tokens only.', segment: 'header' });
  }

  const duplicates = [
    ...header.facts.duplicates.map((d) => `The header has "${d.name}" ${d.values.length} times; jose keeps the last one in the signed header.`),
    ...payload.facts.duplicates.map((d) => `The payload has "${d.name}" ${d.values.length} times${d.path ? ` in ${d.path}` : ''}; all are signed as typed, and verifiers disagree on which wins.`),
  ];
  const payloadBytes = new TextEncoder().encode(payloadLayout === 'compact' ? compactJsonText(payloadText) : payloadText);
  try {
    const signer = new CompactSign(payloadBytes).setProtectedHeader(header.value as CompactJWSHeaderParameters);
    const token = await signer.sign(key.kind === 'asymmetric' ? key.privateKey.jwk() : key.secret.bytes());
    const notes = notesFor(header.value, payload.value, key, duplicates);
    const signedHeader = new TextDecoder().decode(base64url.decode(token.split('.')[0] as string));
    if (signedHeader !== compactJsonText(headerText) && duplicates.length === 0) {
      notes.push(`jose wrote the header as ${signedHeader} (JSON.stringify of the edited object), which differs in spelling from the text typed.`);
    }
    return ok({ token, header: header.value, alg: fit.spec.alg, kid: typeof header.value.kid === 'string' ? header.value.kid : null, notes });
  } catch (error) {
    // jose refuses what it cannot sign (e.g. an unknown "crit" extension); say so as jose put it.
    const message = error instanceof Error ? error.message : String(error);
    return fail({ code: 'sign-failed', message: `The token could not be signed: ${message}.` });
  }
}
