/**
 * Token + candidate keys → one signature verdict, with a line per key saying what happened. It
 * answers the JOSE question: does the signature verify with a key the user supplied?
 *
 * Order of questions, each able to end the check: is the token a decodable compact JWS; does its
 * header allow verification (alg, crit, b64, kid); is there a key; which keys does the token's kid
 * select (as JOSE selects: a key that declares a kid must declare the token's; a PEM declares none
 * and is tried); does each selected key fit the algorithm; does its signature match. Only a key
 * whose signature check resolved yields `verified`; any exception anywhere yields `error`.
 *
 * When every key declares a kid and none is the token's, the result is `no-matching-key`; such
 * keys are still checked for information (`signatureMatchesAnyway`), which never turns the
 * verdict into `verified`. Whether kube-apiserver would select the verifying key (its derived
 * kid) is a separate fact, `kubernetesSelection`, which the API-server verdict reads.
 */
import type { DecodedToken } from '../jws/decodeToken';
import type { CandidateKey } from '../keys/candidateKey';
import type { KeyInput } from '../keys/parseKeyInput';
import { HMAC_MARK_LABEL, LONG_HMAC_SECRET_BYTES } from '../keys/secret';
import { isKubernetesAlgorithm, keyFitsAlgorithm, type AlgorithmSpec } from './algorithms';
import { checkSignatureWithKey, type SigningParts } from './checkSignatureWithKey';
import { checkHeader } from './headerChecks';
import { kidsOf, kubernetesKeySelection, ownKid, selectKeysByKid, type KidMatchReason, type KubernetesKeySelection, type SelectedKey } from './selectKeys';

export type SignatureState = 'verified' | 'invalid' | 'no-matching-key' | 'unsupported' | 'unsecured' | 'error' | 'no-key';

export type AttemptOutcome =
  | 'verified'
  | 'signature-mismatch'
  /** Not tried: it declares a kid other than the token's. */
  | 'kid-mismatch'
  /** Not tried: wrong key type or curve, or its own alg/use/key_ops exclude this use. */
  | 'incompatible'
  /** Not tried: this key cannot be used here at all (browser support, size). */
  | 'unusable'
  | 'error';

export interface KeyAttempt {
  candidateId: string;
  label: string;
  /** The key's own kid: its JWK kid if it has one, else its Kubernetes-derived kid. */
  keyKid: string | null;
  outcome: AttemptOutcome;
  /** "kid does not match", "key type EC P-256 cannot verify RS256", "signature does not match", "verified". */
  reason: string;
  /** For `kid-mismatch` only: the result of checking the key anyway, for information. */
  signatureMatchesAnyway?: boolean;
}

export interface SignatureResult {
  state: SignatureState;
  /** One human line. */
  message: string;
  alg: string | null;
  tokenKid: string | null;
  /** Whether `alg` is one Kubernetes signs with; null when the header has no usable alg. */
  kubernetesAlgorithm: boolean | null;
  matchedKey?: { id: string; label: string };
  /** The verifying key's own kid: its JWK kid, else its Kubernetes-derived kid. */
  matchedKid?: string;
  /** For a verifying public key: would kube-apiserver (1.31 and later) select it by kid? */
  kubernetesSelection?: KubernetesKeySelection;
  attempts: KeyAttempt[];
  /** Every kid among the keys, for "no key has kid X; these are present". */
  kidsPresent: string[];
  notes: string[];
  /** Said loudly next to the state: a verification that may not mean what it seems. */
  warnings: string[];
}

/** Payload errors that still allow a signature check (the payload need not be JSON, RFC 7515). */
const PAYLOAD_CONTENT_CODES = new Set(['not-json', 'bad-json', 'not-an-object', 'bad-utf8', 'json-too-deep']);
const STRICT_BASE64URL = /^[A-Za-z0-9_-]*$/;

const quote = (s: string) => `"${s}"`;

function baseResult(token: DecodedToken | null, partial: Partial<SignatureResult> & Pick<SignatureResult, 'state' | 'message'>): SignatureResult {
  const alg = typeof token?.headerObject?.alg === 'string' ? token.headerObject.alg : null;
  const kid = typeof token?.headerObject?.kid === 'string' ? token.headerObject.kid : null;
  return { alg, tokenKid: kid, kubernetesAlgorithm: alg === null ? null : isKubernetesAlgorithm(alg), attempts: [], kidsPresent: [], notes: [], warnings: [], ...partial };
}

