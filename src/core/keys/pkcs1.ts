/**
 * PKCS#1 (RFC 8017 appendix A.1) RSA key structures. WebCrypto cannot import either form, and
 * kubeadm writes sa.key as `RSA PRIVATE KEY`, so the modulus and exponent are read by hand.
 */
import { derSequence, derUnsignedInteger, readDer, readSequence, readSmallInteger, readUnsignedInteger } from './der';
import { KeyFormatError } from './keyFormatError';

export interface RsaPublicNumbers {
  n: Uint8Array;
  e: Uint8Array;
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
export function readRsaPublicKey(der: Uint8Array): RsaPublicNumbers {
  const fields = readSequence(readDer(der), 'RSAPublicKey');
  if (fields.length !== 2) throw new KeyFormatError(`an RSAPublicKey has 2 fields (modulus, exponent), this one has ${fields.length}`);
  return { n: readUnsignedInteger(fields[0], 'RSA modulus'), e: readUnsignedInteger(fields[1], 'RSA public exponent') };
}

/**
 * RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, privateExponent, prime1, prime2,
 * exponent1, exponent2, coefficient, otherPrimeInfos OPTIONAL }. Only the public numbers are read;
 * the private ones are never decoded, let alone kept.
 */
export function readRsaPrivateKeyPublicNumbers(der: Uint8Array): RsaPublicNumbers {
  const fields = readSequence(readDer(der), 'RSAPrivateKey');
  if (fields.length < 9) throw new KeyFormatError(`an RSAPrivateKey has at least 9 fields, this one has ${fields.length}`);
  const version = readSmallInteger(fields[0], 'RSAPrivateKey version');
  if (version !== 0 && version !== 1) throw new KeyFormatError(`RSAPrivateKey version ${version} is unknown`);
  return { n: readUnsignedInteger(fields[1], 'RSA modulus'), e: readUnsignedInteger(fields[2], 'RSA public exponent') };
}

export function encodeRsaPublicKey({ n, e }: RsaPublicNumbers): Uint8Array {
  return derSequence(derUnsignedInteger(n), derUnsignedInteger(e));
}
