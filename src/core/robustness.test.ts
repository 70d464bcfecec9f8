/**
 * Property-based robustness: nothing a user pastes can throw. Every failure must be a typed value
 * with a message a person can act on. `npm test` runs a few hundred cases per property;
 * `npm run fuzz` (FUZZ_RUNS=30000) runs 105,000 in all.
 */
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { anyText, mutated, SEED_INPUTS, SEED_KEYS, SEED_TOKENS } from '../testing/fuzzInputs';
import { readFixture } from '../testing/fixtures';
import { recognizeInput } from './input/recognizeInput';
import { recognizeKubernetesDocument } from './input/kubernetesObjects';
import { decodeToken, type DecodedToken } from './jws/decodeToken';
import { parseKeyInput } from './keys/parseKeyInput';
import { classifyToken } from './kubernetes/classifyToken';
import { findingsFor } from './kubernetes/inspectToken';
import { identityOf } from './kubernetes/identity';
import { lifetimeOf } from './kubernetes/lifetime';
import { migrationFor } from './kubernetes/migration';
import { evaluateValidity } from './time/validity';
import { verifySignature } from './verify/verifySignature';
import type { Problem } from './result';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/**
 * Each property gets time in proportion to its runs, never under 10 s: the slowest (decoding with
 * every Kubernetes view) took 1.4 ms a run on a loaded 2-core machine, so 10 ms a run leaves room.
 * Vitest's default 5 s failed `npm run fuzz` on such a machine.
 */
const TIMEOUT_MS = Math.max(10_000, RUNS * 10);
const NOW = 1768469400;
const KINDS = new Set(['empty', 'pending', 'jwt', 'bearer', 'token-base64', 'secret', 'tokenrequest', 'tokenreview', 'kubeconfig', 'secret-list', 'jwe', 'unknown']);

function expectActionable(problem: Problem | null | undefined) {
  if (!problem) return;
  expect(typeof problem.code).toBe('string');
  expect(problem.code.length).toBeGreaterThan(0);
  expect(typeof problem.message).toBe('string');
  expect(problem.message.length).toBeGreaterThan(10);
}

/**
 * What a verifier sees of a token: the signed text (header and payload as written) and the
 * signature's bytes. Text can change while these stay: the last signature character carries
 * unused bits that decoders ignore, so a "damaged" token may rightly still verify.
 */
function sameSignedToken(a: DecodedToken, b: DecodedToken): boolean {
  const sa = a.signature.bytes;
  const sb = b.signature.bytes;
  return a.header.raw === b.header.raw && a.payload.raw === b.payload.raw && sa !== null && sb !== null && Buffer.from(sa).equals(Buffer.from(sb));
}

const tokenInputs = fc.oneof(mutated(SEED_TOKENS), anyText);
const pastedInputs = fc.oneof(mutated(SEED_INPUTS), mutated(SEED_TOKENS), anyText);

describe(`robustness (${RUNS} runs per property)`, () => {
  it('recognising any paste never throws and always says what it found', () => {
    fc.assert(
      fc.property(pastedInputs, (text) => {
        const r = recognizeInput(text, { parseYaml: (t) => parseYaml(t, { maxAliasCount: 100 }) });
        expect(KINDS.has(r.kind)).toBe(true);
        if (r.kind === 'unknown') expectActionable(r.hint);
        if (r.token !== null) expect(typeof r.token).toBe('string');
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('decoding and every Kubernetes view never throw on any token', () => {
    fc.assert(
      fc.property(tokenInputs, (token) => {
        const d = decodeToken(token);
        for (const e of d.errors) {
          expectActionable(e);
          expect(['header', 'payload', 'signature', 'token']).toContain(e.segment);
        }
        const c = classifyToken(d);
        const id = identityOf(d, c);
        findingsFor(d, c, NOW);
        lifetimeOf(d, NOW);
        migrationFor(id, c);
        evaluateValidity(d.claims, NOW);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('Kubernetes objects of any shape never throw', () => {
    const docs = SEED_INPUTS.flatMap((t) => {
      try {
        return [parseYaml(t) as unknown];
      } catch {
        return [];
      }
    });
    const shaped = fc.oneof(
      fc.jsonValue({ maxDepth: 5 }),
      fc.tuple(fc.constantFrom(...docs), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('kind', 'data', 'metadata', 'items', 'users', 'status', 'spec', 'stringData', 'contexts')).map(
        ([doc, junk, key]) => (typeof doc === 'object' && doc !== null ? { ...(doc as object), [key]: junk } : doc),
      ),
    );
    fc.assert(
      fc.property(shaped, (value) => {
        const r = recognizeKubernetesDocument(value, {});
        if (r?.kind === 'unknown') expectActionable(r.hint);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('key parsing never rejects, and explains what it could not use', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(SEED_KEYS), anyText), fc.constantFrom('utf8' as const, 'base64' as const, 'base64url' as const), async (text, enc) => {
        const keys = await parseKeyInput(text, { secretEncoding: enc });
        expectActionable(keys.error);
        for (const s of keys.skipped) expect(s.reason.length).toBeGreaterThan(5);
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
    );
  }, TIMEOUT_MS);

  it('a damaged token never verifies, and verification never throws', async () => {
    const token = readFixture('tokens/pod-bound.jwt');
    const original = decodeToken(token);
    const keys = await parseKeyInput(readFixture('keys/cluster-jwks.json'), { secretEncoding: 'utf8' });
    await fc.assert(
      fc.asyncProperty(mutated([token]), async (damaged) => {
        const decoded = decodeToken(damaged);
        const result = await verifySignature(decoded, keys);
        if (!sameSignedToken(decoded, original)) expect(result.state).not.toBe('verified');
        expect(result.message.length).toBeGreaterThan(5);
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
    );
  }, TIMEOUT_MS);

  it('a signature re-spelled in its unused bits is the same signed token to the oracle above, and verifies', async () => {
    const token = readFixture('tokens/pod-bound.jwt').trim();
    const keys = await parseKeyInput(readFixture('keys/cluster-jwks.json'), { secretEncoding: 'utf8' });
    const last = token[token.length - 1] as string;
    // 342 signature characters: the last one's 4 low bits are unused, so +1 keeps the bytes.
    const respelled = `${token.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) + 1)}`;
    const decoded = decodeToken(respelled);
    expect(sameSignedToken(decoded, decodeToken(token))).toBe(true);
    expect((await verifySignature(decoded, keys)).state).toBe('verified');
    expect(decoded.warnings.join(' ')).toMatch(/unused low bits/);
  });
});