/** Problems in the token itself that make a signature check meaningless. */
function tokenProblem(token: DecodedToken): string | null {
  if (token.token.trim().startsWith('{')) {
    return 'This is a JWS in JSON serialization, not a compact token; kube-apiserver ignores such tokens, so it is not verified.';
  }
  const blocking = token.errors.filter((e) => e.segment !== 'payload' || !PAYLOAD_CONTENT_CODES.has(e.code));
  if (blocking.length) return `The token cannot be verified: ${blocking.map((e) => e.message).join(' ')}`;
  const [h, p, s] = [token.header.raw, token.payload.raw, token.signature.raw];
  const loose = (['header', 'payload', 'signature'] as const).filter((_, i) => !STRICT_BASE64URL.test([h, p, s][i] as string));
  if (loose.length) {
    return `The ${loose.join(' and ')} ${loose.length === 1 ? 'is' : 'are'} not strict base64url ("=" padding or "+"/"/"); kube-apiserver would not parse the token, so it is not verified.`;
  }
  if (!token.headerObject) return 'The header is not a JSON object, so the token cannot be verified.';
  return null;
}

function keysProblem(keys: KeyInput, algorithm: AlgorithmSpec): Pick<SignatureResult, 'state' | 'message'> | null {
  if (keys.kind === 'empty') return { state: 'no-key', message: 'No key entered: paste a public key, certificate, JWKS or secret to check the signature.' };
  if (keys.error) return { state: 'error', message: `The key cannot be used: ${keys.error.message}` };
  if (keys.kind === 'unmarked-text') {
    return {
      state: 'no-key',
      message:
        algorithm.kty === 'oct'
          ? `The token is signed with ${algorithm.alg}, which needs the shared HMAC secret. The key text is not a public key, certificate or JWK; if it is the secret, tick “${HMAC_MARK_LABEL}”. Text is never used as a secret unless marked: a token HMAC-signed with a public key's text is a forgery.`
          : `The key text is not a PEM key, certificate, JWK or JWKS, so there is no key for this ${algorithm.alg} signature.`,
    };
  }
  if (keys.kind === 'oidc-discovery') {
    return {
      state: 'no-key',
      message: `This is an OpenID discovery document; it holds no keys.${keys.discovery?.jwksUri ? ` The keys are at its jwks_uri, ${keys.discovery.jwksUri}.` : ''} Paste that key set (or the output of kubectl get --raw /openid/v1/jwks).`,
    };
  }
  if (keys.candidates.length === 0) return { state: 'no-key', message: 'No usable key was found in the key input.' };
  return null;
}

function describeMatchedKid(candidate: CandidateKey): string {
  if (candidate.givenKid !== undefined) return `, kid ${quote(candidate.givenKid)}`;
  return candidate.kubernetesKid ? `, Kubernetes kid ${quote(candidate.kubernetesKid)}` : '';
}

function describeKeyKids(c: CandidateKey): string {
  if (c.givenKid !== undefined && c.kubernetesKid && c.givenKid !== c.kubernetesKid) return `${quote(c.givenKid)} (its Kubernetes-derived kid is ${quote(c.kubernetesKid)})`;
  const kid = ownKid(c);
  return kid === null ? 'absent' : quote(kid);
}

function selectionPhrase(reason: KidMatchReason, tokenKid: string | null): string {
  switch (reason) {
    case 'given-kid':
      return 'its kid matches the token';
    case 'key-declares-no-kid':
      return 'the key declares no kid, so it is tried';
    case 'token-has-no-kid':
      return tokenKid === '' ? 'the token\'s kid is empty, so every key is tried' : 'the token has no kid, so every key is tried';
  }
}

async function attemptSelected(parts: SigningParts, algorithm: AlgorithmSpec, selection: SelectedKey, signatureBytes: number, tokenKid: string | null): Promise<KeyAttempt> {
  const { candidate } = selection;
  const base = { candidateId: candidate.id, label: candidate.label, keyKid: ownKid(candidate) };
  const fit = keyFitsAlgorithm(candidate, algorithm);
  if (!fit.fits) return { ...base, outcome: fit.unusable ? 'unusable' : 'incompatible', reason: fit.reason };
  const check = await checkSignatureWithKey(parts, algorithm, candidate, signatureBytes);
  switch (check.outcome) {
    case 'match':
      return { ...base, outcome: 'verified', reason: `verified (${selectionPhrase(selection.reason, tokenKid)})` };
    case 'mismatch':
      return { ...base, outcome: 'signature-mismatch', reason: `signature does not match${check.detail ? `: ${check.detail}` : ''}` };
    case 'error':
      return { ...base, outcome: 'error', reason: check.message };
  }
}

