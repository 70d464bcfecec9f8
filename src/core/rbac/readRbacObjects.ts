/**
 * Sorts parsed documents (a `List`, several YAML documents, a jq array, single objects) into the
 * four RBAC kinds, counting everything else. A malformed object becomes a ReadProblem and the rest
 * is still read; nothing here throws. Fields are read as kube-apiserver stores them
 * (kubernetes/kubernetes staging/src/k8s.io/api/rbac/v1/types.go @ v1.33): absent lists are empty.
 */
import { field, isRecord, quoted, recordAt, textOf, type JsonRecord } from '../input/documentFields';
import { MAX_LIST_DEPTH, MAX_RBAC_OBJECTS } from './limits';
import { ObjectMap } from './objectMap';
import type { BindingKind, BindingObject, LabelSelector, PolicyRule, RbacDump, RbacKind, ReadProblem, RoleKind, RoleObject, SourceRef, Subject } from './rbacTypes';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RBAC_KINDS = new Set<string>(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
/** Items of a typed list (`kubectl get clusterroles -o json` without other kinds) carry no kind. */
const ITEM_KIND_OF_LIST: Record<string, RbacKind> = {
  RoleList: 'Role',
  ClusterRoleList: 'ClusterRole',
  RoleBindingList: 'RoleBinding',
  ClusterRoleBindingList: 'ClusterRoleBinding',
};

export function isListDocument(value: unknown): value is JsonRecord {
  if (!isRecord(value) || !Array.isArray(field(value, 'items'))) return false;
  const kind = field(value, 'kind');
  return kind === undefined || (typeof kind === 'string' && kind.endsWith('List'));
}

function describeObject(kind: string, name: string | null, namespace: string | null): string {
  const named = name === null ? `${kind} without a name` : `${kind} ${quoted(name)}`;
  return namespace ? `${named} in namespace ${quoted(namespace)}` : named;
}

/** A list of strings, as Go decodes `[]string`: a lone string or other values are reported. */
function readStrings(value: unknown, what: () => string, report: (message: string) => void): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    const one = textOf(value);
    report(`${what()} should be a list of strings; read ${quoted(String(one ?? typeof value))} as a list of one.`);
    return one === null ? [] : [one];
  }
  // The usual case: already a list of strings. It is shared, never changed.
  if (value.every((v) => typeof v === 'string')) return value as string[];
  const out: string[] = [];
  let dropped = 0;
  for (const v of value) {
    // YAML reads `- 1` as a number; the API would have stored the text.
    const t = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
    if (t === null) dropped++;
    else out.push(t);
  }
  if (dropped > 0) report(`${what()} holds ${dropped} entr${dropped === 1 ? 'y that is' : 'ies that are'} not text; ignored.`);
  return out;
}

function readStringMap(value: unknown, what: () => string, report: (message: string) => void): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === undefined || value === null) return out;
  if (!isRecord(value)) {
    report(`${what()} should be a map of strings; ignored.`);
    return out;
  }
  for (const key of Object.keys(value)) {
    const t = textOf(value[key]);
    if (t === null) report(`${what()}.${key} is not text; ignored.`);
    else out[key] = t;
  }
  return out;
}

function readRule(value: unknown, where: () => string, report: (message: string) => void): PolicyRule | null {
  if (!isRecord(value)) {
    report(`${where()} is not a mapping; ignored.`);
    return null;
  }
  return {
    verbs: readStrings(field(value, 'verbs'), () => `${where()}.verbs`, report),
    apiGroups: readStrings(field(value, 'apiGroups'), () => `${where()}.apiGroups`, report),
    resources: readStrings(field(value, 'resources'), () => `${where()}.resources`, report),
    resourceNames: readStrings(field(value, 'resourceNames'), () => `${where()}.resourceNames`, report),
    nonResourceURLs: readStrings(field(value, 'nonResourceURLs'), () => `${where()}.nonResourceURLs`, report),
  };
}

function readSelector(value: unknown, where: string, report: (message: string) => void): LabelSelector | null {
  if (!isRecord(value)) {
    report(`${where} is not a mapping; ignored.`);
    return null;
  }
  const expressions = field(value, 'matchExpressions');
  const matchExpressions: LabelSelector['matchExpressions'] = [];
  if (Array.isArray(expressions)) {
    expressions.forEach((e, i) => {
      if (!isRecord(e)) return report(`${where}.matchExpressions[${i}] is not a mapping; ignored.`);
      matchExpressions.push({
        key: textOf(field(e, 'key')) ?? '',
        operator: textOf(field(e, 'operator')) ?? '',
        values: readStrings(field(e, 'values'), () => `${where}.matchExpressions[${i}].values`, report),
      });
    });
  } else if (expressions !== undefined && expressions !== null) report(`${where}.matchExpressions is not a list; ignored.`);
  return { matchLabels: readStringMap(field(value, 'matchLabels'), () => `${where}.matchLabels`, report), matchExpressions };
}

