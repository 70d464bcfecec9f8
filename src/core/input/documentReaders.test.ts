/**
 * The YAML reader the page uses, on hostile YAML: refused or read in linear time. Hang guards run
 * 1 MB in a worker thread terminated after 10 s; only completion is asserted, with the outcome.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { runInWorker } from '../../testing/runInWorker';
import { recognizeText } from './recognizeText';
import { documents, parseYaml, readDocument, rememberLastParse } from './documentReaders';

const MB = 1_000_000;

function parseInWorker(text: string) {
  return runInWorker({ base: import.meta.url, module: './documentReaders.ts', exportName: 'parseYaml', args: [text], summarize: true, timeoutMs: 10_000 });
}

/** What parseYaml throws, as text. */
function refusal(text: string): string {
  try {
    parseYaml(text);
    return 'no error';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('parseYaml', () => {
  it.each([
    ['flow', `a: ${'['.repeat(1000)}${']'.repeat(1000)}`],
    ['block', `a:\n${'- '.repeat(1000)}x`],
  ])('says a document nested 1000 levels deep (%s) is nested too deeply, not that the stack overflowed', (_name, text) => {
    expect(refusal(text)).toMatch(/^It is nested too deeply \(more than 64 levels\)/);
  });

  it('makes the decoder say so for a Secret nested too deeply', () => {
    const r = recognizeText(`apiVersion: v1\nkind: Secret\ndata:\n  x: ${'['.repeat(5000)}\n`, { parseYaml, documents });
    expect(r.kind).toBe('unknown');
    expect(r.hint?.message).toMatch(/^This looks like YAML but does not parse: It is nested too deeply \(more than 64 levels\)/);
  });

  it('reads 60 levels, and refuses a key given twice in one mapping', () => {
    expect(refusal(`a: ${'['.repeat(60)}${']'.repeat(60)}`)).toBe('no error');
    expect(refusal('a:\n  b: 1\n  c: 2\n  b: 3\n')).toBe('Map keys must be unique; "b" appears twice in one mapping');
    expect(parseYaml('a: {b: 1}\nc: {b: 2}\n')).toEqual({ a: { b: 1 }, c: { b: 2 } });
  });
});

describe('parseYaml stays linear on 1 MB of hostile YAML', () => {
  it.each([
    ['flow nesting', () => `a: ${'['.repeat(MB - 3)}`, 'nested too deeply'],
    ['block nesting', () => `${'- '.repeat(MB / 2)}`, 'nested too deeply'],
  ])('%s is refused before the parser runs', async (_name, make, message) => {
    const outcome = await parseInWorker(make());
    expect(outcome).toMatchObject({ completed: false, reason: 'error', message: expect.stringContaining(message) });
  }, 30_000);

  // Half a megabyte here: the parser itself reads about 10,000 keys a second on a loaded 2-core
  // machine, so 1 MB would test its speed, not the shape of the duplicate check.
  it('a mapping with 45,000 keys is read (the duplicate check compared each key with every earlier one)', async () => {
    const text = Array.from({ length: 45_000 }, (_, i) => `k${String(i).padStart(6, '0')}: 1`).join('\n');
    expect(text.length).toBeLessThanOrEqual(MB / 2);
    const outcome = await parseInWorker(text);
    expect(outcome.completed).toBe(true);
  }, 30_000);
});

describe('readDocument (what the document worker runs)', () => {
  it('reads a document in full, with no size limit, and leaves a list\'s parsed items behind', () => {
    const secret = `${readFixture('inputs/secret.yaml')}\n${'# padding\n'.repeat(30_000)}`;
    expect(readDocument(secret).kind).toBe('secret');
    const list = readDocument(readFixture('inputs/secret-list.json'));
    expect(list.kind).toBe('secret-list');
    expect(list).not.toHaveProperty('list');
  });

  it('parses a text once when only the kubeconfig user changes', () => {
    const parse = vi.fn(parseYaml);
    const yaml = rememberLastParse(parse);
    const text = readFixture('inputs/kubeconfig.yaml');
    expect(readDocument(text, undefined, yaml).selected).toBe('ci-bot');
    expect(readDocument(text, 'old-bot', yaml).selected).toBe('old-bot');
    expect(parse).toHaveBeenCalledTimes(1);
    expect(() => yaml('a: [')).toThrow();
    expect(() => yaml('a: [')).toThrow();
    expect(parse).toHaveBeenCalledTimes(2);
  });
});

