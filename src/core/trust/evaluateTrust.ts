/**
 * Would this relying party accept this token? The entry point of the Trust engine.
 *
 * Usage (UI): load this module lazily (it pulls in the CEL library); or run it in a Web Worker,
 * since every input and output is plain data:
 *
 *   const { evaluateTrust } = await import('../core/trust/evaluateTrust');
 *   const report = evaluateTrust(configText, decodedToken, Math.floor(Date.now() / 1000), { parseYaml });
 *   // report.kind → trust-kind data-kind; report.accepted → trust-verdict data-accepted;
 *   // report.reasons[i].code → trust-reason data-code; report.identity, report.fixes.
 *
 * `parseYaml` is optional (JSON is always read); pass `yaml`'s parse with an alias limit.
 * For the kind alone, before the evaluators load, use recognizeTrustConfig.
 */
import type { DecodedToken } from '../jws/decodeToken';
import { evaluateAwsTrustPolicy } from './awsTrustPolicy';
import { evaluateAzureCredentials } from './azureFederatedCredential';
import { evaluateGcpProvider } from './gcpWifProvider';
import { evaluateK8sAuthenticationConfig } from './k8sAuthenticationConfig';
import { recognizeTrustConfig, type ParseYaml, type RecognizedTrustConfig, type TrustConfig } from './recognizeTrustConfig';
import { readTokenContext, relyingPartyOnlyReasons, tokenReasons, type TokenContext, type TokenPolicy } from './tokenChecks';
import { TRUST_KINDS, cannotEvaluate, type TrustReason } from './trustCatalogue';
import { buildReport, type TrustAttribute, type TrustFix, type TrustReport } from './trustReport';
import { evaluateVaultJwtRole, evaluateVaultKubernetesRole, vaultJwtClockText } from './vaultRoles';

export interface EvaluateTrustOptions {
  parseYaml?: ParseYaml;
}

interface Evaluated {
  policy: TokenPolicy;
  reasons: TrustReason[];
  fixes: TrustFix[];
  attributes: TrustAttribute[];
}

const CLOCKS = {
  aws: 'AWS STS accepts a token up to five minutes after its exp, to allow for clock skew (IAM User Guide, OIDC federation).',
  gcp: 'Google checks exp and iat against its own clock.',
  azure: 'Microsoft Entra ID checks exp against its own clock.',
  vaultKubernetes: 'Vault and then the cluster’s API server check exp with their own clocks (the API server allows 60 s of skew).',
  k8s: 'The other cluster’s API server checks exp, iat and nbf against its own clock.',
} as const;

function evaluateConfig(config: Exclude<TrustConfig, { kind: 'unknown' }>, ctx: TokenContext | null): Evaluated {
  const rp = TRUST_KINDS[config.kind].relyingParty;
  switch (config.kind) {
    case 'aws-trust-policy': {
      const r = evaluateAwsTrustPolicy(config.document, ctx);
      return { policy: { rp, legacy: 'reject', keys: 'public-discovery', clock: CLOCKS.aws }, ...r, attributes: [] };
    }
    case 'gcp-wif-provider': {
      const r = evaluateGcpProvider(config.provider, ctx);
      return { policy: { rp, legacy: 'reject', keys: r.keysUploaded ? 'uploaded' : 'public-discovery', clock: CLOCKS.gcp }, ...r };
    }
    case 'azure-federated-credential': {
      const r = evaluateAzureCredentials(config.credentials, ctx);
      return { policy: { rp, legacy: 'reject', keys: 'public-discovery', clock: CLOCKS.azure }, ...r, attributes: [] };
    }
    case 'vault-kubernetes-role': {
      const r = evaluateVaultKubernetesRole(config.role, ctx);
      return { policy: { rp, legacy: 'tokenreview', keys: 'tokenreview', clock: CLOCKS.vaultKubernetes }, ...r };
    }
    case 'vault-jwt-role': {
      const r = evaluateVaultJwtRole(config.role, ctx);
      return { policy: { rp, legacy: 'reject', keys: 'config', clock: vaultJwtClockText(config.role) }, ...r };
    }
    case 'k8s-authentication-config': {
      const r = evaluateK8sAuthenticationConfig(config.config, ctx);
      return { policy: { rp, legacy: 'reject', keys: 'cluster-discovery', clock: CLOCKS.k8s }, ...r };
    }
  }
}

/** Evaluates an already recognised configuration (see recognizeTrustConfig). Never throws. */
export function evaluateRecognizedTrust(recognized: RecognizedTrustConfig, decoded: DecodedToken | null, nowSeconds: number): TrustReport {
  const config = recognized.config;
  if (config.kind === 'unknown') return buildReport('unknown', [cannotEvaluate('relying-party', 'the configuration', config.hint)], null, []);
  const ctx = decoded ? readTokenContext(decoded, nowSeconds) : null;
  const evaluated = evaluateConfig(config, ctx);
  const reasons = [...tokenReasons(ctx, evaluated.policy), ...evaluated.reasons, ...relyingPartyOnlyReasons(ctx, evaluated.policy)];
  const identity = evaluated.attributes.length ? { attributes: evaluated.attributes } : null;
  return buildReport(config.kind, reasons, identity, evaluated.fixes);
}

/** Recognises the pasted configuration and evaluates the token against it. Never throws. */
export function evaluateTrust(configText: string, decoded: DecodedToken | null, nowSeconds: number, options: EvaluateTrustOptions = {}): TrustReport {
  return evaluateRecognizedTrust(recognizeTrustConfig(configText, options), decoded, nowSeconds);
}
