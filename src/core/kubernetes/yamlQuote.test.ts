import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlString } from './yamlQuote';

const roundTrip = (value: string) => (parse(`key: ${yamlString(value)}\n`) as { key: unknown }).key;

describe('yamlString', () => {
  it('leaves Kubernetes names plain', () => {
    expect(yamlString('sa-token-demo')).toBe('sa-token-demo');
    expect(yamlString('kube-system')).toBe('kube-system');
    expect(yamlString('a.b-c')).toBe('a.b-c');
  });

  it.each(['yes', 'no', 'on', 'off', 'true', 'null', 'y', '123', '1e3', '0x1f', '.inf', '~', '', ' x', 'a: b', '#c', '- x', '"q"', "'s'", 'a\nb', 'a\u2028b', 'ünï', '😀', '{a}', '[a]', '*x', '&x', '!x', '%x', '@x', '`x`', '|', '>', 'a\\b', '\t'])(
    'quotes %j so it reads back as the same string',
    (value) => {
      expect(yamlString(value)).not.toBe(value);
      expect(roundTrip(value)).toBe(value);
    },
  );

  it('round-trips arbitrary strings, unicode included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), (value) => {
        expect(roundTrip(value)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('emits only printable ASCII, so no parser can misread line separators', () => {
    expect(yamlString('a\u2028b\u0085c')).toBe('"a\\u2028b\\u0085c"');
    expect(/^[\x20-\x7e]*$/.test(yamlString('😀\n'))).toBe(true);
  });
});
