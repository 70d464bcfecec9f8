/**
 * Property-based robustness: nothing a user pastes can throw. Every failure must be a typed value
 * with a message a person can act on. `npm test` runs a few hundred cases per property;
 * `npm run fuzz` (FUZZ_RUNS=20000) runs over 100,000 in all.
 */
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { anyText, mutated, SEED_INPUTS, SEED_KEYS, SEED_TOKENS } from '../testing/fuzzInputs';
import { readFixture } from '../testing/fixtures';
import { recognizeInput } from './input/recognizeInput';
import { recognizeKubernetesDocument } from './input/kubernetesObjects';
import { decodeToken } from './jws/decodeToken';
import { parseKeyInput } from './keys/parseKeyInput';
import { classifyToken } from './kubernetes/classifyToken';
import { findingsFor } from './kubernetes/findings';
import { identityOf } from './kubernetes/identity';
import { lifetimeOf } from './kubernetes/lifetime';
import { migrationFor } from './kubernetes/migration';
import { evaluateValidity } from './time/validity';
import { verifySignature } from './verify/verifySignature';
import type { Problem } from './result';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const NOW = 1768469400;
const KINDS = new Set(['empty', 'pending', 'jwt', 'bearer', 'token-base64', 'secret', 'tokenrequest', 'tokenreview', 'kubeconfig', 'secret-list', 'jwe', 'unknown']);

function expectActionable(problem: Problem | null | undefined) {
  if (!problem) return;
  expect(typeof problem.code).toBe('string');
  expect(problem.code.length).toBeGreaterThan(0);
  expect(typeof problem.message).toBe('string');
  expect(problem.message.length).toBeGreaterThan(10);
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
  });

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
  });

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
  });

  it('key parsing never rejects, and explains what it could not use', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(SEED_KEYS), anyText), fc.constantFrom('utf8' as const, 'base64' as const, 'base64url' as const), async (text, enc) => {
        const keys = await parseKeyInput(text, { secretEncoding: enc });
        expectActionable(keys.error);
        for (const s of keys.skipped) expect(s.reason.length).toBeGreaterThan(5);
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
    );
  });

  it('a damaged token never verifies, and verification never throws', async () => {
    const token = readFixture('tokens/pod-bound.jwt');
    const keys = await parseKeyInput(readFixture('keys/cluster-jwks.json'), { secretEncoding: 'utf8' });
    await fc.assert(
      fc.asyncProperty(mutated([token]), async (damaged) => {
        const result = await verifySignature(decodeToken(damaged), keys);
        if (damaged !== token) expect(result.state).not.toBe('verified');
        expect(result.message.length).toBeGreaterThan(5);
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
    );
  });
});
