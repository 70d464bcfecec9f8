/**
 * X.509 certificate (RFC 5280 §4.1) → its SubjectPublicKeyInfo and subject common name. Nothing
 * else in the certificate (validity, chain, extensions) matters to kube-apiserver, which only
 * takes the public key out of a certificate in --service-account-key-file (kubernetes/client-go util/keyutil/key.go, v0.36).
 */
import { DerError, TAG, childrenOf, contextTag, readNode, readOid, readSequence, type DerNode } from './der';

export interface CertificateKey {
  spki: Uint8Array;
  subjectCommonName: string | null;
}

const STRING_TAGS: number[] = [TAG.UTF8_STRING, TAG.PRINTABLE_STRING, TAG.IA5_STRING, TAG.T61_STRING];

function commonNameOf(name: DerNode | undefined): string | null {
  if (!name) return null;
  for (const rdn of readSequence(name, 'subject')) {
    for (const attribute of childrenOf(rdn)) {
      const [type, value] = childrenOf(attribute);
      if (readOid(type, 'subject attribute') === '2.5.4.3' && value && STRING_TAGS.includes(value.tag)) {
        return new TextDecoder().decode(value.value);
      }
    }
  }
  return null;
}

/**
 * `allowTrailing` accepts OpenSSL's `TRUSTED CERTIFICATE`, which appends trust settings after the
 * certificate itself.
 */
export function readCertificate(der: Uint8Array, allowTrailing = false): CertificateKey {
  const certificate = readNode(der, 0);
  if (!allowTrailing && certificate.end !== der.length) throw new DerError(`${der.length - certificate.end} unexpected bytes after the certificate`, certificate.end);
  const [tbs] = readSequence(certificate, 'Certificate');
  const fields = readSequence(tbs, 'TBSCertificate');
  // version [0] is optional (absent means v1); the next six fields are fixed.
  const rest = fields[0]?.tag === contextTag(0) ? fields.slice(1) : fields;
  const subject = rest[4];
  const spki = rest[5];
  if (!spki || spki.tag !== TAG.SEQUENCE) throw new DerError('the certificate has no SubjectPublicKeyInfo where RFC 5280 puts it', tbs?.offset ?? 0);
  return { spki: spki.source.subarray(spki.offset, spki.end), subjectCommonName: commonNameOf(subject) };
}
