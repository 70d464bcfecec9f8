/**
 * The small part of ASN.1 DER that key files need: read a tag-length-value tree and write one.
 * No library does this for PKCS#1 and SEC1 in the browser (WebCrypto imports only SPKI, PKCS#8,
 * JWK and raw), so it is written by hand and kept to definite lengths and single-byte tags.
 *
 * The reader throws `DerError`; every caller in `keys/` catches it at its boundary and turns it
 * into a `Problem`, so nothing escapes to the UI as an exception.
 */

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag [n], constructed (EXPLICIT) — how PKCS#8, SEC1 and X.509 mark optional fields. */
export const contextTag = (n: number): number => 0xa0 | n;

export class DerError extends Error {
  constructor(
    message: string,
    /** Byte offset in the DER where reading failed. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'DerError';
  }
}

export interface DerNode {
  tag: number;
  /** Offset of the tag byte in the whole buffer. */
  offset: number;
  /** The contents octets (a view, not a copy). */
  value: Uint8Array;
  /** Offset just past this element. */
  end: number;
  /** The buffer the node was read from, so children can be read without copying. */
  source: Uint8Array;
  /** Offset of the contents in `source`. */
  valueOffset: number;
}

/** Longer lengths than this never occur in keys; refusing them keeps arithmetic exact. */
const MAX_LENGTH_OCTETS = 4;

export function readNode(source: Uint8Array, offset: number, limit: number = source.length): DerNode {
  if (offset >= limit) throw new DerError('unexpected end of data', offset);
  const tag = source[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError(`multi-byte tag 0x${tag.toString(16)} is not used by key formats`, offset);
  if (offset + 1 >= limit) throw new DerError('unexpected end of data after a tag', offset);
  const first = source[offset + 1] as number;
  let length = first;
  let headerLength = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0) throw new DerError('indefinite length (BER) is not DER', offset + 1);
    if (count > MAX_LENGTH_OCTETS) throw new DerError(`a length of ${count} octets is too long`, offset + 1);
    if (offset + 2 + count > limit) throw new DerError('unexpected end of data in a length', offset + 1);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (source[offset + 2 + i] as number);
    headerLength = 2 + count;
  }
  const valueOffset = offset + headerLength;
  const end = valueOffset + length;
  if (end > limit) throw new DerError(`an element claims ${length} bytes but only ${limit - valueOffset} remain (is the key cut off?)`, offset);
  return { tag, offset, value: source.subarray(valueOffset, end), end, source, valueOffset };
}

/** Reads exactly one element that spans the whole buffer. */
export function readDer(bytes: Uint8Array): DerNode {
  const node = readNode(bytes, 0);
  if (node.end !== bytes.length) throw new DerError(`${bytes.length - node.end} unexpected bytes after the end of the structure`, node.end);
  return node;
}

/** The elements inside a constructed node (SEQUENCE, SET, [n]). */
export function childrenOf(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let at = node.valueOffset;
  while (at < node.end) {
    const child = readNode(node.source, at, node.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node) throw new DerError(`${what} is missing`, -1);
  if (node.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${node.tag.toString(16)}`, node.offset);
  return node;
}

export function readSequence(node: DerNode | undefined, what: string): DerNode[] {
  return childrenOf(expectTag(node, TAG.SEQUENCE, what));
}

/** A non-negative INTEGER as its big-endian magnitude without leading zero octets. */
export function readUnsignedInteger(node: DerNode | undefined, what: string): Uint8Array {
  const value = expectTag(node, TAG.INTEGER, what).value;
  if (value.length === 0) throw new DerError(`${what}: empty INTEGER`, node?.offset ?? -1);
  if ((value[0] as number) & 0x80) throw new DerError(`${what} is negative`, node?.offset ?? -1);
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  return value.subarray(start);
}

/** A small INTEGER such as a version number. */
export function readSmallInteger(node: DerNode | undefined, what: string): number {
  const magnitude = readUnsignedInteger(node, what);
  if (magnitude.length > 4) throw new DerError(`${what} is too large`, node?.offset ?? -1);
  return magnitude.reduce((acc, b) => acc * 256 + b, 0);
}

export function readOid(node: DerNode | undefined, what: string): string {
  const value = expectTag(node, TAG.OID, what).value;
  if (value.length === 0) throw new DerError(`${what}: empty OBJECT IDENTIFIER`, node?.offset ?? -1);
  const arcs: number[] = [];
  let current = 0;
  for (let i = 0; i < value.length; i++) {
    const b = value[i] as number;
    if (current === 0 && b === 0x80) throw new DerError(`${what}: non-minimal OBJECT IDENTIFIER`, node?.offset ?? -1);
    current = current * 128 + (b & 0x7f);
    if (current > Number.MAX_SAFE_INTEGER / 128) throw new DerError(`${what}: OBJECT IDENTIFIER arc too large`, node?.offset ?? -1);
    if (!(b & 0x80)) {
      arcs.push(current);
      current = 0;
    } else if (i === value.length - 1) throw new DerError(`${what}: truncated OBJECT IDENTIFIER`, node?.offset ?? -1);
  }
  const first = arcs[0] as number;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs.slice(1)].join('.');
}

/** BIT STRING contents, which in keys always have 0 unused bits. */
export function readBitString(node: DerNode | undefined, what: string): Uint8Array {
  const value = expectTag(node, TAG.BIT_STRING, what).value;
  if (value.length === 0) throw new DerError(`${what}: empty BIT STRING`, node?.offset ?? -1);
  if (value[0] !== 0) throw new DerError(`${what}: BIT STRING with ${value[0]} unused bits`, node?.offset ?? -1);
  return value.subarray(1);
}

export function readOctetString(node: DerNode | undefined, what: string): Uint8Array {
  return expectTag(node, TAG.OCTET_STRING, what).value;
}

// ---- writer -------------------------------------------------------------------------------

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const octets: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) octets.unshift(n % 256);
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function derTlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const body = concatBytes(...contents);
  return concatBytes(Uint8Array.of(tag), encodeLength(body.length), body);
}

export const derSequence = (...items: Uint8Array[]): Uint8Array => derTlv(TAG.SEQUENCE, ...items);
export const derNull = (): Uint8Array => Uint8Array.of(TAG.NULL, 0);
export const derOctetString = (bytes: Uint8Array): Uint8Array => derTlv(TAG.OCTET_STRING, bytes);
export const derBitString = (bytes: Uint8Array): Uint8Array => derTlv(TAG.BIT_STRING, Uint8Array.of(0), bytes);

/** INTEGER from an unsigned big-endian magnitude, in minimal two's-complement form. */
export function derUnsignedInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.length === 0 ? Uint8Array.of(0) : magnitude.subarray(start);
  const needsPad = ((trimmed[0] as number) & 0x80) !== 0;
  return derTlv(TAG.INTEGER, needsPad ? concatBytes(Uint8Array.of(0), trimmed) : trimmed);
}

export function derSmallInteger(n: number): Uint8Array {
  const octets: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) octets.unshift(v % 256);
  return derUnsignedInteger(Uint8Array.from(octets.length ? octets : [0]));
}

export function derOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [a * 40 + b, ...rest]) {
    const groups: number[] = [arc % 128];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) groups.unshift(0x80 | (v % 128));
    out.push(...groups);
  }
  return derTlv(TAG.OID, Uint8Array.from(out));
}

/** EXPLICIT context-specific field [n]. */
export const derContext = (n: number, ...contents: Uint8Array[]): Uint8Array => derTlv(contextTag(n), ...contents);
