/**
 * Property-based robustness of the Access engine: nothing pasted or typed can throw, and every
 * refusal is a typed value with a message a person can act on. FUZZ_RUNS raises the count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { anyText, mutated } from '../../testing/fuzzInputs';
import { clusterIndex, parseYaml } from '../../testing/rbacFixtures';
import { parseAccessQuestion } from './accessQuestion';
import { parseSubject } from './accessSubject';
import { checkAccess } from './checkAccess';
import { findDangers } from './findDangers';
import { permissionTable } from './permissionTable';
import { buildRbacIndex } from './rbacIndex';
import { readRbacText } from './readRbacText';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEEDS = [readFixture('rbac/team-dump.yaml'), JSON.stringify(parseYaml(readFixture('rbac/team-dump.yaml')), null, 4)];

// Reading a whole dump is slower than the other properties: a quarter of the runs.
describe(`Access engine robustness (${RUNS} runs per property)`, { timeout: 120_000 }, () => {
  it('reading any paste never throws; a refusal says what to do', () => {
    fc.assert(
      fc.property(fc.oneof(mutated(SEEDS), anyText), (text) => {
        const r = readRbacText(text, { parseYaml });
        if (!r.ok) {
          expect(r.error.code.length).toBeGreaterThan(0);
          expect(r.error.message.length).toBeGreaterThan(10);
          return;
        }
        // Whatever was read can be indexed and asked about.
        const index = buildRbacIndex(r.value);
        const subject = parseSubject('shop/web');
        const question = parseAccessQuestion({ verb: 'get', resource: 'pods', namespace: 'shop' });
        if (!subject.ok || !question.ok) throw new Error('fixed inputs must parse');
        checkAccess(index, subject.value, question.value);
        permissionTable(index, subject.value);
        findDangers(index, subject.value);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('any typed subject and question is answered or refused with a message, never a throw', () => {
    const index = clusterIndex();
    const field = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', 'pods', 'pods/log', '/healthz', 'deployments.apps', '*', 'shop', 'get', 'shop/web', 'group:ops'));
    fc.assert(
      fc.property(field, field, field, field, field, (who, verb, resource, name, namespace) => {
        const subject = parseSubject(who);
        const question = parseAccessQuestion({ verb, resource, name, namespace });
        for (const r of [subject, question]) if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
        if (subject.ok && question.ok) {
          const answer = checkAccess(index, subject.value, question.value);
          expect(typeof answer.allowed).toBe('boolean');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
