import type { SignatureResult } from '../verify/verifySignature';
import { makeFinding, type Finding } from './findingCatalogue';
import { behaviourOf, minorOf, type ClusterSettings } from './versions';

/**
 * The `kid-mismatch` finding: the signature verified (a JOSE answer) with a key kube-apiserver
 * would not select for this token, because its derived kid is not the token's. Whether that is
 * refused depends on the version (D1: kid selection from 1.31, not with an external signer).
 */
export function keySelectionFinding(signature: SignatureResult | null | undefined, cluster: ClusterSettings = {}): Finding | null {
  const selection = signature?.kubernetesSelection;
  if (!signature || signature.state !== 'verified' || !selection || selection.selects) return null;
  const version = cluster.version ?? 'latest';
  const b = behaviourOf(minorOf(version), cluster);
  return makeFinding('kid-mismatch', {
    tokenKid: selection.tokenKid ?? '',
    derivedKid: selection.derivedKid,
    refused: b.selectsKeyByKid,
    version: version === 'latest' ? `The latest release (1.${b.minor})` : `Kubernetes ${version}`,
  });
}