/** Keys that declare another kid, so a verifier skips them; checked anyway for the user's benefit. */
async function attemptKidMismatch(parts: SigningParts, algorithm: AlgorithmSpec, candidate: CandidateKey, signatureBytes: number, tokenKid: string, checkAnyway: boolean): Promise<KeyAttempt> {
  const attempt: KeyAttempt = {
    candidateId: candidate.id,
    label: candidate.label,
    keyKid: ownKid(candidate),
    outcome: 'kid-mismatch',
    reason: `kid does not match: the token's kid is ${quote(tokenKid)}, this key's is ${describeKeyKids(candidate)}`,
  };
  if (!checkAnyway || !keyFitsAlgorithm(candidate, algorithm).fits) return attempt;
  const check = await checkSignatureWithKey(parts, algorithm, candidate, signatureBytes);
  if (check.outcome === 'error') return attempt;
  attempt.signatureMatchesAnyway = check.outcome === 'match';
  attempt.reason += check.outcome === 'match'
    ? '; checked anyway for information, its signature does match (a verifier would still not try it)'
    : '; checked anyway for information, its signature does not match either';
  return attempt;
}

/** For one pasted key that fails: its derived kid, when it is not the token's, says another key signed. */
function derivedKidHint(tried: KeyAttempt[], candidates: CandidateKey[], tokenKid: string | null): string {
  const only = tried.length === 1 && tried[0]?.outcome === 'signature-mismatch' ? candidates.find((c) => c.id === tried[0]?.candidateId) : undefined;
  const kubernetes = only && tokenKid ? kubernetesKeySelection(tokenKid, only) : null;
  if (!kubernetes || kubernetes.selects) return '';
  return ` The pasted key's Kubernetes kid is ${quote(kubernetes.derivedKid)}, not the token's kid ${quote(tokenKid ?? '')}: the token was probably signed by another key.`;
}

function verdictMessage(algorithm: AlgorithmSpec, tried: KeyAttempt[]): Pick<SignatureResult, 'state' | 'message'> {
  const failed = tried.filter((a) => a.outcome === 'error' || a.outcome === 'unusable');
  const checked = tried.filter((a) => a.outcome === 'signature-mismatch');
  if (failed.length) {
    return { state: 'error', message: `The signature could not be checked with ${failed.map((a) => `${a.label} (${a.reason})`).join('; ')}${checked.length ? `; it does not match ${checked.map((a) => a.label).join(', ')}` : ''}.` };
  }
  if (checked.length === 0) {
    return { state: 'invalid', message: `No key can verify ${algorithm.alg}: ${tried.map((a) => `${a.label}: ${a.reason}`).join('; ')}.` };
  }
  const only = checked.length === 1 && tried.length === 1 ? checked[0] : undefined;
  const detail = only && only.reason !== 'signature does not match' ? ` (${only.reason.replace(/^signature does not match: /, '')})` : '';
  return {
    state: 'invalid',
    message: only
      ? `The signature does not match ${only.label}${detail}: the token was changed after signing, or signed by another key.`
      : `The signature does not match any of the ${tried.length} keys tried (${tried.map((a) => `${a.label}: ${a.reason}`).join('; ')}).`,
  };
}

function noMatchingKeyMessage(tokenKid: string, candidates: CandidateKey[], attempts: KeyAttempt[]): string {
  const kids = [...new Set(candidates.flatMap((c) => (c.givenKid === undefined ? [] : [c.givenKid])))];
  let message = `No key has the token's kid ${quote(tokenKid)}${kids.length ? ` (kids present: ${kids.map(quote).join(', ')})` : ''}; a key that declares a kid verifies only tokens with that kid, so none was tried.`;
  const derivedMatch = candidates.find((c) => c.kubernetesKid === tokenKid);
  message += derivedMatch
    ? ` Note: the Kubernetes-derived kid of ${derivedMatch.label} is the token's kid, so kube-apiserver, which ignores JWK kids, would select it.`
    : ' kube-apiserver would find no key either ("invalid signature, no keys found").';
  const anyway = attempts.filter((a) => a.signatureMatchesAnyway === true);
  if (anyway.length) {
    message += ` For information: the signature does match ${anyway.map((a) => a.label).join(', ')}, so the token was signed by that key under a different kid (an external signer or another kid scheme?).`;
  } else if (attempts.some((a) => a.signatureMatchesAnyway === false)) {
    message += ' Checked anyway for information, the signature does not match the key(s) either.';
  }
  return message;
}

function longSecretWarning(candidate: CandidateKey): string[] {
  const bytes = candidate.secret?.byteLength ?? 0;
  if (bytes <= LONG_HMAC_SECRET_BYTES) return [];
  return [
    `Be careful: the HMAC secret that verified this token is ${bytes} bytes long. Real HMAC secrets are short (32 to 64 bytes); text this long is usually a public key or certificate, which anyone can read, and a token HMAC-signed with it proves nothing about who made it.`,
  ];
}

