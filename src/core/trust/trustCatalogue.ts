/**
 * The one catalogue of the Trust section: every configuration kind it recognises and every reason
 * a verdict can give, with its title, explanation and what to do. Components show these texts and
 * never write their own. Sources are cited where a rule is defined (evaluator modules).
 *
 * A reason's effect ("reject", "unknown", "pass", "warn", "info") is chosen by the evaluator,
 * because the same fact can refuse a token at one relying party and be harmless at another (an
 * in-cluster issuer is fatal for AWS, irrelevant for Vault's Kubernetes method).
 */
import { withoutTrailingSlash } from './urlText';

export type TrustKind =
  | 'aws-trust-policy'
  | 'gcp-wif-provider'
  | 'azure-federated-credential'
  | 'vault-kubernetes-role'
  | 'vault-jwt-role'
  | 'k8s-authentication-config'
  | 'unknown';

export const TRUST_KINDS: Record<TrustKind, { title: string; relyingParty: string; description: string }> = {
  'aws-trust-policy': {
    title: 'AWS IAM role trust policy',
    relyingParty: 'AWS STS',
    description: 'AWS STS checks it when a workload calls AssumeRoleWithWebIdentity with this token (IRSA on EKS, or any IAM OIDC identity provider).',
  },
  'gcp-wif-provider': {
    title: 'Google Cloud workload identity pool provider',
    relyingParty: 'Google Security Token Service',
    description: 'Google’s Security Token Service checks it when a workload exchanges this token for a federated access token (Workload Identity Federation).',
  },
  'azure-federated-credential': {
    title: 'Microsoft Entra federated identity credential',
    relyingParty: 'Microsoft Entra ID',
    description: 'Microsoft Entra ID checks it when a workload exchanges this token as a client assertion (Azure Workload Identity).',
  },
  'vault-kubernetes-role': {
    title: 'Vault Kubernetes auth role',
    relyingParty: 'Vault (Kubernetes auth method)',
    description: 'Vault checks it when a workload logs in to auth/kubernetes/login with this token; Vault then asks the cluster’s TokenReview API about the token.',
  },
  'vault-jwt-role': {
    title: 'Vault JWT auth role',
    relyingParty: 'Vault (JWT auth method)',
    description: 'Vault checks it when a workload logs in to auth/jwt/login with this token; the keys and bound issuer come from the auth method’s config.',
  },
  'k8s-authentication-config': {
    title: 'Kubernetes AuthenticationConfiguration',
    relyingParty: 'the other cluster’s kube-apiserver',
    description: 'Another cluster’s kube-apiserver checks it (--authentication-config) when this token is sent to it as a bearer token.',
  },
  unknown: {
    title: 'Not recognised',
    relyingParty: 'the relying party',
    description: 'Paste an AWS IAM trust policy, a Google workload identity pool provider, an Azure federated credential, a Vault role (vault read -format=json) or a Kubernetes AuthenticationConfiguration.',
  },
};

export type TrustEffect = 'reject' | 'unknown' | 'pass' | 'warn' | 'info';

/** Where a reason belongs: the token itself, this relying party's configuration, or what only it can check. */
export type TrustReasonGroup = 'token' | 'relying-party' | 'relying-party-only';

interface ReasonSpec<P> {
  title: (p: P) => string;
  explain: (p: P) => string;
  action?: (p: P) => string;
}

const spec = <P = Record<string, never>>(s: ReasonSpec<P>): ReasonSpec<P> => s;

/** A config field and the relying party, so one text serves every relying party. */
interface Where {
  /** The configuration field, e.g. `oidc.allowedAudiences`. */
  field: string;
  /** Who checks it, e.g. `AWS STS`. */
  rp: string;
}

