import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../builder/templates';
import { CLAIM_CATALOGUE } from '../claims/catalogue';
import { FINDING_CATALOGUE } from './findingCatalogue';
import { EXTENDED_INFO, KIND_CATALOGUE, KIND_VARIANTS } from './kindCatalogue';
import { boundTokenCommand } from './kubectlCommand';
import { LEARN_SECTIONS, LEARN_TIMELINE } from './learnCatalogue';
import { MIGRATION_CATALOGUE } from './migration';

// An upstream source: repository, then a path in it ("kubernetes/kubernetes pkg/serviceaccount/jwt.go").
const REF = /^kubernetes\/[a-z-]+ [\w./-]+$/;
const minor = (v: string) => Number(v.split('.')[1]);

describe('kind catalogue', () => {
  it('describes every kind of the contract and cites the reference', () => {
    expect(Object.keys(KIND_CATALOGUE).sort()).toEqual(['legacy', 'node-bound', 'not-kubernetes', 'pod-bound', 'secret-bound', 'unbound']);
    for (const info of [...Object.values(KIND_CATALOGUE), ...Object.values(KIND_VARIANTS), EXTENDED_INFO]) {
      expect(info.title && info.headline && info.description).toBeTruthy();
      expect(info.refs.length).toBeGreaterThan(0);
      for (const r of info.refs) expect(r).toMatch(REF);
    }
  });
});

describe('learn catalogue', () => {
  it('has a timeline in version order with the milestones of issue 4', () => {
    const versions = LEARN_TIMELINE.map((e) => e.version);
    expect(versions.map(minor)).toEqual([...versions.map(minor)].sort((a, b) => a - b));
    for (const v of ['1.12', '1.20', '1.21', '1.22', '1.24', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33']) expect(versions).toContain(v);
    expect(LEARN_TIMELINE.find((e) => e.version === '1.21')?.title).toMatch(/[Bb]ound tokens by default/);
    expect(LEARN_TIMELINE.find((e) => e.version === '1.24')?.title).toMatch(/auto-generated/);
  });

  it('cites reference sections everywhere and names only known samples', () => {
    for (const entry of [...LEARN_SECTIONS, ...LEARN_TIMELINE]) {
      expect(entry.refs.length).toBeGreaterThan(0);
      for (const r of entry.refs) expect(r).toMatch(REF);
    }
    const samples = LEARN_SECTIONS.flatMap((s) => s.samples ?? []);
    expect(new Set(samples)).toEqual(new Set(['v1.20-legacy', 'v1.24-projected', 'v1.24-explicit-secret']));
    expect(new Set(LEARN_SECTIONS.map((s) => s.id)).size).toBe(LEARN_SECTIONS.length);
  });
});

describe('migration catalogue', () => {
  it('explains every helper', () => {
    for (const entry of Object.values(MIGRATION_CATALOGUE)) expect(entry.title.length * entry.description.length).toBeGreaterThan(0);
  });
});

// D20: kubectl refuses --bound-object-kind without --bound-object-name ("--bound-object-name is
// required if --bound-object-kind is provided"), and offers Node without KUBECTL_NODE_BOUND_TOKENS
// only from kubectl 1.31 (kubernetes/kubectl pkg/cmd/create/create_token.go @ v0.31.0).
describe('texts that describe kubectl create token --bound-object-kind', () => {
  const texts = [
    ...Object.values(KIND_CATALOGUE).map((k) => k.description),
    ...Object.values(TEMPLATES).map((t) => t.description),
    ...Object.values(CLAIM_CATALOGUE).map((c) => c.description),
    ...LEARN_TIMELINE.map((e) => e.detail),
    ...LEARN_SECTIONS.map((s) => JSON.stringify(s)),
    ...Object.values(MIGRATION_CATALOGUE).map((m) => m.description),
    ...Object.values(FINDING_CATALOGUE).map((f) => JSON.stringify(f)),
  ].filter((t) => t.includes('--bound-object-kind'));

  it('are found (the Secret-bound and Node-bound kinds, builder templates, the claim, Learn)', () => {
    expect(texts.length).toBeGreaterThanOrEqual(5);
  });

  it.each(['Secret', 'Node'] as const)('the %s-bound command names the object and the kubectl version', (kind) => {
    const command = boundTokenCommand(kind);
    expect(command).toBe(`kubectl create token -n <namespace> --bound-object-kind=${kind} --bound-object-name=<${kind.toLowerCase()}> -- <service-account>`);
  });

  it('each names the bound object too, and says which kubectl it assumes', () => {
    for (const text of texts) {
      expect(text).toContain('--bound-object-name=');
      expect(text).toMatch(/kubectl 1\.31/);
    }
  });
});
