import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { parseYaml } from '../../testing/rbacFixtures';
import { readRbacText, readRbacSteps, type RbacProgress } from './readRbacText';
import { extractRbacObjects, readRbacValue } from './readRbacObjects';

const role = (name: string, namespace?: string) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: namespace ? 'Role' : 'ClusterRole',
  metadata: namespace ? { name, namespace } : { name },
  rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
});
const binding = (name: string, roleName: string, namespace?: string) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: namespace ? 'RoleBinding' : 'ClusterRoleBinding',
  metadata: namespace ? { name, namespace } : { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
  subjects: [{ kind: 'User', name: 'alice' }],
});

const read = (text: string) => readRbacText(text, { parseYaml });

describe('readRbacText', () => {
  it('reads kubectl -o json: a List of all four kinds, counting the other kinds it holds', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [role('r1'), role('r2', 'shop'), binding('b1', 'r1'), binding('b2', 'r1', 'shop'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }], metadata: {} };
    const r = read(JSON.stringify(list, null, 4));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.roles.map((x) => `${x.kind}/${x.namespace}/${x.name}`)).toEqual(['ClusterRole//r1', 'Role/shop/r2']);
    expect(r.value.bindings.map((x) => `${x.kind}/${x.namespace}/${x.name}`)).toEqual(['ClusterRoleBinding//b1', 'RoleBinding/shop/b2']);
    expect(r.value.ignored).toEqual({ Secret: 1 });
    expect(r.value.objects).toBe(5);
    expect(r.value.problems).toEqual([]);
  });

  it('reads a typed list whose items carry no kind (kubectl get clusterroles -o json of one kind via the API)', () => {
    const { kind: _k, apiVersion: _a, ...bare } = role('bare');
    const r = read(JSON.stringify({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleList', items: [bare] }));
    expect(r.ok && r.value.roles[0]?.kind).toBe('ClusterRole');
  });

  it('reads several YAML documents, a single object, and JSON lines', () => {
    const multi = read(`${stringify(role('a'))}---\n${stringify(binding('b', 'a'))}`);
    expect(multi.ok && [multi.value.roles.length, multi.value.bindings.length]).toEqual([1, 1]);
    const single = read(stringify(role('only', 'shop')));
    expect(single.ok && single.value.roles[0]?.name).toBe('only');
    const lines = read(`${JSON.stringify(role('x'))}\n${JSON.stringify(binding('y', 'x'))}\n`);
    expect(lines.ok && lines.value.bindings[0]?.name).toBe('y');
  });

  it('reads the fixtures, kubectl -o yaml style, with line numbers of each object', () => {
    const r = read(readFixture('rbac/team-dump.yaml'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const demo = r.value.bindings.find((b) => b.name === 'demo-edit');
    expect(demo?.source.line).toBeGreaterThan(1);
    expect(readFixture('rbac/team-dump.yaml').split('\n')[(demo?.source.line ?? 1) - 1]).toMatch(/^- apiVersion/);
  });

  it('a List item that is not valid YAML becomes a problem with its line; the other items are read', () => {
    const text = [
      'apiVersion: v1',
      'items:',
      '- apiVersion: rbac.authorization.k8s.io/v1',
      '  kind: ClusterRole',
      '  metadata:',
      '    name: good',
      '- apiVersion: rbac.authorization.k8s.io/v1',
      '  kind: ClusterRole',
      '  metadata: {name: [broken',
      '- apiVersion: rbac.authorization.k8s.io/v1',
      '  kind: ClusterRole',
      '  metadata:',
      '    name: also-good',
      'kind: List',
    ].join('\n');
    const r = read(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.roles.map((x) => x.name)).toEqual(['good', 'also-good']);
    expect(r.value.problems).toHaveLength(1);
    expect(r.value.problems[0]).toMatchObject({ code: 'bad-yaml' });
    expect(r.value.problems[0]?.message).toMatch(/^Line (7|8|9):/);
  });

  it('malformed objects become problems, never exceptions', () => {
    const dump = readRbacValue({
      kind: 'List',
      items: [
        42,
        { kind: 'Role', metadata: { name: 'no-namespace' } },
        { kind: 'ClusterRole', metadata: {} },
        { kind: 'RoleBinding', metadata: { name: 'no-ref', namespace: 'a' }, subjects: [] },
        { kind: 'ClusterRole', metadata: { name: 'odd' }, rules: [{ verbs: 'get', apiGroups: [''], resources: ['pods', 7, null] }, 'nope'] },
        { kind: 'Role', apiVersion: 'example.com/v1', metadata: { name: 'crd-role', namespace: 'a' } },
      ],
    });
    expect(dump.problems.map((p) => p.code)).toEqual(['not-an-object', 'missing-namespace', 'missing-name', 'bad-role-ref', 'bad-field', 'bad-field', 'bad-field']);
    // "verbs: get" is read as a list of one, as the user meant; numbers are read as text; null is dropped.
    expect(dump.roles[0]?.rules).toEqual([{ verbs: ['get'], apiGroups: [''], resources: ['pods', '7'], resourceNames: [], nonResourceURLs: [] }]);
    expect(dump.ignored).toEqual({ 'Role (example.com/v1)': 1 });
  });

  it('a duplicate object is reported and the later copy is used', () => {
    const first = role('dup');
    const second = { ...role('dup'), rules: [] };
    const dump = readRbacValue([first, second]);
    expect(dump.roles).toHaveLength(1);
    expect(dump.roles[0]?.rules).toEqual([]);
    expect(dump.problems[0]?.code).toBe('duplicate-object');
  });

  it('says what to paste when the text is empty, not RBAC, or unreadable', () => {
    const codes = (text: string, withYaml = true) => {
      const r = readRbacText(text, withYaml ? { parseYaml } : {});
      return r.ok ? 'ok' : r.error.code;
    };
    expect(codes('  \n')).toBe('empty');
    expect(codes('{"kind": "Secret"')).toBe('bad-json');
    expect(codes('kind: [')).toBe('bad-yaml');
    expect(codes(stringify(role('a')), false)).toBe('needs-yaml');
    const secrets = readRbacText(JSON.stringify({ kind: 'List', items: [{ kind: 'Secret' }, { kind: 'Secret' }, { kind: 'ConfigMap' }] }));
    expect(secrets.ok).toBe(false);
    if (!secrets.ok) expect(secrets.error.message).toContain('It holds 2 Secret, 1 ConfigMap.');
  });

  it('reports progress while parsing YAML item by item, ending at the full length', () => {
    const items = Array.from({ length: 300 }, (_, i) => role(`role-${i}`, 'ns'));
    const text = stringify({ apiVersion: 'v1', kind: 'List', items }, { indentSeq: false });
    const progress: RbacProgress[] = [];
    const r = readRbacText(text, { parseYaml, progressEvery: 2000, onProgress: (p) => progress.push(p) });
    expect(r.ok && r.value.roles.length).toBe(300);
    const parsing = progress.filter((p) => p.phase === 'parsing');
    expect(parsing.length).toBeGreaterThan(5);
    expect(parsing.every((p, i) => i === 0 || p.done >= (parsing[i - 1] as RbacProgress).done)).toBe(true);
    expect(progress.at(-1)).toEqual({ phase: 'reading', done: 300, total: 300 });
  });

  it('reads a large JSON List in batches, with progress between them, keeping a typed list’s kind', () => {
    const items = Array.from({ length: 2500 }, (_, i) => {
      const { kind: _k, apiVersion: _a, ...bare } = role(`r-${i}`);
      return bare;
    });
    const progress: RbacProgress[] = [];
    const r = readRbacText(JSON.stringify({ kind: 'ClusterRoleList', items }), { onProgress: (p) => progress.push(p) });
    expect(r.ok && r.value.roles.length).toBe(2500);
    expect(r.ok && r.value.roles[2499]?.source.index).toBe(2499);
    expect(progress.filter((p) => p.phase === 'reading').map((p) => p.done)).toEqual([1000, 2000, 2500, 2500]);
  });

  it('the steps can be driven one at a time (a page can run a slice per frame)', () => {
    const steps = readRbacSteps(JSON.stringify([role('a')]));
    const first = steps.next();
    expect(first.done).toBe(false);
    let last = first;
    while (!last.done) last = steps.next();
    expect(last.value).toMatchObject({ ok: true });
  });

  it('an anchor used across List items is read by parsing the document whole', () => {
    const text = ['items:', '- &r', '  kind: ClusterRole', '  metadata: {name: a}', '- kind: ClusterRoleBinding', '  metadata: {name: b}', '  roleRef: {kind: ClusterRole, name: a}', '  subjects: [{kind: Group, name: g}]', '- *r', 'kind: List'].join('\n');
    const r = read(text);
    expect(r.ok && r.value.problems.map((p) => p.code)).toEqual(['duplicate-object']);
  });
});

describe('extractRbacObjects', () => {
  it('takes the RBAC objects out of a List that also holds a token Secret', () => {
    const secret = parseYaml(readFixture('inputs/secret.yaml'));
    const list = { apiVersion: 'v1', kind: 'List', items: [secret, role('reader', 'default'), binding('reads', 'reader', 'default')] };
    const dump = extractRbacObjects(list);
    expect(dump?.roles.map((r) => r.name)).toEqual(['reader']);
    expect(dump?.bindings.map((b) => b.name)).toEqual(['reads']);
    expect(dump?.ignored).toEqual({ Secret: 1 });
  });

  it('is null when there is nothing RBAC in it', () => {
    expect(extractRbacObjects(parseYaml(readFixture('inputs/secret.yaml')))).toBeNull();
  });
});
