import { describe, expect, it } from 'vitest';
import { derOid, readDer, readOid } from './der';
import { CURVES, OID, curveByName, curveByOid, describeOid } from './oids';

describe('OIDs', () => {
  it('names the OIDs it knows and shows the rest as dotted numbers', () => {
    expect(describeOid(OID.rsassaPss)).toBe('RSA-PSS (id-RSASSA-PSS) (1.2.840.113549.1.1.10)');
    expect(describeOid('1.3.101.113')).toBe('Ed448 (1.3.101.113)');
    expect(describeOid(OID.secp521r1)).toBe('P-521 (1.3.132.0.35)');
    expect(describeOid('1.2.3.4')).toBe('1.2.3.4');
  });

  it('maps JWS curves to their OIDs, sizes and Kubernetes algorithms', () => {
    expect(CURVES.map((c) => [c.name, c.coordinateBytes, c.alg])).toEqual([
      ['P-256', 32, 'ES256'],
      ['P-384', 48, 'ES384'],
      ['P-521', 66, 'ES512'],
    ]);
    expect(curveByOid('1.2.840.10045.3.1.7')?.name).toBe('P-256');
    expect(curveByName('P-384')?.oid).toBe('1.3.132.0.34');
    expect(curveByName('secp256k1')).toBeUndefined();
  });

  it('holds well-formed OIDs (they survive a DER round trip)', () => {
    for (const oid of Object.values(OID)) expect(readOid(readDer(derOid(oid)), 'oid')).toBe(oid);
  });
});
