/**
 * Pasted private key text → a signing key. Accepted: PEM PKCS#8 `PRIVATE KEY`, PKCS#1
 * `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY` (also as bare base64 DER), a private JWK (RSA, EC,
 * OKP Ed25519) or an `oct` JWK for HMAC. Never throws: every problem is a `{ ok: false }` value
 * saying what was pasted and what would work.
 */
import { CompactSign, base64url, compactVerify } from 'jose';
import { parseJsonStrict } from '../json/parseJsonStrict';
import { PEM_LABEL_OF_FORM, identifyDerKey, isPrivateForm, type DerKeyForm } from '../keys/derKey';
import { KeyFormatError, describeKeyError } from '../keys/keyFormatError';
import { scanPem } from '../keys/pem';
import { recognizeKeyText } from '../keys/recognizeKeyText';
import { fail, ok, type Result } from '../result';
import { asymmetricSigningKey, secretSigningKey, type KeyOrigin } from './makeSigningKey';
import { privateJwkFromDer } from './privateKeyDer';
import type { AsymmetricSigningKey, SigningKey } from './signingKey';

const WHAT_WORKS = 'Paste a PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) or a private JWK.';

const FORM_NAMES: Record<DerKeyForm, string> = {
  spki: 'a public key',
  certificate: 'a certificate',
  'pkcs1-public': 'a PKCS#1 RSA public key',
  'pkcs1-private': 'PKCS#1 RSA PRIVATE KEY',
  pkcs8: 'PKCS#8 PRIVATE KEY',
  sec1: 'SEC1 EC PRIVATE KEY',
  'encrypted-pkcs8': 'an encrypted PKCS#8 key',
};

const PEM_REFUSALS: Record<string, string> = {
  'ENCRYPTED PRIVATE KEY': 'it is encrypted with a passphrase; decrypt it first (openssl pkey -in key.pem -out plain.pem)',
  'OPENSSH PRIVATE KEY': 'it is in OpenSSH format; convert a copy first (ssh-keygen -p -m PKCS8 -f <copy of the key>)',
  'DSA PRIVATE KEY': 'it is a DSA key; JWS has no DSA algorithm',
};

/** Signs a probe and verifies it with the public part: catches a JWK whose members do not belong together. */
async function checkKeyPair(key: AsymmetricSigningKey): Promise<void> {
  const alg = key.algorithms[0] as string;
  const probe = await new CompactSign(new TextEncoder().encode('key pair check')).setProtectedHeader({ alg }).sign(key.privateKey.jwk());
  try {
    await compactVerify(probe, { ...key.publicJwk }, { algorithms: [alg] });
  } catch {
    throw new KeyFormatError('its public members do not belong to its private key (a signature made with it does not verify with its public part)');
  }
}

async function fromDer(der: Uint8Array, form: DerKeyForm, origin: KeyOrigin): Promise<SigningKey> {
  const reading = await privateJwkFromDer(der, form);
  return asymmetricSigningKey(reading.jwk, {
    ...origin,
    ...(reading.restrictTo && { restrictTo: reading.restrictTo }),
    notes: [...reading.notes, ...(origin.notes ?? [])],
  });
}

