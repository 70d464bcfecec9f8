import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { yamlDocumentsParser } from './yamlDocuments';

const parseYaml = yamlDocumentsParser({ parseAllDocuments, isMap, isSeq, isScalar });

describe('yamlDocumentsParser', () => {
  it('gives one document as a value and several as an array', () => {
    expect(parseYaml('kind: List\nitems: []\n')).toEqual({ kind: 'List', items: [] });
    expect(parseYaml('a: 1\n---\nb: 2\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('throws the first error of a broken document', () => {
    expect(() => parseYaml('a: 1\n---\nb: [\n')).toThrow();
  });

  it('refuses alias bombs ("billion laughs")', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(() => parseYaml(bomb)).toThrow(/alias/i);
  });
});
