import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { yamlDocumentsParser } from './yamlDocuments';

const parseYaml = yamlDocumentsParser(parseAllDocuments);

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

  it('refuses a key given twice in one mapping, with yaml\'s own node tests or the registered ones', () => {
    for (const parse of [parseYaml, yamlDocumentsParser(parseAllDocuments, { isMap, isSeq, isScalar })]) {
      expect(() => parse('a:\n  - b: 1\n    c: 2\n    b: 3\n')).toThrow('Map keys must be unique; "b" appears twice in one mapping');
      expect(() => parse('x: 1\n---\n{ y: 1, y: 2 }\n')).toThrow(/"y" appears twice/);
      expect(parse('a: {b: 1}\nc: [{b: 2}, {b: 3}]\n1: one\n"1": also one\n')).toEqual({ a: { b: 1 }, c: [{ b: 2 }, { b: 3 }], 1: 'also one' });
    }
  });
});

