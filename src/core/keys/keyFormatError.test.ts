import { describe, expect, it } from 'vitest';
import { DerError } from './der';
import { KeyFormatError, describeKeyError } from './keyFormatError';

describe('describeKeyError', () => {
  it('turns each kind of failure into one sentence', () => {
    expect(describeKeyError(new KeyFormatError('its curve is odd'))).toBe('its curve is odd');
    expect(describeKeyError(new DerError('indefinite length (BER) is not DER', 3))).toBe('its bytes are not a valid ASN.1 DER structure: indefinite length (BER) is not DER (byte 3)');
    expect(describeKeyError(new DerError('x is missing', -1))).toBe('its bytes are not a valid ASN.1 DER structure: x is missing');
    expect(describeKeyError(new DOMException('bad point', 'DataError'))).toMatch(/refused it as malformed \(bad point\)/);
    expect(describeKeyError(new DOMException('no', 'NotSupportedError'))).toMatch(/does not support it/);
    expect(describeKeyError('weird')).toBe('it could not be read (weird)');
  });
});
