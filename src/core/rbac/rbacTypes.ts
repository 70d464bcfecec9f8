/**
 * The RBAC objects of a pasted dump, normalised: only what the authorizer and the aggregation
 * controller read (kubernetes/kubernetes staging/src/k8s.io/api/rbac/v1/types.go @ v1.33).
 * Names stay exactly as pasted; nothing is trimmed or lower-cased, because the authorizer compares
 * strings exactly.
 */

/** `rbac/v1.PolicyRule`. Absent lists are empty lists, as Go's nil slices read. */
export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values: string[];
}

/** `metav1.LabelSelector` as used by `aggregationRule.clusterRoleSelectors`. */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
}

export type RoleKind = 'Role' | 'ClusterRole';
export type BindingKind = 'RoleBinding' | 'ClusterRoleBinding';
export type RbacKind = RoleKind | BindingKind;

/** Where an object sits in the paste, so the UI can point at it. */
export interface SourceRef {
  /** 0-based position among the pasted objects (List items and documents, in order). */
  index: number;
  /** 1-based line in the pasted text where the object starts, when known (YAML). */
  line: number | null;
}

export interface RoleObject {
  kind: RoleKind;
  name: string;
  /** The Role's namespace; '' for a ClusterRole. */
  namespace: string;
  labels: Record<string, string>;
  rules: PolicyRule[];
  /** `aggregationRule.clusterRoleSelectors` (ClusterRoles only); null when there is no aggregationRule. */
  aggregation: LabelSelector[] | null;
  source: SourceRef;
}

export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/** `rbac/v1.Subject` as pasted; namespace defaulting happens when matching (see subjectMatch.ts). */
export interface Subject {
  kind: string;
  apiGroup: string;
  name: string;
  namespace: string;
}

export interface BindingObject {
  kind: BindingKind;
  name: string;
  /** The RoleBinding's namespace; '' for a ClusterRoleBinding. */
  namespace: string;
  roleRef: RoleRef;
  subjects: Subject[];
  source: SourceRef;
}

/**
 * Something in the paste that could not be read as it stands. Problems never stop the reading: the
 * other objects are still used. `fatal` problems mean nothing could be read at all.
 */
export interface ReadProblem {
  code:
    | 'empty'
    | 'too-large'
    | 'bad-json'
    | 'bad-yaml'
    | 'needs-yaml'
    | 'no-rbac-objects'
    | 'too-many-objects'
    | 'not-an-object'
    | 'missing-name'
    | 'missing-namespace'
    | 'bad-field'
    | 'bad-role-ref'
    | 'duplicate-object';
  message: string;
  /** The object concerned, when there is one. */
  object?: { kind: string; name: string | null; namespace: string | null };
  source?: SourceRef;
}

/** Everything read from a paste. */
export interface RbacDump {
  roles: RoleObject[];
  bindings: BindingObject[];
  /** Objects of other kinds, by kind (`Secret`, `ConfigMap`, `(no kind)`…): ignored, but counted. */
  ignored: Record<string, number>;
  problems: ReadProblem[];
  /** Objects seen (RBAC or not), not counting Lists themselves. */
  objects: number;
}
