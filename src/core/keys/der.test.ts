import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DerError,
  TAG,
  childrenOf,
  derBitString,
  derContext,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  derSmallInteger,
  derUnsignedInteger,
  readBitString,
  readDer,
  readOid,
  readSequence,
  readSmallInteger,
  readUnsignedInteger,
} from './der';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

describe('DER writer', () => {
  it('encodes INTEGERs minimally, with a 0x00 pad when the high bit is set', () => {
    expect(hex(derUnsignedInteger(bytes('7f')))).toBe('02017f');
    expect(hex(derUnsignedInteger(bytes('80')))).toBe('02020080');
    expect(hex(derUnsignedInteger(bytes('000001')))).toBe('020101');
    expect(hex(derUnsignedInteger(new Uint8Array(0)))).toBe('020100');
    expect(hex(derSmallInteger(0))).toBe('020100');
    expect(hex(derSmallInteger(65537))).toBe('0203010001');
  });

  it('encodes long lengths in the long form', () => {
    const content = new Uint8Array(300);
    const encoded = derOctetString(content);
    expect(hex(encoded.subarray(0, 4))).toBe('0482012c');
    expect(encoded.length).toBe(304);
  });

  it('encodes OIDs as the standard bytes', () => {
    expect(hex(derOid('1.2.840.113549.1.1.1'))).toBe('06092a864886f70d010101');
    expect(hex(derOid('1.3.101.112'))).toBe('06032b6570');
    expect(hex(derOid('1.3.132.0.35'))).toBe('06052b81040023');
  });

  it('builds nested structures that read back', () => {
    const der = derSequence(derSmallInteger(1), derOctetString(bytes('abcd')), derContext(0, derOid('1.2.840.10045.3.1.7')), derBitString(bytes('04ff')), derNull());
    const fields = readSequence(readDer(der), 'test');
    expect(fields.map((f) => f.tag)).toEqual([TAG.INTEGER, TAG.OCTET_STRING, 0xa0, TAG.BIT_STRING, TAG.NULL]);
    expect(readSmallInteger(fields[0], 'v')).toBe(1);
    expect(readOid(childrenOf(fields[2]!)[0], 'curve')).toBe('1.2.840.10045.3.1.7');
    expect(hex(readBitString(fields[3], 'bits'))).toBe('04ff');
  });
});

describe('DER reader', () => {
  it('round-trips OIDs with large arcs', () => {
    for (const oid of ['1.2.840.113549.1.1.10', '2.16.840.1.101.3.4.2.3', '1.3.36.3.3.2.8.1.1.7', '2.999.1']) {
      expect(readOid(readDer(derOid(oid)), 'oid')).toBe(oid);
    }
  });

  it('strips the sign octet from unsigned integers and refuses negative ones', () => {
    expect(hex(readUnsignedInteger(readDer(bytes('02020080')), 'n'))).toBe('80');
    expect(() => readUnsignedInteger(readDer(bytes('020180')), 'n')).toThrow(/negative/);
  });

  it('refuses BER indefinite lengths, truncation and trailing bytes with offsets', () => {
    expect(() => readDer(bytes('3080'))).toThrow(/indefinite/);
    expect(() => readDer(bytes('300a0201'))).toThrow(/cut off/);
    expect(() => readDer(bytes('300000'))).toThrow(/unexpected bytes/);
    expect(() => readDer(new Uint8Array(0))).toThrow(DerError);
    try {
      readDer(bytes('300000'));
    } catch (error) {
      expect((error as DerError).offset).toBe(2);
    }
  });

  it('refuses a child that runs past its parent', () => {
    // SEQUENCE of length 3 holding an INTEGER that claims 5 bytes.
    expect(() => childrenOf(readDer(bytes('3003020501')))).toThrow(DerError);
  });

  it('refuses BIT STRINGs with unused bits and wrong tags', () => {
    expect(() => readBitString(readDer(bytes('030201ff')), 'bits')).toThrow(/unused bits/);
    expect(() => readOid(readDer(bytes('020100')), 'oid')).toThrow(/expected tag 0x6/);
    expect(() => readSequence(undefined, 'thing')).toThrow(/thing is missing/);
  });
});

describe('DER reader on arbitrary bytes', () => {
  it('either reads a tree or throws DerError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          const walk = (node: ReturnType<typeof readDer>): void => {
            if (node.tag & 0x20) childrenOf(node).forEach(walk);
          };
          walk(readDer(bytes));
        } catch (error) {
          expect(error).toBeInstanceOf(DerError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