async function fromPem(text: string): Promise<SigningKey> {
  const scan = scanPem(text);
  if (scan.problem) throw new KeyFormatError(scan.problem);
  const notes: string[] = [];
  const refusals: string[] = [];
  for (const block of scan.blocks) {
    const name = `PEM block ${block.index} (${block.label})`;
    const refusal = PEM_REFUSALS[block.label] ?? (/ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '') ? 'it is encrypted with a passphrase (legacy OpenSSL encryption); decrypt it first (openssl pkey -in key.pem -out plain.pem)' : undefined);
    if (refusal || !block.der) {
      refusals.push(`${name}: ${refusal ?? block.problem ?? 'it could not be decoded'}`);
      continue;
    }
    const form = identifyDerKey(block.der);
    if (!form || !isPrivateForm(form)) {
      refusals.push(`${name}: ${form ? `it is ${FORM_NAMES[form]}, not a private key (signing needs the private half, such as a cluster's sa.key)` : 'its content is not a key structure'}`);
      continue;
    }
    if (block.label !== PEM_LABEL_OF_FORM[form]) notes.push(`Labelled "${block.label}" but holds ${FORM_NAMES[form]}; it is read as what it holds.`);
    if (scan.blocks.length > 1) notes.push(`The text has ${scan.blocks.length} PEM blocks; block ${block.index} is used.`);
    return fromDer(block.der, form, { source: `pasted ${FORM_NAMES[form]}`, notes });
  }
  throw new KeyFormatError(`no private key in the PEM text. ${refusals.join('; ')}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JWK's own limits become the key's: "alg" pins the algorithm, "use"/"key_ops" must allow signing. */
function jwkOrigin(jwk: Record<string, unknown>, source: string): KeyOrigin {
  if (jwk.use !== undefined && jwk.use !== 'sig') throw new KeyFormatError(`its "use" is ${JSON.stringify(jwk.use)}, not "sig"`);
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('sign'))) {
    throw new KeyFormatError(`its "key_ops" (${JSON.stringify(jwk.key_ops)}) do not include "sign"`);
  }
  if (jwk.alg !== undefined && typeof jwk.alg !== 'string') throw new KeyFormatError('its "alg" must be a string');
  return { source, ...(typeof jwk.alg === 'string' && { restrictTo: { algs: [jwk.alg], reason: `its JWK "alg" is ${jwk.alg}` } }) };
}

async function fromJwkValue(value: unknown): Promise<SigningKey> {
  let jwk = value;
  if (isObject(value) && Array.isArray(value.keys)) {
    if (value.keys.length !== 1) throw new KeyFormatError(`it is a JWKS with ${value.keys.length} keys; paste the one private JWK to sign with`);
    jwk = value.keys[0];
  }
  if (!isObject(jwk)) throw new KeyFormatError('it is JSON, but not a JWK object');
  if (typeof jwk.kty !== 'string') throw new KeyFormatError('it is JSON, but not a JWK: it has no "kty"');
  if (jwk.kty === 'oct') {
    if (typeof jwk.k !== 'string' || !/^[A-Za-z0-9_-]+$/.test(jwk.k)) throw new KeyFormatError('its "k" (the secret) must be a non-empty base64url string');
    return secretSigningKey(base64url.decode(jwk.k), jwkOrigin(jwk, 'pasted oct JWK'));
  }
  if (jwk.d === undefined) throw new KeyFormatError('it is a public JWK (no "d"); signing needs the private key');
  const origin = jwkOrigin(jwk, `pasted ${jwk.kty} private JWK`);
  // WebCrypto validates the members and fills in the public ones exactly as it will use them.
  const { alg: _alg, use: _use, key_ops: _ops, ext: _ext, kid: _kid, ...members } = jwk;
  const algorithm =
    jwk.kty === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : jwk.kty === 'EC' ? { name: 'ECDSA', namedCurve: String(jwk.crv) } : { name: String(jwk.crv) };
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC' && !(jwk.kty === 'OKP' && jwk.crv === 'Ed25519')) {
    throw new KeyFormatError(`its key type ${jwk.kty}${jwk.crv ? ` ${String(jwk.crv)}` : ''} cannot sign a JWS here (RSA, EC P-256/P-384/P-521, OKP Ed25519 and oct can)`);
  }
  const cryptoKey = await globalThis.crypto.subtle.importKey('jwk', members as JsonWebKey, algorithm, true, ['sign']);
  return asymmetricSigningKey(await globalThis.crypto.subtle.exportKey('jwk', cryptoKey), origin);
}

async function readPrivateKey(text: string): Promise<SigningKey> {
  const shape = recognizeKeyText(text);
  switch (shape.shape) {
    case 'empty':
      throw new KeyFormatError(`nothing was pasted. ${WHAT_WORKS}`);
    case 'pem':
      return fromPem(text);
    case 'json': {
      const parsed = parseJsonStrict(text.trim());
      if (!parsed.ok) throw new KeyFormatError(`it looks like JSON but is not valid: ${parsed.error.message}`);
      return fromJwkValue(parsed.value);
    }
    case 'der-base64':
      if (!isPrivateForm(shape.form)) throw new KeyFormatError(`it is base64 DER of ${FORM_NAMES[shape.form]}, not a private key`);
      return fromDer(shape.der, shape.form, { source: `pasted base64 DER (${FORM_NAMES[shape.form]})` });
    case 'openssh':
      throw new KeyFormatError('it is an OpenSSH public key; signing needs a private key');
    case 'jwt':
      throw new KeyFormatError('it is a token, not a key');
    case 'text':
      throw new KeyFormatError(`it is not a key. ${WHAT_WORKS} For HMAC, paste an oct JWK: {"kty":"oct","k":"<base64url secret>"}`);
  }
}

export async function importPrivateKey(text: string): Promise<Result<SigningKey>> {
  try {
    const key = await readPrivateKey(text);
    if (key.kind === 'asymmetric') await checkKeyPair(key);
    return ok(key);
  } catch (error) {
    const message = describeKeyError(error);
    return fail({ code: error instanceof KeyFormatError ? 'bad-private-key' : 'key-import-failed', message: `The key cannot sign: ${message}.` });
  }
}
