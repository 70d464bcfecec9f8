/**
 * One signature check: one key, one algorithm, through jose's flattenedVerify over the token's raw
 * `header.payload` segments (so a non-JSON payload, as in RFC 7515 A.4, verifies too). Only a
 * resolved flattenedVerify is a match; every exception becomes a mismatch or an error, never a
 * match.
 */
import { flattenedVerify, importJWK } from 'jose';
import type { CandidateKey } from '../keys/candidateKey';
import type { AlgorithmSpec } from './algorithms';

export interface SigningParts {
  protected: string;
  payload: string;
  signature: string;
}

export type KeyCheck = { outcome: 'match' } | { outcome: 'mismatch'; detail: string | null } | { outcome: 'error'; message: string };

const SIGNATURE_FAILED = 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';

/** Key members only: the JWK's own alg/use/key_ops were already checked, with better messages. */
function keyMembers(candidate: CandidateKey): JsonWebKey {
  const { kty, n, e, crv, x, y } = candidate.publicJwk;
  switch (kty) {
    case 'RSA':
      return { kty, n, e };
    case 'EC':
      return { kty, crv, x, y };
    default:
      return { kty, crv, x };
  }
}

const EXPECTED_LENGTH: Record<string, number> = { ES256: 64, ES384: 96, ES512: 132, EdDSA: 64, Ed25519: 64, HS256: 32, HS384: 48, HS512: 64 };

/** A hint when the signature cannot be right for this key, whatever the message. */
function shapeHint(algorithm: AlgorithmSpec, candidate: CandidateKey, signatureBytes: number): string | null {
  if (candidate.kty === 'RSA') {
    const expected = Math.ceil((candidate.sizeBits ?? 0) / 8);
    return expected && signatureBytes !== expected ? `the signature has ${signatureBytes} bytes; this ${candidate.sizeBits}-bit key makes ${expected}-byte signatures, so it was made by a different key` : null;
  }
  const expected = EXPECTED_LENGTH[algorithm.alg];
  if (!expected || signatureBytes === expected) return null;
  const der = algorithm.kty === 'EC' && signatureBytes > expected && signatureBytes <= expected + 9 ? ' (it may be DER-encoded; JWS uses raw r‖s)' : '';
  return `the signature has ${signatureBytes} bytes; ${algorithm.alg} signatures have ${expected}${der}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return String(error);
}

export async function checkSignatureWithKey(parts: SigningParts, algorithm: AlgorithmSpec, candidate: CandidateKey, signatureBytes: number): Promise<KeyCheck> {
  let key: CryptoKey | Uint8Array;
  try {
    if (candidate.kty === 'oct') {
      if (!candidate.secret) return { outcome: 'error', message: 'the HMAC key has no secret bytes' };
      key = candidate.secret.bytes();
    } else {
      key = await importJWK(keyMembers(candidate), algorithm.alg);
    }
  } catch (error) {
    return { outcome: 'error', message: `the key could not be imported for ${algorithm.alg} (${describe(error)})` };
  }
  try {
    await flattenedVerify({ protected: parts.protected, payload: parts.payload, signature: parts.signature }, key, { algorithms: [algorithm.alg] });
    return { outcome: 'match' };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // jose reports both "verify returned false" and "verify threw" with this code; only the first
    // is a real mismatch, the second (it carries a cause) is a failure to check.
    if (code === SIGNATURE_FAILED && (error as { cause?: unknown }).cause === undefined) {
      return { outcome: 'mismatch', detail: shapeHint(algorithm, candidate, signatureBytes) };
    }
    const cause = (error as { cause?: unknown } | null)?.cause;
    return { outcome: 'error', message: `the check could not be completed (${describe(cause ?? error)})` };
  }
}
