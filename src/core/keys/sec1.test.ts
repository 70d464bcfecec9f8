import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derContext, derOctetString, derOid, derSequence, derSmallInteger } from './der';
import { OID, curveByName } from './oids';
import { curveOfSec1, readSec1, wrapSec1AsPkcs8 } from './sec1';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const pemDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'));
const vector = JSON.parse(fixture('vectors/k8s-keyid-ecdsa.json')) as { key: { private_pem: string; pem: string } };

describe('SEC1 EC PRIVATE KEY', () => {
  const sec1 = pemDer(vector.key.private_pem);

  it('reads the curve the key names', () => {
    expect(readSec1(sec1).curveOid).toBe(OID.prime256v1);
    expect(curveOfSec1(readSec1(sec1), null).name).toBe('P-256');
  });

  it('wraps it into a PKCS#8 PrivateKeyInfo that an independent parser reads as the same key', () => {
    const pkcs8 = wrapSec1AsPkcs8(sec1, curveByName('P-256')!);
    const viaWrap = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
    const direct = createPrivateKey(vector.key.private_pem).export({ format: 'jwk' });
    expect(viaWrap).toEqual(direct);
  });

  it('refuses keys without a curve, with two different curves, or on an unsupported curve', () => {
    const bare = derSequence(derSmallInteger(1), derOctetString(new Uint8Array(32).fill(1)));
    expect(() => curveOfSec1(readSec1(bare), null)).toThrow(/does not name a curve/);
    expect(() => curveOfSec1(readSec1(sec1), OID.secp384r1)).toThrow(/two different curves/);
    const k1 = derSequence(derSmallInteger(1), derOctetString(new Uint8Array(32).fill(1)), derContext(0, derOid('1.3.132.0.10')));
    expect(() => curveOfSec1(readSec1(k1), null)).toThrow(/secp256k1 \(1\.3\.132\.0\.10\) is not supported/);
    expect(() => readSec1(derSequence(derSmallInteger(2), derOctetString(new Uint8Array(1))))).toThrow(/version 2/);
  });
});