function readSubject(value: unknown, where: () => string, report: (message: string) => void): Subject | null {
  if (!isRecord(value)) {
    report(`${where()} is not a mapping; ignored.`);
    return null;
  }
  const subject = {
    kind: textOf(field(value, 'kind')) ?? '',
    apiGroup: textOf(field(value, 'apiGroup')) ?? '',
    name: textOf(field(value, 'name')) ?? '',
    namespace: textOf(field(value, 'namespace')) ?? '',
  };
  if (!subject.kind || !subject.name) report(`${where()} has no ${subject.kind ? 'name' : 'kind'}, so it matches no one.`);
  return subject;
}

/** Collects RBAC objects from parsed documents, one call per document or item, in paste order. */
export interface RbacCollector {
  /** Adds a parsed document: a List, an array, or one object. `line` is where it starts in the text. */
  add(value: unknown, line?: number | null): void;
  /** Adds a problem found while parsing (a YAML document that does not parse). */
  addProblem(problem: ReadProblem): void;
  /** Objects seen so far. */
  readonly count: number;
  finish(): RbacDump;
}

export function createRbacCollector(): RbacCollector {
  const roles: RoleObject[] = [];
  const bindings: BindingObject[] = [];
  const roleAt = new ObjectMap<number>();
  const bindingAt = new ObjectMap<number>();
  const ignored: Record<string, number> = {};
  const problems: ReadProblem[] = [];
  let objects = 0;
  let overflow = false;

  const ignore = (label: string) => {
    ignored[label] = (ignored[label] ?? 0) + 1;
  };

  function addObject(value: unknown, impliedKind: RbacKind | undefined, line: number | null): void {
    if (objects >= MAX_RBAC_OBJECTS) {
      if (!overflow) {
        overflow = true;
        problems.push({ code: 'too-many-objects', message: `Only the first ${MAX_RBAC_OBJECTS.toLocaleString('en')} objects were read; the rest of the paste was ignored.` });
      }
      return;
    }
    const source: SourceRef = { index: objects++, line };
    if (!isRecord(value)) {
      problems.push({ code: 'not-an-object', message: `Object ${source.index + 1} is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not a Kubernetes object; ignored.`, source });
      return;
    }
    const kindField = field(value, 'kind');
    const kind = typeof kindField === 'string' ? kindField : impliedKind;
    const apiVersion = textOf(field(value, 'apiVersion'));
    if (kind === undefined || !RBAC_KINDS.has(kind)) {
      ignore(kind ?? (typeof kindField === 'undefined' ? '(no kind)' : '(bad kind)'));
      return;
    }
    if (apiVersion !== null && !apiVersion.startsWith(`${RBAC_GROUP}/`)) {
      // Another API's kind of the same name (a CRD "Role"): not RBAC.
      ignore(`${kind} (${apiVersion})`);
      return;
    }
    const metadata = recordAt(value, 'metadata');
    const name = textOf(field(metadata, 'name'));
    const namespaced = kind === 'Role' || kind === 'RoleBinding';
    const namespace = namespaced ? textOf(field(metadata, 'namespace')) : '';
    const object = { kind, name, namespace };
    const where = () => describeObject(kind, name, namespace || null);
    if (!name) {
      problems.push({ code: 'missing-name', message: `${where()} (object ${source.index + 1}) cannot be used: metadata.name is missing.`, object, source });
      return;
    }
    if (namespaced && !namespace) {
      problems.push({
        code: 'missing-namespace',
        message: `${where()} has no metadata.namespace, so it is not known where it applies; ignored. kubectl get -A always prints it.`,
        object,
        source,
      });
      return;
    }
    const report = (message: string) => problems.push({ code: 'bad-field', message: `${where()}: ${message}`, object, source });
    if (kind === 'Role' || kind === 'ClusterRole') addRole(value, kind, name, namespace ?? '', source, report);
    else addBinding(value, kind as BindingKind, name, namespace ?? '', source, report);
  }

  function addRole(value: JsonRecord, kind: RoleKind, name: string, namespace: string, source: SourceRef, report: (m: string) => void): void {
    const rulesField = field(value, 'rules');
    const rules: PolicyRule[] = [];
    if (Array.isArray(rulesField)) {
      rulesField.forEach((r, i) => {
        const rule = readRule(r, () => `rules[${i}]`, report);
        if (rule) rules.push(rule);
      });
    } else if (rulesField !== undefined && rulesField !== null) report('rules is not a list; the role grants nothing.');
    let aggregation: LabelSelector[] | null = null;
    const aggregationRule = field(value, 'aggregationRule');
    if (kind === 'ClusterRole' && isRecord(aggregationRule)) {
      aggregation = [];
      const selectors = field(aggregationRule, 'clusterRoleSelectors');
      if (Array.isArray(selectors)) {
        selectors.forEach((s, i) => {
          const selector = readSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`, report);
          if (selector) aggregation?.push(selector);
        });
      }
    }
    const metadata = recordAt(value, 'metadata');
    const role: RoleObject = { kind, name, namespace, labels: readStringMap(field(metadata, 'labels'), () => 'metadata.labels', report), rules, aggregation, source };
    place(roles, roleAt, role);
  }

  function addBinding(value: JsonRecord, kind: BindingKind, name: string, namespace: string, source: SourceRef, report: (m: string) => void): void {
    const ref = recordAt(value, 'roleRef');
    const refKind = textOf(field(ref, 'kind'));
    const refName = textOf(field(ref, 'name'));
    if (!refKind || !refName) {
      problems.push({
        code: 'bad-role-ref',
        message: `${describeObject(kind, name, namespace || null)} has no roleRef ${refKind ? 'name' : 'kind'}, so it grants nothing; ignored.`,
        object: { kind, name, namespace },
        source,
      });
      return;
    }
    const subjectsField = field(value, 'subjects');
    const subjects: Subject[] = [];
    if (Array.isArray(subjectsField)) {
      subjectsField.forEach((s, i) => {
        const subject = readSubject(s, () => `subjects[${i}]`, report);
        if (subject) subjects.push(subject);
      });
    } else if (subjectsField !== undefined && subjectsField !== null) report('subjects is not a list; the binding applies to no one.');
    const binding: BindingObject = {
      kind,
      name,
      namespace,
      roleRef: { apiGroup: textOf(field(ref, 'apiGroup')) ?? '', kind: refKind, name: refName },
      subjects,
      source,
    };
    place(bindings, bindingAt, binding);
  }

  /** Two objects with one name cannot coexist in a cluster: the later one (a newer copy) wins. */
  function place<T extends RoleObject | BindingObject>(list: T[], at: ObjectMap<number>, object: T): void {
    const existing = at.get(object.kind, object.namespace, object.name);
    if (existing === undefined) {
      at.set(object.kind, object.namespace, object.name, list.length);
      list.push(object);
      return;
    }
    const first = list[existing] as T;
    problems.push({
      code: 'duplicate-object',
      message: `${describeObject(object.kind, object.name, object.namespace || null)} appears more than once (objects ${first.source.index + 1} and ${object.source.index + 1}); the later copy is used.`,
      object: { kind: object.kind, name: object.name, namespace: object.namespace || null },
      source: object.source,
    });
    list[existing] = object;
  }

  function collect(value: unknown, line: number | null, depth: number): void {
    if (Array.isArray(value) && depth < MAX_LIST_DEPTH) {
      for (const item of value) collect(item, line, depth + 1);
    } else if (isListDocument(value) && depth < MAX_LIST_DEPTH) {
      const implied = ITEM_KIND_OF_LIST[String(field(value, 'kind'))];
      for (const item of field(value, 'items') as unknown[]) {
        if (isListDocument(item) || Array.isArray(item)) collect(item, line, depth + 1);
        else addObject(item, implied, line);
      }
    } else addObject(value, undefined, line);
  }

  return {
    add: (value, line = null) => collect(value, line, 0),
    addProblem: (problem) => problems.push(problem),
    get count() {
      return objects;
    },
    finish: () => ({ roles, bindings, ignored, problems, objects }),
  };
}

/** Reads already-parsed documents in one go. */
export function readRbacValue(value: unknown): RbacDump {
  const collector = createRbacCollector();
  collector.add(value);
  return collector.finish();
}

/**
 * The RBAC objects inside a parsed paste that is mainly something else: a List holding one service
 * account token Secret plus Roles and bindings (`kubectl get secret,roles,rolebindings -o yaml`).
 * Null when it holds no RBAC object, so the decoder offers "use these in Access" only when useful.
 */
export function extractRbacObjects(value: unknown): RbacDump | null {
  const dump = readRbacValue(value);
  return dump.roles.length + dump.bindings.length > 0 ? dump : null;
}
