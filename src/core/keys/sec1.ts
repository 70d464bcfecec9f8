/**
 * SEC1 `EC PRIVATE KEY` (RFC 5915): ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING,
 * parameters [0] OID OPTIONAL, publicKey [1] BIT STRING OPTIONAL }. WebCrypto cannot import it, so
 * it is wrapped, unchanged, into a PKCS#8 PrivateKeyInfo that names the curve.
 */
import { childrenOf, contextTag, derOctetString, derOid, derSequence, derSmallInteger, readDer, readOctetString, readOid, readSequence, readSmallInteger, type DerNode } from './der';
import { KeyFormatError } from './keyFormatError';
import { OID, curveByOid, describeOid, type CurveInfo } from './oids';

export interface Sec1Key {
  /** The curve named inside the key, if it names one. */
  curveOid: string | null;
}

export function readSec1(der: Uint8Array): Sec1Key {
  const fields = readSequence(readDer(der), 'ECPrivateKey');
  const version = readSmallInteger(fields[0], 'ECPrivateKey version');
  if (version !== 1) throw new KeyFormatError(`ECPrivateKey version ${version} is unknown (SEC1 keys have version 1)`);
  readOctetString(fields[1], 'EC private scalar');
  const params = fields.find((f: DerNode) => f.tag === contextTag(0));
  return { curveOid: params ? readOid(childrenOf(params)[0], 'EC curve') : null };
}

export function curveOfSec1(sec1: Sec1Key, outerCurveOid: string | null): CurveInfo {
  const oid = outerCurveOid ?? sec1.curveOid;
  if (!oid) throw new KeyFormatError('its EC private key does not name a curve');
  if (outerCurveOid && sec1.curveOid && outerCurveOid !== sec1.curveOid) {
    throw new KeyFormatError(`it names two different curves (${describeOid(outerCurveOid)} and ${describeOid(sec1.curveOid)})`);
  }
  const curve = curveByOid(oid);
  if (!curve) throw new KeyFormatError(`its curve ${describeOid(oid)} is not supported; JWS uses P-256, P-384 and P-521`);
  return curve;
}

/** PrivateKeyInfo { version 0, AlgorithmIdentifier { id-ecPublicKey, curve }, OCTET STRING { ECPrivateKey } } */
export function wrapSec1AsPkcs8(sec1Der: Uint8Array, curve: CurveInfo): Uint8Array {
  return derSequence(derSmallInteger(0), derSequence(derOid(OID.ecPublicKey), derOid(curve.oid)), derOctetString(sec1Der));
}