export const TRUST_REASON_CATALOGUE = {
  'cannot-evaluate': spec<{ subject: string; detail: string }>({
    title: (p) => `Cannot be evaluated here: ${p.subject}`,
    explain: (p) => p.detail,
  }),

  // The token, before any relying party.
  'token-unsigned': spec({
    title: () => 'Unsigned token (alg "none")',
    explain: () => 'The header says alg "none". No relying party accepts an unsigned token.',
    action: () => 'Use a token minted by the cluster.',
  }),
  'token-legacy': spec<{ rp: string }>({
    title: () => 'Legacy Secret-based token',
    explain: (p) =>
      `Its iss is "kubernetes/serviceaccount", which is not a URL anyone can discover keys at, it has no exp and its audience is the API server. ${p.rp} needs a short-lived token from the TokenRequest API.`,
    action: () => 'Mint a bound token with the audience this relying party expects (command below), or mount a projected token.',
  }),
  'token-legacy-tokenreview': spec({
    title: () => 'Legacy Secret-based token',
    explain: () =>
      'Vault’s Kubernetes method still accepts it while its Secret exists, because the cluster’s TokenReview does; but it never expires, and clusters since 1.29 label unused legacy tokens invalid and later delete them.',
    action: () => 'Move the workload to a projected token with an audience for Vault.',
  }),
  'token-expired': spec<{ exp: string; ago: string }>({
    title: () => 'Expired',
    explain: (p) => `exp was ${p.exp} (${p.ago}). Every relying party refuses an expired token, give or take its own few minutes of clock skew.`,
    action: () => 'Use a fresh token: a workload should re-read its projected token file rather than keep a copy.',
  }),
  'token-not-yet-valid': spec<{ nbf: string; until: string }>({
    title: () => 'Not valid yet',
    explain: (p) => `nbf is ${p.nbf} (${p.until}). Relying parties refuse it until then.`,
    action: () => 'Check the clocks of the issuer and of this machine.',
  }),
  'token-no-expiry': spec({
    title: () => 'No expiry',
    explain: () => 'The token has no exp claim. OIDC relying parties require one and refuse the token.',
    action: () => 'Mint a token that expires (kubectl create token, or a projected volume).',
  }),
  'token-time-valid': spec<{ until: string }>({
    title: () => 'Within its validity',
    explain: (p) => `It expires ${p.until}.`,
  }),
  'token-audience-api-server': spec<{ aud: string }>({
    title: () => 'Audience is the Kubernetes API server',
    explain: (p) => `Its audiences (${p.aud}) are the API server’s own. A relying party that checks the audience expects its own name there instead.`,
    action: () => 'Mint a token for this relying party with kubectl create token --audience, or a projected volume with audience set.',
  }),
  'token-not-kubernetes': spec({
    title: () => 'Not a Kubernetes service account token',
    explain: () => 'It has no kubernetes.io claim; it is checked here as a plain OIDC token.',
  }),

  // Issuer and discovery.
  'issuer-missing': spec({
    title: () => 'No issuer',
    explain: () => 'The token has no iss claim, so no relying party can tell whom it comes from or where to find the signing keys.',
  }),
  'issuer-not-https': spec<{ iss: string; rp: string }>({
    title: () => 'Issuer is not an https URL',
    explain: (p) => `iss is ${p.iss}. ${p.rp} fetches the signing keys from <iss>/.well-known/openid-configuration, which needs an https URL.`,
    action: () => 'Set the cluster’s --service-account-issuer to a public https URL that serves the discovery document and keys.',
  }),
  'issuer-not-public': spec<{ iss: string; why: string; rp: string; consequence: string }>({
    title: () => 'Issuer is not publicly discoverable',
    explain: (p) => `iss is ${p.iss}: ${p.why}. ${p.consequence}`,
    action: () =>
      'Give the cluster a public issuer (--service-account-issuer, with the discovery document and JWKS published, e.g. in a bucket), or use a relying party that accepts uploaded keys.',
  }),
  'issuer-public': spec<{ iss: string; rp: string }>({
    title: () => 'Issuer looks publicly discoverable',
    explain: (p) => `iss is ${p.iss}. ${p.rp} fetches ${withoutTrailingSlash(p.iss)}/.well-known/openid-configuration and its jwks_uri; this tool does not contact it.`,
  }),

  // What only the relying party can check.
  'rp-signature': spec<{ how: string }>({
    title: () => 'Signature: checked by the relying party',
    explain: (p) => `${p.how} This tool checks the signature only against keys you paste in the decoder.`,
  }),
  'rp-clock': spec<{ how: string }>({
    title: () => 'Clock: the relying party’s',
    explain: (p) => `Times were checked against this machine’s clock. ${p.how}`,
  }),
  'rp-network': spec<{ how: string }>({
    title: () => 'Reachability: the relying party’s network',
    explain: (p) => p.how,
  }),

  // Shared checks, each naming the field and the relying party.
  'issuer-match': spec<Where & { iss: string }>({
    title: () => 'Issuer matches',
    explain: (p) => `iss ${p.iss} is the issuer in ${p.field}.`,
  }),
  'issuer-mismatch': spec<Where & { iss: string; expected: string; hint: string }>({
    title: () => 'Issuer does not match',
    explain: (p) => `iss is ${p.iss} but ${p.field} is ${p.expected}; ${p.rp} compares them exactly.${p.hint ? ` ${p.hint}` : ''}`,
    action: (p) => `Make ${p.field} the token’s iss exactly, or send a token from that issuer.`,
  }),
  'audience-match': spec<Where & { aud: string }>({
    title: () => 'Audience matches',
    explain: (p) => `The token’s audience ${p.aud} is accepted by ${p.field}.`,
  }),
  'audience-mismatch': spec<Where & { aud: string; expected: string }>({
    title: () => 'Audience does not match',
    explain: (p) => `The token’s audiences are ${p.aud}; ${p.rp} accepts only ${p.expected} (${p.field}).`,
    action: () => 'Mint a token with an accepted audience (command below), or add the audience to the configuration.',
  }),
  'audience-unchecked': spec<Where>({
    title: () => 'Audience not checked',
    explain: (p) => `${p.field} is not set, so ${p.rp} does not check the token’s audience: a token minted for any other recipient works here too.`,
    action: (p) => `Set ${p.field} to a name only this relying party uses.`,
  }),
  'subject-match': spec<Where & { sub: string }>({
    title: () => 'Subject matches',
    explain: (p) => `sub ${p.sub} is the subject in ${p.field}.`,
  }),
  'subject-mismatch': spec<Where & { sub: string; expected: string }>({
    title: () => 'Subject does not match',
    explain: (p) => `sub is ${p.sub} but ${p.field} is ${p.expected}; ${p.rp} compares them exactly (case-sensitive, no wildcards).`,
    action: (p) => `Use the token of the service account that ${p.field} names, or change it to this token’s sub.`,
  }),
  'claim-match': spec<Where & { claim: string; actual: string }>({
    title: (p) => `${p.claim} matches`,
    explain: (p) => `${p.claim} is ${p.actual}, which ${p.field} allows.`,
  }),
  'claim-mismatch': spec<Where & { claim: string; actual: string; expected: string }>({
    title: (p) => `${p.claim} does not match`,
    explain: (p) => `${p.claim} is ${p.actual} but ${p.field} allows only ${p.expected}.`,
  }),
  'claim-missing': spec<Where & { claim: string }>({
    title: (p) => `${p.claim} is missing`,
    explain: (p) => `${p.field} needs the claim ${p.claim}, which the token does not have, so ${p.rp} refuses it.`,
  }),
  'expression-true': spec<Where & { source: string }>({
    title: () => 'Condition holds',
    explain: (p) => `${p.field} (${p.source}) is true for this token.`,
  }),
  'expression-false': spec<Where & { source: string; failing: string }>({
    title: () => 'Condition is false',
    explain: (p) => `${p.field} is false for this token, so ${p.rp} refuses it. ${p.failing}`,
  }),
  'expression-error': spec<Where & { source: string; message: string }>({
    title: () => 'Condition fails with an error',
    explain: (p) => `${p.field} (${p.source}) fails: ${p.message}. ${p.rp} refuses the token when it cannot evaluate a rule.`,
  }),
  'mapping-failed': spec<Where & { message: string }>({
    title: (p) => `${p.field} cannot be computed`,
    explain: (p) => `${p.message}. ${p.rp} refuses the token when a mapping fails.`,
  }),
  identity: spec<{ rp: string; summary: string }>({
    title: () => 'Resulting identity',
    explain: (p) => `${p.rp} would know the caller as ${p.summary}.`,
  }),

  // AWS IAM (policy evaluation logic; condition operators; IRSA).
  'aws-no-web-identity-statement': spec({
    title: () => 'No statement for AssumeRoleWithWebIdentity',
    explain: () => 'No statement names the action sts:AssumeRoleWithWebIdentity with a Federated principal, so STS refuses every web identity token for this role.',
  }),
  'aws-statement-allows': spec<{ statement: string }>({
    title: (p) => `${p.statement} allows it`,
    explain: (p) => `${p.statement} allows sts:AssumeRoleWithWebIdentity for this token’s provider, and all its conditions hold.`,
  }),
  'aws-statement-denies': spec<{ statement: string }>({
    title: (p) => `${p.statement} denies it`,
    explain: (p) => `${p.statement} is a Deny that matches this token; an explicit Deny wins over every Allow.`,
  }),
  'aws-statement-skipped': spec<{ statement: string; why: string }>({
    title: (p) => `${p.statement} does not apply`,
    explain: (p) => p.why,
  }),
  'aws-statement-principal': spec<{ statement: string; principals: string; expected: string }>({
    title: (p) => `${p.statement}: provider does not match`,
    explain: (p) => `Its Federated principal is ${p.principals}, but this token’s issuer is the IAM OIDC provider ${p.expected}.`,
    action: () => 'Use the role whose trust policy names this cluster’s OIDC provider, or add a statement for it.',
  }),
  'aws-statement-condition': spec<{ statement: string; detail: string }>({
    title: (p) => `${p.statement}: condition not met`,
    explain: (p) => p.detail,
    action: () => 'Compare with the condition below, which matches this token.',
  }),
  'aws-implicit-deny': spec({
    title: () => 'No statement allows it',
    explain: () => 'Without an Allow that matches, STS answers "Not authorized to perform sts:AssumeRoleWithWebIdentity".',
  }),
  'aws-audience-client-id': spec<{ aud: string }>({
    title: () => 'Audience: the provider’s client IDs',
    explain: (p) =>
      `No condition checks :aud, so STS accepts the token only if one of its audiences (${p.aud}) is a client ID registered on the IAM OIDC provider; EKS registers sts.amazonaws.com.`,
  }),
  'aws-sub-unrestricted': spec<{ statement: string }>({
    title: () => 'Any service account can assume the role',
    explain: (p) => `${p.statement} has no condition on :sub, so every token from this issuer with an accepted audience can assume the role.`,
    action: () => 'Add a StringEquals condition on <provider>:sub for the one service account (see the condition below).',
  }),

  // Google workload identity federation.
  'gcp-provider-disabled': spec<{ state: string }>({
    title: () => 'Provider is disabled',
    explain: (p) => `The provider is ${p.state}; Google refuses every token exchange through it.`,
  }),
  'gcp-not-oidc': spec<{ type: string }>({
    title: () => 'Not an OIDC provider',
    explain: (p) => `This is a ${p.type} provider; it exchanges ${p.type} credentials, not OIDC tokens such as a service account token.`,
    action: () => 'Create an OIDC provider (gcloud iam workload-identity-pools providers create-oidc) for this cluster’s issuer.',
  }),
  'gcp-keys-uploaded': spec({
    title: () => 'Keys uploaded to the provider',
    explain: () => 'oidc.jwksJson holds the signing keys, so Google does not fetch them from the issuer: a private or in-cluster issuer works.',
  }),
  'gcp-subject-too-long': spec<{ bytes: number }>({
    title: () => 'google.subject is too long',
    explain: (p) => `The mapped google.subject has ${p.bytes} bytes; Google allows at most 127 ("The size of mapped attribute exceeds the 127 bytes limit").`,
  }),

  // Vault.
  'vault-role-type-oidc': spec({
    title: () => 'Role is for browser OIDC logins',
    explain: () => 'role_type is "oidc": Vault answers "role with oidc role_type is not allowed" to a JWT login.',
    action: () => 'Use a role with role_type "jwt".',
  }),
  'vault-tokenreview': spec({
    title: () => 'Vault asks the cluster (TokenReview)',
    explain: () =>
      'After its own checks Vault sends the token to the cluster’s TokenReview API (with the role’s audience, or the token’s own): the cluster checks the signature, expiry and that the service account and bound pod or Secret still exist.',
  }),
  'vault-alias': spec<{ alias: string; source: string }>({
    title: () => 'Entity alias',
    explain: (p) => `Vault names the entity alias ${p.alias} (alias_name_source ${p.source}).`,
  }),

  // Kubernetes structured authentication.
  'k8s-no-issuer': spec<{ iss: string; issuers: string }>({
    title: () => 'No authenticator for this issuer',
    explain: (p) =>
      `The configuration has JWT authenticators for ${p.issuers}, but the token’s iss is ${p.iss}. kube-apiserver tries an authenticator only when iss matches its issuer.url exactly, so none of them takes this token.`,
  }),
  'k8s-email-not-verified': spec({
    title: () => 'Email not verified',
    explain: () => 'The username comes from the email claim and email_verified is not true: kube-apiserver answers "oidc: email not verified".',
  }),
} as const;

