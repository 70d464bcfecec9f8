/**
 * PKCS#8 `PRIVATE KEY` (RFC 5208 / RFC 5958 OneAsymmetricKey) → the public key only.
 * RSA: the modulus and exponent sit in the inner RSAPrivateKey and are read directly (as Go does).
 * EC and Ed25519: WebCrypto derives the public key from the private one.
 */
import { TAG, readBitString, readDer, readOctetString, readOid, readSequence, readSmallInteger, type DerNode } from './der';
import { derivePublicKeyFromPkcs8 } from './derivePublicKey';
import { KeyFormatError } from './keyFormatError';
import { OID, describeOid } from './oids';
import { readRsaPrivateKeyPublicNumbers } from './pkcs1';
import { ed25519PublicKeyFacts, rsaPublicKeyFacts, type PublicKeyFacts } from './publicJwk';
import { curveOfSec1, readSec1, wrapSec1AsPkcs8 } from './sec1';
import { readAlgorithmIdentifier, rsaPssRestriction } from './spki';

/** OneAsymmetricKey's optional `[1] IMPLICIT BIT STRING publicKey` (primitive, context tag 1). */
const IMPLICIT_PUBLIC_KEY_TAG = 0x81;

/** The outer PrivateKeyInfo: which algorithm, the inner private key, and the remaining fields. */
export function readPrivateKeyInfo(der: Uint8Array) {
  const fields = readSequence(readDer(der), 'PrivateKeyInfo');
  const version = readSmallInteger(fields[0], 'PrivateKeyInfo version');
  if (version !== 0 && version !== 1) throw new KeyFormatError(`PrivateKeyInfo version ${version} is unknown`);
  return { fields, algorithm: readAlgorithmIdentifier(fields[1], 'PrivateKeyInfo'), inner: readOctetString(fields[2], 'privateKey') };
}

export async function publicKeyFromPkcs8(der: Uint8Array): Promise<PublicKeyFacts> {
  const { fields, algorithm, inner } = readPrivateKeyInfo(der);

  switch (algorithm.oid) {
    case OID.rsaEncryption: {
      const { n, e } = readRsaPrivateKeyPublicNumbers(inner);
      return rsaPublicKeyFacts(n, e);
    }
    case OID.rsassaPss: {
      const { n, e } = readRsaPrivateKeyPublicNumbers(inner);
      return {
        ...rsaPublicKeyFacts(n, e),
        restriction: rsaPssRestriction(algorithm.params),
        notes: ['An RSA-PSS (id-RSASSA-PSS) key: its modulus and exponent are used as an RSA key for PS* algorithms only.'],
      };
    }
    case OID.ecPublicKey: {
      const outerCurve = algorithm.params?.tag === TAG.OID ? readOid(algorithm.params, 'EC curve') : null;
      const curve = curveOfSec1(readSec1(inner), outerCurve);
      // Re-wrapped so the curve is always named in the outer AlgorithmIdentifier, as WebCrypto wants.
      return derivePublicKeyFromPkcs8(wrapSec1AsPkcs8(inner, curve), { kind: 'ec', curve });
    }
    case OID.ed25519:
      return ed25519FromPkcs8(der, fields);
    default:
      throw new KeyFormatError(`its key type ${describeOid(algorithm.oid)} cannot verify a JWS here (supported: RSA, RSA-PSS, EC P-256/P-384/P-521, Ed25519)`);
  }
}

async function ed25519FromPkcs8(der: Uint8Array, fields: DerNode[]): Promise<PublicKeyFacts> {
  try {
    return await derivePublicKeyFromPkcs8(der, { kind: 'ed25519' });
  } catch (error) {
    // A browser without Ed25519 can still use a public key the file carries (RFC 8410 §7).
    const embedded = fields.find((f) => f.tag === IMPLICIT_PUBLIC_KEY_TAG);
    if (!embedded) throw error;
    return ed25519PublicKeyFacts(readBitString({ ...embedded, tag: TAG.BIT_STRING }, 'Ed25519 public key'));
  }
}
