/** Object identifiers that appear in the key files a user may paste, with names for messages. */

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  secp521r1: '1.3.132.0.35',
  ed25519: '1.3.101.112',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  commonName: '2.5.4.3',
} as const;

export type CurveName = 'P-256' | 'P-384' | 'P-521';

export interface CurveInfo {
  name: CurveName;
  oid: string;
  /** Bytes per coordinate in an uncompressed point and in a JWK `x`/`y`. */
  coordinateBytes: number;
  bits: number;
  /** The JWS algorithm Kubernetes signs with on this curve (kubernetes/kubernetes pkg/serviceaccount/jwt.go keyIDFromPublicKey, v1.36). */
  alg: 'ES256' | 'ES384' | 'ES512';
}

export const CURVES: readonly CurveInfo[] = [
  { name: 'P-256', oid: OID.prime256v1, coordinateBytes: 32, bits: 256, alg: 'ES256' },
  { name: 'P-384', oid: OID.secp384r1, coordinateBytes: 48, bits: 384, alg: 'ES384' },
  { name: 'P-521', oid: OID.secp521r1, coordinateBytes: 66, bits: 521, alg: 'ES512' },
];

export const curveByOid = (oid: string): CurveInfo | undefined => CURVES.find((c) => c.oid === oid);
export const curveByName = (name: unknown): CurveInfo | undefined => CURVES.find((c) => c.name === name);

const NAMES: Record<string, string> = {
  [OID.rsaEncryption]: 'RSA (rsaEncryption)',
  [OID.rsassaPss]: 'RSA-PSS (id-RSASSA-PSS)',
  [OID.ecPublicKey]: 'EC (id-ecPublicKey)',
  [OID.ed25519]: 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.2.840.10040.4.1': 'DSA',
  '1.2.840.113549.1.3.1': 'Diffie-Hellman',
  '1.3.132.0.10': 'secp256k1',
  '1.2.840.10045.3.1.1': 'P-192 (prime192v1)',
  '1.3.132.0.33': 'P-224 (secp224r1)',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
  '1.2.156.10197.1.301': 'SM2',
  [OID.sha1]: 'SHA-1',
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};

/** "Ed448 (1.3.101.113)" or just the dotted OID when it has no name here. */
export function describeOid(oid: string): string {
  const name = NAMES[oid] ?? curveByOid(oid)?.name;
  return name ? `${name} (${oid})` : oid;
}