/** Sentences used inside `cannot-evaluate` reasons, where no separate code applies. */
export const TRUST_NOTES = {
  azureFlexibleIssuer: (iss: string) =>
    `Microsoft documents flexible federated identity credentials (claimsMatchingExpression) only for tokens from GitHub, GitLab and Terraform Cloud; whether Entra ID applies one to tokens from ${iss} cannot be told offline.`,
  awsAudienceClientIds: (aud: string, fallback: string) =>
    `No condition checks :aud, so STS accepts the token only if one of its audiences (${aud}) is a client ID of the IAM OIDC provider. EKS registers only ${fallback}, which this token lacks; the provider’s client ID list is not part of the trust policy.`,
  vaultNamespaceSelector: (namespace: string) =>
    `The namespace ${namespace} is not in bound_service_account_namespaces, but bound_service_account_namespace_selector may still allow it: Vault reads the namespace’s labels from the cluster.`,
  vaultUnboundAudience: (aud: string) =>
    `The role has no bound_audiences and the token has audiences (${aud}). With keys from jwks_url or jwt_validation_pubkeys Vault refuses it ("audience claim found in JWT but no audiences bound to the role"); with oidc_discovery_url it does not check. The auth method’s config is not part of the role.`,
  issuerTrailingSlash: (rp: string) => `They differ only in the trailing "/", which ${rp} does not ignore (AKS issuer URLs end with "/", EKS and GKE ones do not).`,
  issuerCase: (rp: string) => `They differ only in letter case, which ${rp} does not ignore.`,
  /** One failing part of a condition: the sub-expression and what it gave. */
  failingPart: (source: string, outcome: string) => `${source} → ${outcome}`,
  failingParts: (parts: string[]) => `Failing part${parts.length > 1 ? 's' : ''}: ${parts.join('; ')}.`,
  timedOut: (seconds: number) =>
    `The evaluation did not finish within ${seconds} s and was stopped, so nothing could be concluded. Expressions this slow are far beyond any real policy.`,
  noWorker: 'The Trust worker could not start in this browser (a policy may block workers), and this build does not evaluate on the page itself.',
  notBoolean: (value: string) => `The expression returned ${value}, not a boolean; the relying party refuses such a configuration.`,
} as const;

