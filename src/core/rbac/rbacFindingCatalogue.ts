/**
 * The catalogue of dangerous permissions, shaped like core/kubernetes/findingCatalogue.ts: for each
 * code, its severity, title, explanation and advice. The risks are those of the Kubernetes "Role
 * Based Access Control Good Practices" page (kubernetes/website
 * content/en/docs/concepts/security/rbac-good-practices.md) and the escalation checks of the RBAC
 * API (kubernetes/kubernetes pkg/registry/rbac/escalation_check.go: escalate, bind, impersonate).
 * `scope` is `cluster-wide` or `in namespace "x"`; `via` names the granting bindings and roles.
 */
import type { Severity } from '../kubernetes/findingCatalogue';

interface Scoped {
  scope: string;
  via: string;
}

interface RbacFindingSpec<P> {
  severity: Severity;
  title: string;
  explain: (p: P) => string;
  action: string;
}

const spec = <P extends Scoped = Scoped>(s: RbacFindingSpec<P>): RbacFindingSpec<P> => s;

export const RBAC_FINDING_CATALOGUE = {
  'wildcard-all': spec({
    severity: 'danger',
    title: 'Every verb on every resource',
    explain: (p) =>
      `${p.via} allows verbs "*" on resources "*" in API groups "*" ${p.scope}: full control, including reading every Secret and changing RBAC itself, and of every kind of resource added later.`,
    action: 'Grant only the verbs and resources the workload uses. Keep cluster-admin for break-glass humans.',
  }),
  'wildcard-verbs': spec<Scoped & { resources: string }>({
    severity: 'warning',
    title: 'Every verb on some resources',
    explain: (p) => `${p.via} allows verbs "*" on ${p.resources} ${p.scope}. "*" covers every verb, including delete, deletecollection and verbs such as escalate, bind or impersonate where they apply, today and in later versions.`,
    action: 'List the verbs that are needed instead of "*".',
  }),
  'wildcard-resources': spec<Scoped & { groups: string }>({
    severity: 'warning',
    title: 'Every resource of an API group',
    explain: (p) => `${p.via} allows resources "*" in API group ${p.groups} ${p.scope}. That includes every subresource and every resource added to the group later.`,
    action: 'List the resources that are needed instead of "*".',
  }),
  'secrets-read-cluster-wide': spec<Scoped & { verbs: string }>({
    severity: 'danger',
    title: 'Reads Secrets in every namespace',
    explain: (p) =>
      `${p.via} allows ${p.verbs} on secrets cluster-wide. list and watch return the Secrets' contents too, not only their names: every token, password and key in the cluster, including other service accounts' tokens.`,
    action: 'Bind Secret access with RoleBindings in the namespaces that need it, limited by resourceNames to the Secrets used.',
  }),
  'secrets-read': spec<Scoped & { verbs: string }>({
    severity: 'warning',
    title: 'Reads Secrets in a namespace',
    explain: (p) => `${p.via} allows ${p.verbs} on secrets ${p.scope}. list and watch return their contents, so every Secret there, including other service accounts' legacy tokens, can be read.`,
    action: 'Limit Secret access with resourceNames to the Secrets the workload uses; avoid list and watch on secrets.',
  }),
  'pods-exec': spec<Scoped & { what: string }>({
    severity: 'danger',
    title: 'Runs commands in pods',
    explain: (p) =>
      `${p.via} allows ${p.what} ${p.scope}: a shell in any container there, with that pod's service account token, Secrets and network access. Since Kubernetes 1.30 a WebSocket exec also needs create (the AuthorizePodWebsocketUpgradeCreatePermission feature); older API servers let get alone open one.`,
    action: 'Grant pods/exec and pods/attach only to people debugging, in the namespaces they own; never to a workload.',
  }),
  'pods-portforward': spec<Scoped & { what: string }>({
    severity: 'warning',
    title: 'Port-forwards to pods',
    explain: (p) => `${p.via} allows ${p.what} ${p.scope}: a direct connection to any port of any pod there, past Services and NetworkPolicies.`,
    action: 'Grant pods/portforward only to people debugging, in the namespaces they own.',
  }),
  'create-workloads': spec<Scoped & { resources: string }>({
    severity: 'warning',
    title: 'Creates pods or workloads in a namespace',
    explain: (p) =>
      `${p.via} allows creating ${p.resources} ${p.scope}. A new pod can run as any service account of that namespace and mount any of its Secrets, ConfigMaps and volumes, so it gets every permission they have; without a restrictive Pod Security level it can also reach the node.`,
    action: 'Enforce Pod Security (restricted) on the namespace, keep privileged service accounts out of namespaces where others create workloads, and grant create only to deployers.',
  }),
  'create-workloads-cluster-wide': spec<Scoped & { resources: string }>({
    severity: 'danger',
    title: 'Creates pods or workloads in every namespace',
    explain: (p) =>
      `${p.via} allows creating ${p.resources} cluster-wide, including in kube-system, where pods can run as highly privileged service accounts and mount their Secrets.`,
    action: 'Grant create on workloads with RoleBindings in the namespaces that need it.',
  }),
  'serviceaccount-token-create': spec({
    severity: 'danger',
    title: 'Issues tokens for service accounts',
    explain: (p) => `${p.via} allows create on serviceaccounts/token ${p.scope}: a fresh token for any service account there (kubectl create token), and with it all of that account's permissions.`,
    action: 'Grant serviceaccounts/token create only to the components that issue tokens, limited by resourceNames.',
  }),
  impersonate: spec<Scoped & { resources: string }>({
    severity: 'danger',
    title: 'Impersonates other users',
    explain: (p) => `${p.via} allows impersonate on ${p.resources} ${p.scope}: requests can be sent as someone else (--as, --as-group), with their permissions, up to system:masters.`,
    action: 'Remove impersonate, or limit it with resourceNames to the identities that must be impersonated.',
  }),
  escalate: spec<Scoped & { resources: string }>({
    severity: 'danger',
    title: 'Escalates through roles',
    explain: (p) => `${p.via} allows escalate on ${p.resources} ${p.scope}: roles can be given permissions the subject does not hold, bypassing the RBAC API's escalation check, and then used.`,
    action: 'Remove escalate; only the ClusterRole aggregation controller needs it.',
  }),
  bind: spec<Scoped & { resources: string }>({
    severity: 'danger',
    title: 'Binds any role',
    explain: (p) => `${p.via} allows bind on ${p.resources} ${p.scope}: with create on bindings it can grant itself or anyone a role with permissions it does not hold, such as cluster-admin.`,
    action: 'Remove bind, or limit it with resourceNames to the roles that may be handed out.',
  }),
  'nodes-proxy': spec<Scoped & { verbs: string }>({
    severity: 'danger',
    title: 'Talks to the kubelet API',
    explain: (p) =>
      `${p.via} allows ${p.verbs} on nodes/proxy: direct access to every node's kubelet API, which can run commands in any pod on the node, without audit logging or admission control.`,
    action: 'Grant nodes/proxy only to monitoring that needs it, and prefer nodes/metrics or nodes/stats.',
  }),
  'csr-approve': spec<Scoped & { signers: string }>({
    severity: 'danger',
    title: 'Approves certificate signing requests',
    explain: (p) =>
      `${p.via} allows updating certificatesigningrequests/approval and approve on signers ${p.signers}: it can approve its own request for a client certificate, for example one naming group system:masters, and sign in with it.`,
    action: 'Leave CSR approval to the controller manager and trusted approvers; never to workloads.',
  }),
  'admission-webhook-write': spec<Scoped & { resources: string }>({
    severity: 'danger',
    title: 'Controls admission webhooks',
    explain: (p) => `${p.via} allows changing ${p.resources}: a webhook it registers sees every object sent to the API server (Secrets included) and, if mutating, can change any of them.`,
    action: 'Grant write access to webhook configurations only to the operator that owns them, limited by resourceNames.',
  }),
  'persistentvolume-create': spec({
    severity: 'danger',
    title: 'Creates PersistentVolumes',
    explain: (p) => `${p.via} allows create on persistentvolumes: a hostPath PersistentVolume exposes any directory of a node's filesystem to a pod that claims it.`,
    action: 'Let a storage provisioner create PersistentVolumes; give users PersistentVolumeClaims instead.',
  }),
} as const;

/**
 * Shown with every denial and with the findings: RBAC answers only for itself. kube-apiserver asks
 * the authorizers of --authorization-mode (or its AuthorizationConfiguration) in turn, and the first
 * to allow wins (k8s.io/apiserver pkg/authorization/union).
 */
export const OTHER_AUTHORIZERS_NOTE =
  'RBAC is usually not the only authorizer. kube-apiserver asks each one in --authorization-mode (or its AuthorizationConfiguration) in turn: the Node authorizer lets kubelets read what their pods use, and a webhook or ABAC may allow more. A "no" here means RBAC alone does not allow it; the request may still be allowed by another authorizer.';

export type RbacFindingCode = keyof typeof RBAC_FINDING_CATALOGUE;
export type RbacFindingParams<C extends RbacFindingCode> = Parameters<(typeof RBAC_FINDING_CATALOGUE)[C]['explain']>[0];
export const RBAC_FINDING_CODES = Object.keys(RBAC_FINDING_CATALOGUE) as RbacFindingCode[];
