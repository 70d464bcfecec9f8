/**
 * One sample configuration per relying party, written for the blog post's v1.24 projected token
 * (core/samples: service account default/default, pod busybox, issuer
 * https://kubernetes.default.svc.cluster.local). Each matches that token's issuer and subject, so
 * what refuses it is what the token itself lacks (it expired in 2023; its issuer is in-cluster;
 * its audience is the API server's) — the lesson the blog post's token teaches.
 */
import type { TrustKind } from './trustCatalogue';

export interface TrustSample {
  kind: Exclude<TrustKind, 'unknown'>;
  /** The button's text. */
  label: string;
  text: string;
}

/** The seed token's issuer and subject (fixtures/seed/v1.24-projected.jwt). */
const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const PROVIDER = ISSUER.slice('https://'.length);
const SUBJECT = 'system:serviceaccount:default:default';

const json = (value: unknown) => JSON.stringify(value, null, 2);

export const TRUST_SAMPLES: readonly TrustSample[] = [
  {
    kind: 'aws-trust-policy',
    label: 'AWS trust policy',
    // The IRSA guide's trust policy, for this issuer as an IAM OIDC provider.
    text: json({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${PROVIDER}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${PROVIDER}:sub`]: SUBJECT, [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } },
        },
      ],
    }),
  },
  {
    kind: 'gcp-wif-provider',
    label: 'Google WIF provider',
    // As `gcloud iam workload-identity-pools providers describe --format=json` prints it.
    text: json({
      name: 'projects/123456789012/locations/global/workloadIdentityPools/k8s-pool/providers/seed-cluster',
      displayName: 'seed cluster',
      state: 'ACTIVE',
      disabled: false,
      attributeMapping: {
        'google.subject': 'assertion.sub',
        'attribute.namespace': "assertion['kubernetes.io']['namespace']",
        'attribute.service_account_name': "assertion['kubernetes.io']['serviceaccount']['name']",
        'attribute.pod': "assertion['kubernetes.io']['pod']['name']",
      },
      attributeCondition: "attribute.namespace == 'default' && attribute.service_account_name == 'default'",
      oidc: { issuerUri: ISSUER, allowedAudiences: [] },
    }),
  },
  {
    kind: 'azure-federated-credential',
    label: 'Azure federated credential',
    // As `az identity federated-credential show` prints it.
    text: json({
      audiences: ['api://AzureADTokenExchange'],
      id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/seed-identity/federatedIdentityCredentials/seed-default',
      issuer: ISSUER,
      name: 'seed-default',
      resourceGroup: 'rg',
      subject: SUBJECT,
      type: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
    }),
  },
  {
    kind: 'vault-kubernetes-role',
    label: 'Vault Kubernetes role',
    // As `vault read -format=json auth/kubernetes/role/default` prints it.
    text: json({
      data: {
        alias_name_source: 'serviceaccount_uid',
        audience: ISSUER,
        bound_service_account_names: ['default'],
        bound_service_account_namespaces: ['default'],
        token_policies: ['default'],
        token_ttl: 3600,
      },
    }),
  },
  {
    kind: 'vault-jwt-role',
    label: 'Vault JWT role',
    // As `vault read -format=json auth/jwt/role/default` prints it.
    text: json({
      data: {
        role_type: 'jwt',
        bound_audiences: ['vault'],
        bound_subject: SUBJECT,
        bound_claims: { '/kubernetes.io/namespace': 'default' },
        bound_claims_type: 'string',
        user_claim: 'sub',
        token_policies: ['default'],
      },
    }),
  },
  {
    kind: 'k8s-authentication-config',
    label: 'Kubernetes AuthenticationConfiguration',
    // Another cluster trusting the seed cluster's tokens (kube-apiserver --authentication-config).
    text: `apiVersion: apiserver.config.k8s.io/v1beta1
kind: AuthenticationConfiguration
jwt:
- issuer:
    url: ${ISSUER}
    audiences:
    - ${ISSUER}
  claimValidationRules:
  - expression: "claims['kubernetes.io'].namespace == 'default'"
    message: only the default namespace may call this cluster
  claimMappings:
    username:
      expression: "'seed:' + claims.sub"
    groups:
      expression: "['seed:' + claims['kubernetes.io'].namespace]"
    extra:
    - key: example.com/pod
      valueExpression: "claims['kubernetes.io'].pod.name"
`,
  },
];
