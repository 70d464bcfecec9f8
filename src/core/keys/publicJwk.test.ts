import { describe, expect, it } from 'vitest';
import { KeyFormatError } from './keyFormatError';
import { curveByName } from './oids';
import { MAX_RSA_BITS, bitLength, ecPublicKeyFacts, ed25519PublicKeyFacts, factsFromPublicJwk, publicMembers, rsaPublicKeyFacts } from './publicJwk';

const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('bitLength', () => {
  it('counts significant bits, ignoring leading zero octets', () => {
    expect(bitLength(Uint8Array.of(0, 0x01))).toBe(1);
    expect(bitLength(Uint8Array.of(0x80, 0))).toBe(16);
    expect(bitLength(Uint8Array.of(0, 0))).toBe(0);
  });
});

describe('rsaPublicKeyFacts', () => {
  it('strips leading zero octets from n and e (RFC 7518 §6.3.1)', () => {
    const n = Uint8Array.of(0, 0xc0, ...new Uint8Array(255).fill(1));
    const facts = rsaPublicKeyFacts(n, Uint8Array.of(0, 1, 0, 1));
    expect(facts.jwk).toEqual({ kty: 'RSA', n: b64u(n.subarray(1)), e: 'AQAB' });
    expect(facts.sizeBits).toBe(2048);
  });

  it(`refuses moduli over ${MAX_RSA_BITS} bits and nonsense exponents`, () => {
    const huge = new Uint8Array(MAX_RSA_BITS / 8 + 1).fill(0xff);
    expect(() => rsaPublicKeyFacts(huge, Uint8Array.of(1, 0, 1))).toThrow(/8200 bits; keys over 8192 bits are refused/);
    expect(() => rsaPublicKeyFacts(new Uint8Array(MAX_RSA_BITS / 8).fill(0xff), Uint8Array.of(1, 0, 1))).not.toThrow();
    expect(() => rsaPublicKeyFacts(Uint8Array.of(0xff), Uint8Array.of(0))).toThrow(/exponent is zero/);
    expect(() => rsaPublicKeyFacts(Uint8Array.of(0), Uint8Array.of(3))).toThrow(/modulus is zero/);
    expect(() => rsaPublicKeyFacts(Uint8Array.of(0xff), new Uint8Array(9).fill(1))).toThrow(KeyFormatError);
  });
});

describe('EC and Ed25519 facts', () => {
  const p256 = curveByName('P-256')!;
  it('splits an uncompressed point into x and y', () => {
    const point = Uint8Array.of(4, ...new Uint8Array(32).fill(1), ...new Uint8Array(32).fill(2));
    expect(ecPublicKeyFacts(p256, point).jwk).toEqual({ kty: 'EC', crv: 'P-256', x: b64u(new Uint8Array(32).fill(1)), y: b64u(new Uint8Array(32).fill(2)) });
  });
  it('refuses compressed and wrongly sized points', () => {
    expect(() => ecPublicKeyFacts(p256, Uint8Array.of(2, ...new Uint8Array(32)))).toThrow(/compressed/);
    expect(() => ecPublicKeyFacts(p256, Uint8Array.of(4, ...new Uint8Array(64 + 2)))).toThrow(/has 67 bytes; an uncompressed P-256 point has 65/);
    expect(() => ed25519PublicKeyFacts(new Uint8Array(31))).toThrow(/31 bytes, not 32/);
  });
  it('checks JWK coordinates against the curve', () => {
    expect(() => factsFromPublicJwk({ kty: 'EC', crv: 'P-384', x: b64u(new Uint8Array(32)), y: b64u(new Uint8Array(32)) })).toThrow(/P-384 needs 48 each/);
  });
});

describe('publicMembers', () => {
  it('copies only the public members, whatever else the object carries', () => {
    const withPrivate = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'secret' } as never;
    expect(publicMembers(withPrivate)).toEqual({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' });
    const rsa = { kty: 'RSA', n: 'n', e: 'e', d: 'd', p: 'p' } as never;
    expect(publicMembers(rsa)).toEqual({ kty: 'RSA', n: 'n', e: 'e' });
  });
});
