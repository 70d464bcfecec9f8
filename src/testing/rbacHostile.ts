// Test-only: hostile pastes for the Access engine, built inside the worker that runInWorker starts
// (so only a name crosses over), each run through everything a user can trigger: read, index,
// table, findings, one answer with near misses, who-can and the CSV export. Returns a small summary.
import { parseAllDocuments, stringify } from 'yaml';
import { generateRbacDump } from '../../scripts/generate-rbac-dump.mjs';
import { yamlDocumentsParser } from '../core/audit/yamlDocuments';
import { parseAccessQuestion } from '../core/rbac/accessQuestion';
import { parseSubject } from '../core/rbac/accessSubject';
import { checkAccess } from '../core/rbac/checkAccess';
import { permissionsToCsv } from '../core/rbac/exportPermissions';
import { findDangers } from '../core/rbac/findDangers';
import { permissionTable } from '../core/rbac/permissionTable';
import { buildRbacIndex } from '../core/rbac/rbacIndex';
import { readRbacText } from '../core/rbac/readRbacText';
import { whoCan } from '../core/rbac/whoCan';

const parseYaml = yamlDocumentsParser(parseAllDocuments);
const HUGE = 4 * 1024 * 1024;

const role = (name: string, rules: unknown[], namespace?: string) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: namespace ? 'Role' : 'ClusterRole',
  metadata: namespace ? { name, namespace } : { name },
  rules,
});
const binding = (name: string, roleName: string, subjects: unknown[], namespace?: string) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: namespace ? 'RoleBinding' : 'ClusterRoleBinding',
  metadata: namespace ? { name, namespace } : { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
  subjects,
});
const reader = role('reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]);
const readerBinding = binding('reads', 'reader', [{ kind: 'User', name: 'alice' }]);

function exercise(text: string, subjectText: string) {
  const read = readRbacText(text, { parseYaml });
  if (!read.ok) return { ok: false, code: read.error.code, messageLength: read.error.message.length };
  const index = buildRbacIndex(read.value);
  const subject = parseSubject(subjectText, 'user');
  if (!subject.ok) return { ok: false, code: subject.error.code };
  const table = permissionTable(index, subject.value);
  const findings = findDangers(index, subject.value);
  const question = parseAccessQuestion({ verb: 'delete', resource: 'pods', namespace: 'ns' });
  if (!question.ok) return { ok: false, code: question.error.code };
  const answer = checkAccess(index, subject.value, question.value);
  const who = whoCan(index, question.value.request);
  return {
    ok: true,
    roles: read.value.roles.length,
    bindings: read.value.bindings.length,
    problems: read.value.problems.map((p) => p.code),
    issues: index.issues.length,
    rows: table.rows.length,
    findings: findings.length,
    allowed: answer.allowed,
    nearMisses: answer.nearMisses.length,
    who: who.entries.length,
    csvBytes: permissionsToCsv(table.rows).length,
    longestMessage: Math.max(0, ...read.value.problems.map((p) => p.message.length), ...answer.nearMisses.flatMap((n) => n.mismatches.map((m) => m.text.length))),
  };
}

/** JSON nested far deeper than any parser recursion allows, beside ordinary objects. */
export function deepJson() {
  const depth = 500_000;
  return exercise(`{"kind":"List","items":[${'['.repeat(depth)}${']'.repeat(depth)},${JSON.stringify(reader)},${JSON.stringify(readerBinding)}]}`, 'alice');
}

/** Deep nesting inside fields the reader opens (rules, subjects), in JSON the parser accepts. */
export function deepFields() {
  let nested: unknown = 'get';
  for (let i = 0; i < 5000; i++) nested = [nested];
  const odd = role('odd', [{ apiGroups: [''], resources: ['pods'], verbs: [nested, 'list'] }]);
  const oddBinding = { ...binding('odd', 'odd', [{ kind: 'User', name: 'alice', extra: nested }]), metadata: { name: 'odd', labels: { deep: nested } } };
  return exercise(JSON.stringify({ kind: 'List', items: [odd, oddBinding, reader, readerBinding] }), 'alice');
}

/** A YAML List whose middle item is nested 100,000 levels deep in flow style. */
export function deepYaml() {
  const depth = 100_000;
  const items = stringify({ kind: 'List', items: [reader, readerBinding] }, { indentSeq: false });
  return exercise(`${items.replace('items:\n', `items:\n- deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`)}`, 'alice');
}

/** Names, verbs, resources and subjects of several megabytes each. */
export function hugeStrings() {
  const big = 'x'.repeat(HUGE);
  const wide = 'é\u202e'.repeat(HUGE / 8);
  const items = [
    role(big, [{ apiGroups: [big], resources: [big, `${big}/${big}`], verbs: [big, 'delete'], resourceNames: [big] }]),
    role('wide', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: [wide] }]),
    binding(big, big, [{ kind: 'User', name: big }, { kind: 'ServiceAccount', name: wide, namespace: big }, { kind: 'User', name: 'alice' }]),
    binding('wide', 'wide', [{ kind: 'User', name: big }, { kind: 'User', name: 'alice' }]),
    binding('missing', wide, [{ kind: 'User', name: 'alice' }]),
  ];
  return exercise(JSON.stringify({ kind: 'List', items }), 'alice');
}

/** A rule whose lists multiply out to a billion tuples. */
export function hugeProduct() {
  const many = (p: string) => Array.from({ length: 1000 }, (_, i) => `${p}${i}`);
  const items = [role('huge', [{ apiGroups: many('g'), resources: many('r'), verbs: many('v'), nonResourceURLs: many('/u') }]), binding('huge', 'huge', [{ kind: 'User', name: 'alice' }])];
  return exercise(JSON.stringify({ kind: 'List', items }), 'alice');
}

/** 10,000 objects as kubectl prints them with -o json, for a subject bound in every namespace. */
export function manyObjects() {
  return exercise(`${JSON.stringify(generateRbacDump({ count: 10_000 }), null, 4)}\n`, 'system:serviceaccount:ci:builder');
}
