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

const RANK = { danger: 0, warning: 1, info: 2 } as const;

/** The token's findings with the key-selection finding (if any) in its place by severity. */
export function withKeySelectionFinding(findings: Finding[], signature: SignatureResult | null | undefined, cluster: ClusterSettings = {}): Finding[] {
  const finding = keySelectionFinding(signature, cluster);
  if (!finding) return findings;
  const at = findings.findIndex((f) => RANK[f.severity] > RANK[finding.severity]);
  return at < 0 ? [...findings, finding] : [...findings.slice(0, at), finding, ...findings.slice(at)];
}