export type TrustReasonCode = keyof typeof TRUST_REASON_CATALOGUE;
export type TrustReasonParams<C extends TrustReasonCode> = Parameters<(typeof TRUST_REASON_CATALOGUE)[C]['explain']>[0];

export const TRUST_REASON_CODES = Object.keys(TRUST_REASON_CATALOGUE) as TrustReasonCode[];

export interface TrustReason {
  code: TrustReasonCode;
  effect: TrustEffect;
  group: TrustReasonGroup;
  title: string;
  explanation: string;
  action: string | null;
}

/** Builds a reason from the catalogue. */
export function makeTrustReason<C extends TrustReasonCode>(code: C, effect: TrustEffect, group: TrustReasonGroup, params: TrustReasonParams<C>): TrustReason {
  const entry = TRUST_REASON_CATALOGUE[code] as unknown as ReasonSpec<TrustReasonParams<C>>;
  return { code, effect, group, title: entry.title(params), explanation: entry.explain(params), action: entry.action ? entry.action(params) : null };
}

/** `cannot-evaluate` is the one reason with the "unknown" effect (test contract: trust-verdict unknown). */
export function cannotEvaluate(group: TrustReasonGroup, subject: string, detail: string): TrustReason {
  return makeTrustReason('cannot-evaluate', 'unknown', group, { subject, detail });
}

