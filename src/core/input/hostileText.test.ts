/**
 * Hang guards: 1 MB of the input that made each pattern family super-linear, run through the real
 * recognition in a worker thread that is terminated after 10 s. A regression cannot hang the test
 * run; it fails it. Not a timing test: only completion is asserted (with what was recognised).
 */
import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../testing/runInWorker';

const MB = 1_000_000;
/** Longer than any time limit below, so the harness, not Vitest, decides. */
const VITEST_TIMEOUT = 30_000;

function recognizeInWorker(text: string) {
  return runInWorker({ base: import.meta.url, module: './recognizeInput.ts', exportName: 'recognizeInput', args: [text], summarize: true, timeoutMs: 10_000 });
}

const certificateFlood = () => {
  // Many BEGIN lines without an END, then filler: `BEGIN…[\s\S]*?END` rescanned the rest from each.
  const begins = '-----BEGIN CERTIFICATE-----'.repeat(18_000);
  const secret = { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'ca' }, stringData: { 'ca.crt': begins + '-'.repeat(MB - begins.length - 200) } };
  return JSON.stringify(secret);
};

describe('recognition stays linear on 1 MB of hostile text', () => {
  it.each([
    ['"Name:" lines with no "Type:" (describe-secret sniffing)', () => 'Name: a\n'.repeat(MB / 8), 'unknown'],
    ['blank-looking lines (a YAML key sniff that crossed line breaks)', () => `x${' \n'.repeat(MB / 2 - 1)}y`, 'unknown'],
    ['a token-like line, then a long run of blank lines and one long line', () => `x\n${' \n'.repeat(MB / 4)}eyJ${'a'.repeat(MB / 2 - 10)}`, 'unknown'],
    // `:\s+(.*)$` tried every split of the spaces, since `.` stops at U+2028.
    ['kubectl describe output with a long run of spaces in a field', () => `Name: x\nType: Opaque\nLabels:${' '.repeat(MB - 100)}a\u2028b\nData\n====\n`, 'secret'],
    ['kubectl describe output with a long run of spaces in a data line', () => `Name: x\nType: Opaque\nData\n====\npassword:${' '.repeat(MB - 100)}a\u2028b\n`, 'secret'],
    ['a Secret whose ca.crt opens certificates it never closes', certificateFlood, 'secret'],
  ])('%s', async (_name, make, kind) => {
    const text = make();
    expect(text.length).toBeGreaterThan(0.9 * MB);
    expect(text.length).toBeLessThanOrEqual(MB);
    const outcome = await recognizeInWorker(text);
    expect(outcome).toMatchObject({ completed: true, value: { kind } });
  }, VITEST_TIMEOUT);
});
