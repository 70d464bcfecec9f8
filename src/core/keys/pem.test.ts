import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../testing/runInWorker';
import { looksLikePem, scanPem } from './pem';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const SPKI = fixture('keys/sa-ec.pub.pem');
const spkiDer = () => new Uint8Array(Buffer.from(SPKI.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'));

describe('scanPem', () => {
  it('decodes a block to its DER bytes', () => {
    const scan = scanPem(SPKI);
    expect(scan.problem).toBeNull();
    expect(scan.blocks).toHaveLength(1);
    expect(scan.blocks[0]).toMatchObject({ index: 1, label: 'PUBLIC KEY', line: 1, problem: null });
    expect(scan.blocks[0]?.der).toEqual(spkiDer());
  });

  it('reads every block of a key file, in order', () => {
    const scan = scanPem(fixture('keys/sa-multi.pub.pem'));
    expect(scan.blocks.map((b) => [b.index, b.label, b.der !== null])).toEqual([
      [1, 'PUBLIC KEY', true],
      [2, 'PUBLIC KEY', true],
      [3, 'PUBLIC KEY', true],
    ]);
    expect(scan.notes).toEqual([]);
  });

  it('tolerates CRLF, YAML indentation and \\n escapes from a JSON string', () => {
    const crlf = SPKI.replace(/\n/g, '\r\n');
    const indented = SPKI.split('\n').map((l) => `    ${l}`).join('\n');
    const escaped = JSON.stringify(SPKI).slice(1, -1);
    for (const text of [crlf, indented, escaped]) expect(scanPem(text).blocks[0]?.der).toEqual(spkiDer());
    expect(scanPem(escaped).notes[0]).toMatch(/escapes/);
  });

  it('names the line and column of a character that is not base64', () => {
    const broken = SPKI.replace('MFkwEwYH', 'MFkw!wYH');
    const block = scanPem(broken).blocks[0];
    expect(block?.der).toBeNull();
    expect(block?.problem).toBe('line 2, column 5 has "!", which is not base64');
  });

  it('reports a missing END line, a mismatched END line and cut-off base64', () => {
    const noEnd = SPKI.replace('-----END PUBLIC KEY-----', '');
    expect(scanPem(noEnd).blocks[0]?.problem).toMatch(/no "-----END PUBLIC KEY-----" line \(was it cut off\?\)/);
    const twoBlocks = `${noEnd}\n${SPKI}`;
    const scan = scanPem(twoBlocks);
    expect(scan.blocks[0]?.problem).toMatch(/before the next BEGIN line/);
    expect(scan.blocks[1]?.der).not.toBeNull();
    expect(scanPem(SPKI.replace('END PUBLIC KEY', 'END PRIVATE KEY')).blocks[0]?.problem).toBe('it begins with "PUBLIC KEY" but ends with "PRIVATE KEY"');
    const lines = SPKI.split('\n');
    const cut = [lines[0], (lines[1] ?? '').slice(0, 61), lines.at(-2)].join('\n');
    expect(scanPem(cut).blocks[0]?.problem).toMatch(/cannot be a whole number of bytes/);
  });

  it('keeps RFC 1421 headers, which mark legacy encrypted keys', () => {
    const text = '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nMIIBOgIBAAJBAK==\n-----END RSA PRIVATE KEY-----\n';
    expect(scanPem(text).blocks[0]?.headers).toEqual({ 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-128-CBC,00112233445566778899AABBCCDDEEFF' });
  });

  it('notes text outside the blocks, and says when there is no block at all', () => {
    expect(scanPem(`Bag Attributes\n${SPKI}trailing words`).notes).toContain('Text outside the PEM blocks was ignored.');
    expect(scanPem('-----END PUBLIC KEY-----').problem).toMatch(/no matching -----BEGIN line/);
    expect(scanPem('-----BEGIN PUBLIC KEY\nMFkw').problem).toMatch(/no complete/);
  });
});

describe('looksLikePem', () => {
  it('is true for any armour line, even a broken one, and false for secrets', () => {
    expect(looksLikePem(SPKI)).toBe(true);
    expect(looksLikePem('-----BEGIN PUBLIC KEY')).toBe(true);
    expect(looksLikePem('xx -----END CERTIFICATE-----')).toBe(true);
    expect(looksLikePem('a-shared-secret-of-at-least-32-bytes!!')).toBe(false);
  });

  it('accepts the armour variants it always did, and nothing looser', () => {
    expect(looksLikePem('--- BEGIN RSA PUBLIC KEY ---')).toBe(true);
    expect(looksLikePem('-----\n BEGIN X')).toBe(true);
    expect(looksLikePem('-----BEGINNING')).toBe(false);
    expect(looksLikePem('-- BEGIN X')).toBe(false);
    expect(looksLikePem('---BEGIN lower')).toBe(false);
    expect(looksLikePem('----END')).toBe(false);
    expect(looksLikePem('END-----')).toBe(false);
  });
});

/** 1 MB of hostile text through the real function, in a worker the test stops after 10 s. */
const completes = async (exportName: string, text: string) => runInWorker({ base: import.meta.url, module: './pem.ts', exportName, args: [text] });
const MB = 1 << 20;

describe('pem: linear on hostile input (hang guards, not timings)', () => {
  it('looksLikePem finishes on a megabyte of dashes, with and without spaces or a BEGIN', { timeout: 120_000 }, async () => {
    // `/-{3,}\s*BEGIN [A-Z]/` took 9 s on 40,000 dashes.
    for (const text of ['-'.repeat(MB), '--- '.repeat(MB / 4), `${'-'.repeat(MB)}BEGIN`, '-----BEGINx'.repeat(MB / 11)]) {
      expect(await completes('looksLikePem', text)).toMatchObject({ completed: true });
    }
  });

  it('scanPem finishes on a megabyte of BEGIN lines, escaped BEGINs on one line, or padding', { timeout: 120_000 }, async () => {
    for (const text of [
      '-----BEGIN A-----\n'.repeat(MB / 18),
      '-----BEGIN A-----\n!\n'.repeat(MB / 20),
      '-----BEGIN '.repeat(MB / 11),
      `-----BEGIN A-----\nAAAA${'='.repeat(MB)}A\n-----END A-----`,
    ]) {
      expect(await completes('scanPem', text)).toMatchObject({ completed: true });
    }
  });
});