export type TrustFixId = 'aws-trust-condition' | 'kubectl-create-token';

export const TRUST_FIX_CATALOGUE: Record<TrustFixId, { title: string; description: string }> = {
  'aws-trust-condition': {
    title: 'A trust policy statement that matches this token',
    description:
      'Federated principal and StringEquals conditions on this token’s issuer, sub and audience. Replace the account ID if it is a placeholder; check that the IAM OIDC provider for this issuer exists.',
  },
  'kubectl-create-token': {
    title: 'Mint a token this relying party accepts',
    description:
      'kubectl create token (kubectl 1.24+) asks the TokenRequest API for a short-lived token with this audience. For a pod, set the same audience on a projected serviceAccountToken volume instead.',
  },
};

export type TrustVerdictValue = 'true' | 'false' | 'unknown';

export const TRUST_VERDICT_TEXT = {
  true: (rp: string) => `${rp} would accept this token, if its signature checks out with the keys ${rp} trusts`,
  false: (rp: string) => `${rp} would refuse this token`,
  unknown: (rp: string) => `Cannot tell whether ${rp} would accept this token`,
} as const;

/** Headings of the reason groups, in the order reports list them. */
export const TRUST_GROUP_TITLES: Record<TrustReasonGroup, string> = {
  token: 'The token',
  'relying-party-only': 'What only the relying party can check',
  'relying-party': 'The relying party’s configuration',
};

/** A reason's effect on the verdict, as a short label beside it. */
export const TRUST_EFFECT_LABELS: Record<TrustEffect, string> = {
  reject: 'Refuses',
  unknown: 'Cannot tell',
  pass: 'Passes',
  warn: 'Warning',
  info: 'Note',
};
