/**
 * The one catalogue of what the Access engine says about a dump and about a question: problems in
 * the pasted RBAC that change what it grants (issues), why a rule almost matches a denied question
 * (mismatches), and the notes that go with answers. Danger findings have their own catalogue
 * (rbacFindingCatalogue.ts), shaped like core/kubernetes/findingCatalogue.ts.
 */
import type { Severity } from '../kubernetes/findingCatalogue';
import { OTHER_AUTHORIZERS_NOTE } from './rbacFindingCatalogue';

interface IssueSpec<P> {
  severity: Severity;
  title: string;
  explain: (p: P) => string;
}

const issue = <P>(s: IssueSpec<P>): IssueSpec<P> => s;

interface BindingParams {
  /** `RoleBinding "x" in namespace "ns"` */
  binding: string;
  /** `Role "y"` */
  role: string;
}

export const ISSUE_CATALOGUE = {
  'role-not-found': issue<BindingParams & { error: string }>({
    severity: 'warning',
    title: 'Binding to a role that is not in the paste',
    explain: (p) =>
      `${p.binding} refers to ${p.role}, which is not in the paste. The API server skips such a binding and says why in its denial: ${p.error}. If the role exists in the cluster, paste it too; until then this binding grants nothing here.`,
  }),
  'cluster-binding-to-role': issue<BindingParams>({
    severity: 'warning',
    title: 'ClusterRoleBinding to a namespaced Role',
    explain: (p) => `${p.binding} refers to ${p.role}. A ClusterRoleBinding can only use a ClusterRole; the authorizer finds no such role and the binding grants nothing.`,
  }),
  'unsupported-role-ref': issue<BindingParams>({
    severity: 'warning',
    title: 'Binding to an unknown kind of role',
    explain: (p) => `${p.binding} refers to ${p.role}; roleRef.kind must be Role or ClusterRole, so the binding grants nothing.`,
  }),
  'service-account-without-namespace': issue<{ binding: string; subject: string }>({
    severity: 'warning',
    title: 'Service account subject without a namespace',
    explain: (p) => `${p.binding} names ${p.subject} without a namespace. In a ClusterRoleBinding there is no namespace to default to, so this subject matches no one.`,
  }),
  'unknown-subject-kind': issue<{ binding: string; subject: string }>({
    severity: 'info',
    title: 'Subject of an unknown kind',
    explain: (p) => `${p.binding} names ${p.subject}. The authorizer only knows the kinds User, Group and ServiceAccount (spelled exactly so), so this subject matches no one.`,
  }),
  'rule-without-api-groups': issue<{ role: string; resources: string }>({
    severity: 'info',
    title: 'Rule without API groups',
    explain: (p) => `${p.role} has a rule for ${p.resources} with no apiGroups, so it matches no request. Use "" for the core group (pods, secrets…).`,
  }),
  'literal-star-subresource': issue<{ role: string; entry: string; suggestion: string }>({
    severity: 'info',
    title: 'A "resource/*" entry is not a wildcard',
    explain: (p) =>
      `${p.role} lists ${p.entry}. The RBAC authorizer has no "every subresource of" form: it matches this entry only against a subresource literally named "*". List the subresources, or use ${p.suggestion} for one subresource of every resource.`,
  }),
  'aggregation-selector-invalid': issue<{ role: string; detail: string }>({
    severity: 'warning',
    title: 'Aggregation selector the controller rejects',
    explain: (p) => `${p.role} has an aggregationRule the aggregation controller cannot use (${p.detail}); it leaves the role's stored rules as they are, and so does this view.`,
  }),
  'aggregation-too-large': issue<{ role: string; detail: string }>({
    severity: 'warning',
    title: 'Aggregation too large to resolve here',
    explain: (p) => `Stopped resolving aggregated ClusterRoles at ${p.role}: ${p.detail}.`,
  }),
  'aggregation-filled': issue<{ role: string; added: number }>({
    severity: 'info',
    title: 'Aggregated rules added',
    explain: (p) =>
      `${p.role} has an aggregationRule, and its stored rules lack ${p.added} rule${p.added === 1 ? '' : 's'} of the ClusterRoles it selects (the dump was taken before the aggregation controller filled it, or was written by hand). They are counted here, as the controller adds them within seconds.`,
  }),
} as const;

