import type { FetchedKeysSource } from '../../core/keys/discovery';
import type { SecretEncoding } from '../../core/keys/secret';
import type { KubernetesVersion } from '../../core/kubernetes/versionChoices';
import type { ClusterSettings } from '../../core/kubernetes/versions';

/** What the user typed and chose for verification; everything else is derived. */
export interface VerifySettings {
  keyText: string;
  /** The user marked the key text as an HMAC secret (off by default: HMAC is never a fallback). */
  keyIsHmac: boolean;
  secretEncoding: SecretEncoding;
  /** --service-account-issuer values, one per line or comma-separated. */
  issuersText: string;
  /** --api-audiences; empty means "the issuers", as kube-apiserver defaults it. */
  audiencesText: string;
  leewaySeconds: number;
  /** The cluster version the verdict is for ('latest' = the newest release). */
  kubernetesVersion: KubernetesVersion;
  /** The API server flags that change the verdict (--service-account-lookup and others). */
  cluster: Omit<ClusterSettings, 'version' | 'gates'>;
  /** Opt-in: keep the public keys (never secrets or private keys) in this browser. */
  rememberKeys: boolean;
  /** Where the key text was fetched from, while the key text is still exactly what was fetched. */
  fetchedKeys: (FetchedKeysSource & { keyText: string }) | null;
}

/** kubeadm's and kind's default issuer (kubernetes/kubernetes cmd/kubeadm/app/phases/controlplane/manifests.go; kind runs kubeadm): most clusters a user pastes from use it. */
export const DEFAULT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

export const DEFAULT_VERIFY_SETTINGS: VerifySettings = {
  keyText: '',
  keyIsHmac: false,
  secretEncoding: 'utf8',
  issuersText: DEFAULT_ISSUER,
  audiencesText: '',
  leewaySeconds: 60,
  kubernetesVersion: 'latest',
  cluster: {},
  rememberKeys: false,
  fetchedKeys: null,
};

/** The fetched keys' origin, or null once the user changed the key text. */
export function fetchedKeysInUse(settings: VerifySettings): FetchedKeysSource | null {
  const fetched = settings.fetchedKeys;
  return fetched !== null && fetched.keyText === settings.keyText ? { jwksUrl: fetched.jwksUrl, issuer: fetched.issuer } : null;
}

export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
