/**
 * Copyable fixes where the fix is mechanical: the command that mints a token the relying party
 * accepts, and an AWS trust policy statement that matches this token.
 */
import { shellCommand } from '../kubernetes/shellQuote';
import { isNamespaceName, isServiceAccountName } from './names';
import type { TokenContext } from './tokenChecks';
import { makeFix, type TrustFix } from './trustReport';

export interface ServiceAccountRef {
  namespace: string;
  serviceAccount: string;
}

/** The token's own service account, when it has one with valid names. */
export function tokenServiceAccount(ctx: TokenContext | null): ServiceAccountRef | null {
  const namespace = ctx?.identity?.namespace;
  const serviceAccount = ctx?.identity?.serviceAccount;
  return namespace && serviceAccount ? { namespace, serviceAccount } : null;
}

/**
 * `kubectl create token --audience <aud> -n <ns> -- <sa>`, or null when a name is not a valid
 * Kubernetes name (then no command is offered rather than one that quotes garbage).
 */
export function kubectlCreateTokenFix(ref: ServiceAccountRef | null, audience: string): TrustFix | null {
  if (!ref || !isNamespaceName(ref.namespace) || !isServiceAccountName(ref.serviceAccount) || audience === '') return null;
  return makeFix('kubectl-create-token', 'shell', shellCommand(['kubectl', 'create', 'token', '--audience', audience, '-n', ref.namespace, '--', ref.serviceAccount]));
}

/** Placeholder for the AWS account when the pasted policy names none. */
export const AWS_ACCOUNT_PLACEHOLDER = '111122223333';

/** A trust policy statement (pretty JSON) that allows exactly this token's sub and audience. */
export function awsTrustStatementFix(provider: string, account: string, sub: string, audience: string, partition = 'aws'): TrustFix {
  const statement = {
    Effect: 'Allow',
    Principal: { Federated: `arn:${partition}:iam::${account}:oidc-provider/${provider}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${provider}:sub`]: sub, [`${provider}:aud`]: audience } },
  };
  return makeFix('aws-trust-condition', 'json', JSON.stringify(statement, null, 2));
}