export type IssueCode = keyof typeof ISSUE_CATALOGUE;
export type IssueParams<C extends IssueCode> = Parameters<(typeof ISSUE_CATALOGUE)[C]['explain']>[0];

/** Why a rule that almost matches a denied request does not. */
export const MISMATCH_CATALOGUE = {
  namespace: (p: { scope: string; asked: string }) => `it applies only ${p.scope}, and the question is ${p.asked}`,
  'cluster-scope': (p: { scope: string }) =>
    `it comes from a RoleBinding, which grants only inside its namespace (${p.scope}); a cluster-wide request (a cluster-scoped resource, all namespaces, or a URL) needs a ClusterRoleBinding`,
  verb: (p: { verbs: string; verb: string }) => `its verbs are ${p.verbs}, not ${p.verb}`,
  'api-group': (p: { groups: string; group: string }) => `it is for API group ${p.groups}, and the question is about group ${p.group}`,
  resource: (p: { resources: string; resource: string }) => `its resources are ${p.resources}, not ${p.resource}`,
  'subresource-missing': (p: { resource: string; combined: string }) => `it covers ${p.resource} but not the subresource ${p.combined}: a subresource needs its own entry (${p.combined}, or */${p.combined.split('/')[1] ?? ''})`,
  'subresource-extra': (p: { combined: string; resource: string }) => `it covers only the subresource ${p.combined}, not ${p.resource} itself`,
  'literal-star': (p: { entry: string; combined: string }) => `${p.entry} is not a wildcard: it matches only a subresource literally named "*", not ${p.combined}`,
  'resource-name': (p: { names: string; name: string }) => `it is limited to the object${p.names.includes(',') ? 's' : ''} named ${p.names}, not ${p.name}`,
  'resource-name-needs-name': (p: { names: string }) =>
    `it is limited to the objects named ${p.names}, and a request without a name (list, watch, create, deletecollection) never matches a rule with resourceNames`,
  url: (p: { urls: string; path: string }) => `its non-resource URLs are ${p.urls}, which do not match ${p.path}`,
  'resource-rule-for-url': () => 'it is a rule for API resources, and the question is about a non-resource URL',
  'url-rule-for-resource': () => 'it is a rule for non-resource URLs, and the question is about an API resource',
} as const;

export type MismatchCode = keyof typeof MISMATCH_CATALOGUE;

/** Notes shown with answers and tables. */
export const ACCESS_NOTES = {
  otherAuthorizers: OTHER_AUTHORIZERS_NOTE,
  privilegedGroup:
    'This subject is in group system:masters: kube-apiserver allows its every request before asking RBAC or any other authorizer, whatever the bindings say.',
  authenticationFirst:
    'Authorization comes after authentication: if the API server would not accept the token at all (expired, wrong audience, unknown key), every request fails with 401 Unauthorized before RBAC is asked.',
  clusterScopedInNamespace: (p: { resource: string }) =>
    `${p.resource} is cluster-scoped: real requests for it carry no namespace, so only ClusterRoleBindings count. The answer for the namespace you chose is what a SubjectAccessReview with that namespace would say.`,
  kubectlSubresource: (p: { command: string }) =>
    `kubectl auth can-i reads TYPE/NAME after the verb, and takes a subresource with --subresource; the same question is: ${p.command}`,
  resolvedResource: (p: { typed: string; resolved: string }) => `Took ${p.typed} as ${p.resolved}, the built-in resource kubectl would resolve it to.`,
  unknownVerb: (p: { verb: string }) => `${p.verb} is not a verb kubectl knows for this kind of request; the authorizer compares it as it is.`,
  tableTruncated: (p: { rows: number }) => `Only the first ${p.rows.toLocaleString('en')} rows are shown: the rules multiply out to more.`,
} as const;
