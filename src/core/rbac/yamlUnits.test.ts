import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlUnits } from './yamlUnits';

const kubectlStyle = ['apiVersion: v1', 'items:', '- kind: Role', '  metadata:', '    name: a', '  rules:', '  - verbs:', '    - get', '- kind: Role', '  metadata:', '    name: b', 'kind: List', 'metadata:', '  resourceVersion: ""'].join('\n');

describe('yamlUnits', () => {
  it('cuts a kubectl List into items that parse on their own, each keeping its columns and line', () => {
    const units = yamlUnits(kubectlStyle);
    expect(units).toHaveLength(1);
    const list = units?.[0]?.list;
    expect(list?.items.map((i) => i.line)).toEqual([3, 9]);
    expect(list?.items.map((i) => parse(i.text))).toEqual([
      { kind: 'Role', metadata: { name: 'a' }, rules: [{ verbs: ['get'] }] },
      { kind: 'Role', metadata: { name: 'b' } },
    ]);
    expect(parse(list?.header ?? '')).toEqual({ apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } });
  });

  it('handles sequences indented under items:, CRLF line ends and comments', () => {
    const text = 'kind: List\r\nitems:\r\n  # first\r\n  - kind: Role\r\n    metadata: {name: a}\r\n\r\n  - kind: Role\r\n    metadata: {name: b}\r\n';
    const items = yamlUnits(text)?.[0]?.list?.items ?? [];
    expect(items.map((i) => (parse(i.text) as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'b']);
  });

  it('splits documents at --- and ...', () => {
    const units = yamlUnits('a: 1\n---\nb: 2\n...\n---  # c\nc: 3\n');
    expect(units?.map((u) => parse(u.text))).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(units?.map((u) => u.line)).toEqual([1, 3, 6]);
  });

  it('keeps a document whole when items is not a block sequence, and gives up on directives or content after ---', () => {
    expect(yamlUnits('items: [a, b]\nkind: List')?.[0]?.list).toBeNull();
    expect(yamlUnits('items:\n  a: 1')?.[0]?.list).toBeNull();
    expect(yamlUnits('items:\n\t- a')?.[0]?.list).toBeNull();
    expect(yamlUnits('%YAML 1.2\n---\na: 1')).toBeNull();
    expect(yamlUnits('--- {a: 1}')).toBeNull();
  });
});