async function verifyUnguarded(token: DecodedToken, keys: KeyInput): Promise<SignatureResult> {
  const problem = tokenProblem(token);
  if (problem) return baseResult(token, { state: 'error', message: problem });
  const header = token.headerObject ?? {};
  const duplicates = (token.header.facts?.duplicates ?? []).filter((d) => d.path === '').map((d) => d.name);
  const verdict = checkHeader(header, duplicates);
  if (!verdict.ok) return baseResult(token, { state: verdict.state, message: verdict.message });
  const { algorithm, kid: tokenKid, notes } = verdict;
  // After the header checks, so that `alg: none` with its empty signature reads as unsecured.
  if (!token.signature.bytes?.length) return baseResult(token, { state: 'error', message: 'The token has no signature (its third part is empty), so there is nothing to verify.' });

  const missing = keysProblem(keys, algorithm);
  if (missing) return baseResult(token, { ...missing, notes });

  const parts: SigningParts = { protected: token.header.raw, payload: token.payload.raw, signature: token.signature.raw };
  const signatureBytes = token.signature.bytes?.length ?? 0;
  const selection = selectKeysByKid(tokenKid, keys.candidates);
  const kidsPresent = [...new Set(keys.candidates.flatMap(kidsOf))];
  const common = { notes, kidsPresent };

  if (selection.selected.length === 0 && tokenKid) {
    const attempts: KeyAttempt[] = [];
    for (const candidate of selection.notSelected) attempts.push(await attemptKidMismatch(parts, algorithm, candidate, signatureBytes, tokenKid, true));
    return baseResult(token, { ...common, state: 'no-matching-key', message: noMatchingKeyMessage(tokenKid, keys.candidates, attempts), attempts });
  }

  const tried: KeyAttempt[] = [];
  for (const selected of selection.selected) tried.push(await attemptSelected(parts, algorithm, selected, signatureBytes, tokenKid));
  const skipped: KeyAttempt[] = [];
  for (const candidate of selection.notSelected) skipped.push(await attemptKidMismatch(parts, algorithm, candidate, signatureBytes, tokenKid ?? '', false));
  const attempts = [...tried, ...skipped];

  const winner = tried.find((a) => a.outcome === 'verified');
  const won = winner ? selection.selected.find((s) => s.candidate.id === winner.candidateId) : undefined;
  if (winner && won) {
    const { candidate } = won;
    const matchedKid = ownKid(candidate) ?? undefined;
    const kubernetesSelection = kubernetesKeySelection(tokenKid, candidate) ?? undefined;
    const nonKubernetes = isKubernetesAlgorithm(algorithm.alg) ? '' : ` ${algorithm.alg} is not a Kubernetes signing algorithm (Kubernetes uses only RS256, ES256, ES384 and ES512).`;
    const kubernetesNote = kubernetesSelection && !kubernetesSelection.selects
      ? [`kube-apiserver selects keys by their derived kid, and this key's (${quote(kubernetesSelection.derivedKid)}) is not the token's (${quote(tokenKid ?? '')}): see the verdict.`]
      : [];
    return baseResult(token, {
      ...common,
      notes: [...notes, ...kubernetesNote],
      state: 'verified',
      message: `Signature verified with ${winner.label}${describeMatchedKid(candidate)}: ${selectionPhrase(won.reason, tokenKid)}.${nonKubernetes}`,
      matchedKey: { id: winner.candidateId, label: winner.label },
      ...(matchedKid !== undefined && { matchedKid }),
      ...(kubernetesSelection !== undefined && { kubernetesSelection }),
      attempts,
      warnings: longSecretWarning(candidate),
    });
  }
  const failed = verdictMessage(algorithm, tried);
  return baseResult(token, { ...common, ...failed, message: failed.message + derivedKidHint(tried, keys.candidates, tokenKid), attempts });
}

/** Never rejects; never reports `verified` unless a key's signature check succeeded. */
export async function verifySignature(token: DecodedToken, keys: KeyInput): Promise<SignatureResult> {
  try {
    return await verifyUnguarded(token, keys);
  } catch (error) {
    const message = `The signature check stopped on an unexpected error (${error instanceof Error ? error.message : String(error)}); the token is not verified.`;
    try {
      return baseResult(token, { state: 'error', message });
    } catch {
      // The token object itself is what failed: report without reading it again.
      return baseResult(null, { state: 'error', message });
    }
  }
}
