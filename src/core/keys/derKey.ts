/**
 * Which key structure a DER blob holds, found from its shape rather than from a PEM label, and
 * its public key. kube-apiserver ignores PEM labels too and tries every form on every block
 * (client-go keyutil.ParsePublicKeysPEM, kubernetes/client-go util/keyutil/key.go, v0.36), so a mislabelled block still works here.
 */
import { TAG, childrenOf, readDer, readNode, readSmallInteger, type DerNode } from './der';
import { KeyFormatError } from './keyFormatError';
import { publicKeyFromPkcs8 } from './pkcs8';
import { readRsaPrivateKeyPublicNumbers, readRsaPublicKey } from './pkcs1';
import { rsaPublicKeyFacts, type PublicKeyFacts } from './publicJwk';
import { curveOfSec1, readSec1, wrapSec1AsPkcs8 } from './sec1';
import { derivePublicKeyFromPkcs8 } from './derivePublicKey';
import { readSpki } from './spki';
import { readCertificate } from './x509';

export type DerKeyForm = 'spki' | 'certificate' | 'pkcs1-public' | 'pkcs1-private' | 'pkcs8' | 'sec1' | 'encrypted-pkcs8';

/** The PEM label each form is normally written with. */
export const PEM_LABEL_OF_FORM: Record<DerKeyForm, string> = {
  spki: 'PUBLIC KEY',
  certificate: 'CERTIFICATE',
  'pkcs1-public': 'RSA PUBLIC KEY',
  'pkcs1-private': 'RSA PRIVATE KEY',
  pkcs8: 'PRIVATE KEY',
  sec1: 'EC PRIVATE KEY',
  'encrypted-pkcs8': 'ENCRYPTED PRIVATE KEY',
};

/** What each form is, as a phrase: "a certificate". */
export const DER_FORM_NAMES: Record<DerKeyForm, string> = {
  spki: 'a public key (SubjectPublicKeyInfo)',
  certificate: 'a certificate',
  'pkcs1-public': 'a PKCS#1 RSA public key',
  'pkcs1-private': 'a PKCS#1 RSA private key',
  pkcs8: 'a PKCS#8 private key',
  sec1: 'a SEC1 EC private key',
  'encrypted-pkcs8': 'an encrypted PKCS#8 private key',
};


const PRIVATE_FORMS: ReadonlySet<DerKeyForm> = new Set(['pkcs1-private', 'pkcs8', 'sec1']);
export const isPrivateForm = (form: DerKeyForm): boolean => PRIVATE_FORMS.has(form);

const isInteger = (n: DerNode | undefined) => n?.tag === TAG.INTEGER;
const isSequence = (n: DerNode | undefined) => n?.tag === TAG.SEQUENCE;

function smallIntegerOrNull(node: DerNode | undefined): number | null {
  try {
    return readSmallInteger(node, 'version');
  } catch {
    return null;
  }
}

/** Recognises the structure from its outline; null when it is not DER or not a key structure. */
export function identifyDerKey(der: Uint8Array, allowTrailing = false): DerKeyForm | null {
  let fields: DerNode[];
  try {
    // allowTrailing: OpenSSL's TRUSTED CERTIFICATE appends trust settings after the certificate.
    const top = allowTrailing ? readNode(der, 0) : readDer(der);
    if (top.tag !== TAG.SEQUENCE) return null;
    fields = childrenOf(top);
  } catch {
    return null;
  }
  const [a, b, c] = fields;
  if (fields.length === 3 && isSequence(a) && isSequence(b) && c?.tag === TAG.BIT_STRING) return 'certificate';
  if (fields.length === 2 && isSequence(a) && b?.tag === TAG.BIT_STRING) return 'spki';
  if (fields.length === 2 && isSequence(a) && b?.tag === TAG.OCTET_STRING) return 'encrypted-pkcs8';
  if (fields.length === 2 && isInteger(a) && isInteger(b)) return 'pkcs1-public';
  const version = smallIntegerOrNull(a);
  // Nine INTEGERs, then (multi-prime keys only) a SEQUENCE of other primes.
  if (fields.length >= 9 && fields.slice(0, 9).every(isInteger) && (version === 0 || version === 1)) return 'pkcs1-private';
  if (fields.length >= 3 && (version === 0 || version === 1) && isSequence(b) && c?.tag === TAG.OCTET_STRING) return 'pkcs8';
  if (fields.length >= 2 && version === 1 && b?.tag === TAG.OCTET_STRING) return 'sec1';
  return null;
}

export interface DerKey {
  form: DerKeyForm;
  facts: PublicKeyFacts;
  /** Common name of a certificate's subject, for the label. */
  subjectCommonName: string | null;
}

export async function publicKeyFromDer(der: Uint8Array, form: DerKeyForm, allowTrailing = false): Promise<DerKey> {
  const plain = (facts: PublicKeyFacts): DerKey => ({ form, facts, subjectCommonName: null });
  switch (form) {
    case 'spki':
      return plain(readSpki(der));
    case 'certificate': {
      const cert = readCertificate(der, allowTrailing);
      return { form, facts: readSpki(cert.spki), subjectCommonName: cert.subjectCommonName };
    }
    case 'pkcs1-public': {
      const { n, e } = readRsaPublicKey(der);
      return plain(rsaPublicKeyFacts(n, e));
    }
    case 'pkcs1-private': {
      const { n, e } = readRsaPrivateKeyPublicNumbers(der);
      return plain(rsaPublicKeyFacts(n, e));
    }
    case 'pkcs8':
      return plain(await publicKeyFromPkcs8(der));
    case 'sec1': {
      const curve = curveOfSec1(readSec1(der), null);
      return plain(await derivePublicKeyFromPkcs8(wrapSec1AsPkcs8(der, curve), { kind: 'ec', curve }));
    }
    case 'encrypted-pkcs8':
      throw new KeyFormatError('it is encrypted with a passphrase; decrypt it first (openssl pkey -in key.pem -out plain.pem)');
  }
}
