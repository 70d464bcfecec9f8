import { base64url } from 'jose';
import { KeyFormatError } from './keyFormatError';
import { curveByName, type CurveInfo, type CurveName } from './oids';

/** Public keys as JWK members only: the one shape every input form is reduced to. */
export interface RsaPublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
}
export interface EcPublicJwk {
  kty: 'EC';
  crv: CurveName;
  x: string;
  y: string;
}
export interface OkpPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}
export type PublicJwk = RsaPublicJwk | EcPublicJwk | OkpPublicJwk;

/** A public key plus what was learnt about it while reading it. */
export interface PublicKeyFacts {
  jwk: PublicJwk;
  /** Modulus bits (RSA), curve order bits (EC), 256 for Ed25519. */
  sizeBits: number;
  curve?: string;
  /** Set when the key's own encoding limits which algorithms may use it (id-RSASSA-PSS keys). */
  restriction?: { algs: string[]; reason: string };
  notes: string[];
}

/** Largest RSA modulus accepted: bigger ones are mistakes or attempts to stall the page. */
export const MAX_RSA_BITS = 8192;

export function bitLength(magnitude: Uint8Array): number {
  let i = 0;
  while (i < magnitude.length && magnitude[i] === 0) i++;
  if (i === magnitude.length) return 0;
  return (magnitude.length - i - 1) * 8 + (32 - Math.clz32(magnitude[i] as number));
}

function stripLeadingZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

export function rsaPublicKeyFacts(n: Uint8Array, e: Uint8Array): PublicKeyFacts {
  const sizeBits = bitLength(n);
  if (sizeBits === 0) throw new KeyFormatError('its RSA modulus is zero');
  if (sizeBits > MAX_RSA_BITS) throw new KeyFormatError(`its RSA modulus has ${sizeBits} bits; keys over ${MAX_RSA_BITS} bits are refused`);
  if (bitLength(e) === 0) throw new KeyFormatError('its RSA public exponent is zero');
  if (bitLength(e) > 64) throw new KeyFormatError(`its RSA public exponent has ${bitLength(e)} bits; real keys use 65537`);
  return {
    jwk: { kty: 'RSA', n: base64url.encode(stripLeadingZeros(n)), e: base64url.encode(stripLeadingZeros(e)) },
    sizeBits,
    notes: [],
  };
}

/** SEC1 §2.3.3 uncompressed point 0x04‖X‖Y → JWK. */
export function ecPublicKeyFacts(curve: CurveInfo, point: Uint8Array): PublicKeyFacts {
  const size = curve.coordinateBytes;
  if (point[0] === 0x02 || point[0] === 0x03) {
    throw new KeyFormatError(`its ${curve.name} point is in compressed form, which this tool does not expand; export the key uncompressed (openssl ec -pubin -conv_form uncompressed)`);
  }
  if (point[0] !== 0x04 || point.length !== 1 + 2 * size) {
    throw new KeyFormatError(`its ${curve.name} point has ${point.length} bytes; an uncompressed ${curve.name} point has ${1 + 2 * size}`);
  }
  return {
    jwk: { kty: 'EC', crv: curve.name, x: base64url.encode(point.subarray(1, 1 + size)), y: base64url.encode(point.subarray(1 + size)) },
    sizeBits: curve.bits,
    curve: curve.name,
    notes: [],
  };
}

export function ed25519PublicKeyFacts(x: Uint8Array): PublicKeyFacts {
  if (x.length !== 32) throw new KeyFormatError(`its Ed25519 public key has ${x.length} bytes, not 32`);
  return { jwk: { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(x) }, sizeBits: 256, curve: 'Ed25519', notes: [] };
}

/** Only the public members, in a fresh object (so private members can never ride along). */
export function publicMembers(jwk: PublicJwk): PublicJwk {
  switch (jwk.kty) {
    case 'RSA':
      return { kty: 'RSA', n: jwk.n, e: jwk.e };
    case 'EC':
      return { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
    case 'OKP':
      return { kty: 'OKP', crv: jwk.crv, x: jwk.x };
  }
}

/** Facts for a public JWK taken from JSON or from WebCrypto's export. */
export function factsFromPublicJwk(jwk: PublicJwk): PublicKeyFacts {
  switch (jwk.kty) {
    case 'RSA':
      return rsaPublicKeyFacts(base64url.decode(jwk.n), base64url.decode(jwk.e));
    case 'EC': {
      const curve = curveByName(jwk.crv);
      if (!curve) throw new KeyFormatError(`curve ${String(jwk.crv)} is not supported`);
      const x = base64url.decode(jwk.x);
      const y = base64url.decode(jwk.y);
      if (x.length !== curve.coordinateBytes || y.length !== curve.coordinateBytes) {
        throw new KeyFormatError(`its ${curve.name} coordinates have ${x.length} and ${y.length} bytes; ${curve.name} needs ${curve.coordinateBytes} each`);
      }
      return ecPublicKeyFacts(curve, Uint8Array.of(0x04, ...x, ...y));
    }
    case 'OKP':
      return ed25519PublicKeyFacts(base64url.decode(jwk.x));
  }
}
