import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTokenLineList, recognizeTokenLines, secretListItems } from './secretList';
import { recognizeInput } from './recognizeInput';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8').trim();
const podToken = fixture('tokens/pod-bound.jwt');
const legacyToken = fixture('tokens/legacy-secret.jwt');
const base64Token = fixture('inputs/token-base64.txt');

describe('recognizeTokenLines', () => {
  it('takes many tokens, one per line, as a secret list', () => {
    const r = recognizeTokenLines(`${podToken}\n\n${legacyToken}\r\n  ${podToken}  \n`);
    expect(r?.kind).toBe('secret-list');
    expect(r?.token).toBeNull();
    expect(isTokenLineList(r?.list)).toBe(true);
    expect(isTokenLineList(r?.list) && r.list.tokens).toEqual([podToken, legacyToken, podToken]);
    expect(r?.facts).toEqual([{ label: 'Tokens', value: '3' }]);
  });

  it('decodes base64-encoded tokens (jsonpath {.data.token} output)', () => {
    const r = recognizeTokenLines(`${base64Token}\n${base64Token}\n${podToken}`);
    expect(isTokenLineList(r?.list) && r.list.tokens).toEqual([legacyToken, legacyToken, podToken]);
    expect(r?.notes[0]).toMatch(/2 base64-encoded/);
  });

  it.each([
    ['one token', podToken],
    ['a token wrapped over two lines', `${podToken.slice(0, 300)}\n${podToken.slice(300)}`],
    ['a line that is not a token', `${podToken}\nhello`],
    ['base64 that is not a token', `${podToken}\nZXlKaGVsbG8=`],
  ])('returns null for %s', (_name, text) => {
    expect(recognizeTokenLines(text)).toBeNull();
  });

  it('is reached through recognizeInput', () => {
    expect(recognizeInput(`${podToken}\n${legacyToken}`).kind).toBe('secret-list');
  });
});

describe('secretListItems', () => {
  it('accepts a JSON array of Secrets (jq output)', () => {
    const items = [{ type: 'kubernetes.io/service-account-token', metadata: { name: 'a' }, data: {} }];
    expect(secretListItems(items)).toBe(items);
  });

  it('accepts an empty List and refuses an empty array or other lists', () => {
    expect(secretListItems({ kind: 'List', items: [] })).toEqual([]);
    expect(secretListItems([])).toBeNull();
    expect(secretListItems({ kind: 'ConfigMapList', items: [{}] })).toBeNull();
  });
});
