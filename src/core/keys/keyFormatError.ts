import { DerError } from './der';

/**
 * A key that is well-formed DER or JSON but not something this tool can use (a compressed EC
 * point, an unknown curve, an oversized modulus). Parsers throw it; `parseKeyInput` catches it at
 * its boundary, so it never reaches the UI as an exception.
 */
export class KeyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFormatError';
  }
}

/** One sentence for an error raised while reading a key. */
export function describeKeyError(error: unknown): string {
  if (error instanceof KeyFormatError) return error.message;
  if (error instanceof DerError) {
    return `its bytes are not a valid ASN.1 DER structure: ${error.message}${error.offset >= 0 ? ` (byte ${error.offset})` : ''}`;
  }
  if (error instanceof Error && error.name === 'DataError') return `the browser's crypto refused it as malformed (${error.message})`;
  if (error instanceof Error && error.name === 'NotSupportedError') return `this browser's crypto does not support it (${error.message})`;
  return `it could not be read (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
}
