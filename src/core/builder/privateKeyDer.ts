/**
 * DER private keys → a private JWK, through WebCrypto. WebCrypto imports only PKCS#8, so the
 * forms kube-apiserver is usually given are re-wrapped first, unchanged inside: PKCS#1
 * `RSA PRIVATE KEY` (kubeadm's sa.key) and SEC1 `EC PRIVATE KEY`. An id-RSASSA-PSS PKCS#8 key,
 * which browsers refuse, is carried as plain RSA and restricted to the PSS algorithms its
 * parameters allow.
 */
import { TAG, derNull, derOctetString, derOid, derSequence, derSmallInteger, readOid } from '../keys/der';
import type { DerKeyForm } from '../keys/derKey';
import { KeyFormatError } from '../keys/keyFormatError';
import { OID, describeOid, type CurveInfo } from '../keys/oids';
import { readPrivateKeyInfo } from '../keys/pkcs8';
import { curveOfSec1, readSec1, wrapSec1AsPkcs8 } from '../keys/sec1';
import { rsaPssRestriction } from '../keys/spki';

export interface PrivateKeyReading {
  jwk: JsonWebKey;
  restrictTo?: { algs: string[]; reason: string };
  notes: string[];
}

/** PrivateKeyInfo { version 0, { rsaEncryption, NULL }, OCTET STRING { RSAPrivateKey } } (RFC 8017 A.1, RFC 5208). */
export function wrapPkcs1AsPkcs8(pkcs1Der: Uint8Array): Uint8Array {
  return derSequence(derSmallInteger(0), derSequence(derOid(OID.rsaEncryption), derNull()), derOctetString(pkcs1Der));
}

type Importable = { kind: 'rsa' } | { kind: 'ec'; curve: CurveInfo } | { kind: 'ed25519' };

async function exportPrivateJwk(pkcs8: Uint8Array, key: Importable): Promise<JsonWebKey> {
  const algorithm =
    key.kind === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : key.kind === 'ec' ? { name: 'ECDSA', namedCurve: key.curve.name } : { name: 'Ed25519' };
  // Extractable so that its JWK members can be read; the JWK is what jose signs with.
  const cryptoKey = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, algorithm, true, ['sign']);
  return globalThis.crypto.subtle.exportKey('jwk', cryptoKey);
}

async function fromPkcs8(der: Uint8Array): Promise<PrivateKeyReading> {
  const { algorithm, inner } = readPrivateKeyInfo(der);
  switch (algorithm.oid) {
    case OID.rsaEncryption:
      return { jwk: await exportPrivateJwk(der, { kind: 'rsa' }), notes: [] };
    case OID.rsassaPss: {
      const restriction = rsaPssRestriction(algorithm.params);
      return {
        jwk: await exportPrivateJwk(wrapPkcs1AsPkcs8(inner), { kind: 'rsa' }),
        restrictTo: restriction,
        notes: ['An RSA-PSS (id-RSASSA-PSS) key: browsers cannot import that form, so its numbers are used as an RSA key for the PSS algorithms it allows.'],
      };
    }
    case OID.ecPublicKey: {
      const outerCurve = algorithm.params?.tag === TAG.OID ? readOid(algorithm.params, 'EC curve') : null;
      const curve = curveOfSec1(readSec1(inner), outerCurve);
      return { jwk: await exportPrivateJwk(wrapSec1AsPkcs8(inner, curve), { kind: 'ec', curve }), notes: [] };
    }
    case OID.ed25519:
      return { jwk: await exportPrivateJwk(der, { kind: 'ed25519' }), notes: [] };
    default:
      throw new KeyFormatError(`its key type ${describeOid(algorithm.oid)} cannot sign a JWS here (RSA, RSA-PSS, EC P-256/P-384/P-521 and Ed25519 can)`);
  }
}

/** A private DER structure → its private JWK. Throws DerError/KeyFormatError/DOMException; the caller turns them into messages. */
export async function privateJwkFromDer(der: Uint8Array, form: DerKeyForm): Promise<PrivateKeyReading> {
  switch (form) {
    case 'pkcs8':
      return fromPkcs8(der);
    case 'pkcs1-private':
      return { jwk: await exportPrivateJwk(wrapPkcs1AsPkcs8(der), { kind: 'rsa' }), notes: [] };
    case 'sec1': {
      const curve = curveOfSec1(readSec1(der), null);
      return { jwk: await exportPrivateJwk(wrapSec1AsPkcs8(der, curve), { kind: 'ec', curve }), notes: [] };
    }
    case 'encrypted-pkcs8':
      throw new KeyFormatError('it is encrypted with a passphrase; decrypt it first (openssl pkey -in key.pem -out plain.pem)');
    case 'spki':
    case 'certificate':
    case 'pkcs1-public':
      throw new KeyFormatError('it is a public key; signing needs the private key (for a cluster: sa.key, --service-account-signing-key-file)');
  }
}
