/**
 * SubjectPublicKeyInfo (RFC 5280 §4.1) in both directions. Reading gives the key as JWK members;
 * writing gives the canonical DER that Go's x509.MarshalPKIXPublicKey produces, which is what the
 * Kubernetes kid hashes (kubernetes/kubernetes pkg/serviceaccount/jwt.go keyIDFromPublicKey, v1.36).
 */
import { base64url } from 'jose';
import {
  DerError,
  TAG,
  childrenOf,
  contextTag,
  derBitString,
  derNull,
  derOid,
  derSequence,
  readBitString,
  readDer,
  readOid,
  readSequence,
  readSmallInteger,
  type DerNode,
} from './der';
import { KeyFormatError } from './keyFormatError';
import { OID, curveByName, curveByOid, describeOid } from './oids';
import { encodeRsaPublicKey, readRsaPublicKey } from './pkcs1';
import { ecPublicKeyFacts, ed25519PublicKeyFacts, rsaPublicKeyFacts, type PublicJwk, type PublicKeyFacts } from './publicJwk';

export interface AlgorithmIdentifier {
  oid: string;
  /** The parameters element, when present. */
  params: DerNode | undefined;
}

export function readAlgorithmIdentifier(node: DerNode | undefined, what: string): AlgorithmIdentifier {
  const fields = readSequence(node, what);
  return { oid: readOid(fields[0], `${what} algorithm`), params: fields[1] };
}

const PSS_HASHES: Record<string, { name: string; bytes: number; alg: string }> = {
  [OID.sha256]: { name: 'SHA-256', bytes: 32, alg: 'PS256' },
  [OID.sha384]: { name: 'SHA-384', bytes: 48, alg: 'PS384' },
  [OID.sha512]: { name: 'SHA-512', bytes: 64, alg: 'PS512' },
};

/**
 * An id-RSASSA-PSS key may only make PSS signatures (RFC 4055 §1.2), and its parameters, when
 * present, pin the hash and salt length. JWS PS256/384/512 use MGF1 with the same hash and a salt
 * as long as the hash, so only parameters of that shape fit a JWS algorithm.
 */
export function rsaPssRestriction(params: DerNode | undefined): { algs: string[]; reason: string } {
  const anyPss = { algs: ['PS256', 'PS384', 'PS512'], reason: 'it is an RSA-PSS key (id-RSASSA-PSS), which may only verify PSS signatures' };
  if (!params || params.tag === TAG.NULL) return anyPss;
  const fields = childrenOf(params);
  const field = (n: number) => fields.find((f) => f.tag === contextTag(n));
  const hashField = field(0);
  const hashOid = hashField ? readAlgorithmIdentifier(childrenOf(hashField)[0], 'PSS hash').oid : OID.sha1;
  const mgfField = field(1);
  let mgfHashOid: string = OID.sha1;
  if (mgfField) {
    const mgf = readAlgorithmIdentifier(childrenOf(mgfField)[0], 'PSS mask generation');
    if (mgf.oid !== OID.mgf1) throw new KeyFormatError(`its PSS mask generation function ${describeOid(mgf.oid)} is not MGF1`);
    mgfHashOid = readAlgorithmIdentifier(mgf.params, 'MGF1 hash').oid;
  }
  const saltField = field(2);
  const salt = saltField ? readSmallInteger(childrenOf(saltField)[0], 'PSS salt length') : 20;
  const hash = PSS_HASHES[hashOid];
  const shape = `hash ${describeOid(hashOid)}, MGF1 with ${describeOid(mgfHashOid)}, salt ${salt} bytes`;
  if (!hash || mgfHashOid !== hashOid || salt !== hash.bytes) {
    return { algs: [], reason: `it is an RSA-PSS key whose parameters (${shape}) fit no JWS algorithm` };
  }
  return { algs: [hash.alg], reason: `it is an RSA-PSS key whose parameters (${shape}) allow only ${hash.alg}` };
}

/** Reads the key inside a SubjectPublicKeyInfo. */
export function readSpki(der: Uint8Array): PublicKeyFacts {
  const fields = readSequence(readDer(der), 'SubjectPublicKeyInfo');
  if (fields.length !== 2) throw new DerError(`a SubjectPublicKeyInfo has 2 fields, this one has ${fields.length}`, 0);
  const algorithm = readAlgorithmIdentifier(fields[0], 'SubjectPublicKeyInfo');
  const keyBits = readBitString(fields[1], 'subjectPublicKey');
  return publicKeyFromAlgorithm(algorithm, keyBits);
}

/** Shared by SPKI and certificates: the algorithm says how to read the key bits. */
export function publicKeyFromAlgorithm(algorithm: AlgorithmIdentifier, keyBits: Uint8Array): PublicKeyFacts {
  switch (algorithm.oid) {
    case OID.rsaEncryption:
      return rsaPublicKeyFacts(...rsaNumbers(keyBits));
    case OID.rsassaPss: {
      // WebCrypto (browsers and Node alike) refuses to import an SPKI with the id-RSASSA-PSS OID
      // ("Invalid key type"). The modulus and exponent are the same numbers, so the key is carried
      // as a plain RSA JWK and imported for RSA-PSS; the restriction keeps it from RS* algorithms.
      const facts = rsaPublicKeyFacts(...rsaNumbers(keyBits));
      const restriction = rsaPssRestriction(algorithm.params);
      return {
        ...facts,
        restriction,
        notes: [
          'An RSA-PSS (id-RSASSA-PSS) key: browsers cannot import that form, so its modulus and exponent are used as an RSA key for PS* algorithms only. kube-apiserver (Go) cannot load such a key at all.',
        ],
      };
    }
    case OID.ecPublicKey: {
      if (!algorithm.params) throw new KeyFormatError('its EC key names no curve');
      if (algorithm.params.tag !== TAG.OID) throw new KeyFormatError('its EC key spells out explicit curve parameters instead of naming the curve; only named curves (P-256, P-384, P-521) are supported');
      const curveOid = readOid(algorithm.params, 'EC curve');
      const curve = curveByOid(curveOid);
      if (!curve) throw new KeyFormatError(`its curve ${describeOid(curveOid)} is not supported; JWS uses P-256, P-384 and P-521`);
      return ecPublicKeyFacts(curve, keyBits);
    }
    case OID.ed25519:
      return ed25519PublicKeyFacts(keyBits);
    default:
      throw new KeyFormatError(`its key type ${describeOid(algorithm.oid)} cannot verify a JWS here (supported: RSA, RSA-PSS, EC P-256/P-384/P-521, Ed25519)`);
  }
}

function rsaNumbers(keyBits: Uint8Array): [Uint8Array, Uint8Array] {
  const { n, e } = readRsaPublicKey(keyBits);
  return [n, e];
}

/** Canonical SubjectPublicKeyInfo DER, as Go's x509.MarshalPKIXPublicKey writes it. */
export function encodeSpki(jwk: PublicJwk): Uint8Array {
  switch (jwk.kty) {
    case 'RSA':
      // rsaEncryption with NULL parameters, even for keys that arrived as id-RSASSA-PSS: Go would
      // hold such a key as *rsa.PublicKey and marshal it this way.
      return derSequence(
        derSequence(derOid(OID.rsaEncryption), derNull()),
        derBitString(encodeRsaPublicKey({ n: base64url.decode(jwk.n), e: base64url.decode(jwk.e) })),
      );
    case 'EC': {
      const curve = curveByName(jwk.crv);
      if (!curve) throw new KeyFormatError(`curve ${String(jwk.crv)} is not supported`);
      const point = Uint8Array.of(0x04, ...base64url.decode(jwk.x), ...base64url.decode(jwk.y));
      return derSequence(derSequence(derOid(OID.ecPublicKey), derOid(curve.oid)), derBitString(point));
    }
    case 'OKP':
      return derSequence(derSequence(derOid(OID.ed25519)), derBitString(base64url.decode(jwk.x)));
  }
}
