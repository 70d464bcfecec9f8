/**
 * "Depends on the version", computed rather than written: the same token is judged under every
 * minor from 1.20 to latest, and each reason carries the versions it applies to.
 */
import type { JsonObject } from '../jws/decodeToken';
import type { SignatureResult } from '../verify/verifySignature';
import { apiServerVerdict, type ClaimPolicy, type ClaimVerdict } from './apiServerVerdict';
import { VERDICT_CATALOGUE, type VerdictReason } from './verdictCatalogue';
import { formatVersionRanges, minorOf, MINORS, versionPhrase, type KubernetesVersion } from './versions';

export interface VersionedReason extends VerdictReason {
  /** The versions it applies to, as ranges: "1.31-latest", "1.20-1.26", "1.20-latest". */
  versions: string;
  /** "from 1.31", "on 1.20–1.26"; null when every version agrees. */
  scope: string | null;
  /** The message, led by the scope when it does not cover every version. */
  text: string;
}

export interface VersionedVerdict extends Omit<ClaimVerdict, 'reasons' | 'warnings'> {
  version: KubernetesVersion;
  reasons: VersionedReason[];
  warnings: VersionedReason[];
  /** Reasons that refuse the token on other versions but not on the chosen one. */
  elsewhere: VersionedReason[];
  /** The versions that accept it (as far as can be checked offline), as ranges; '' for none. */
  acceptedBy: string;
  /** "accepted on 1.20–1.30, refused from 1.31: …"; null when every version gives the same answer. */
  dependsOnVersion: string | null;
}

type Kind = 'reasons' | 'warnings';

function collect(verdicts: Map<number, ClaimVerdict>, kind: Kind): Map<string, { minors: number[]; reason: VerdictReason }> {
  const byCode = new Map<string, { minors: number[]; reason: VerdictReason }>();
  for (const [minor, verdict] of verdicts) {
    for (const reason of verdict[kind]) {
      const entry = byCode.get(reason.code) ?? { minors: [], reason };
      if (!entry.minors.includes(minor)) entry.minors.push(minor);
      entry.reason = reason; // the newest version's wording
      byCode.set(reason.code, entry);
    }
  }
  return byCode;
}

function versioned(reason: VerdictReason, minors: number[], kind: Kind): VersionedReason {
  const scope = versionPhrase(minors);
  const lead = scope === null ? '' : kind === 'reasons' ? `refused ${scope}: ` : `${scope}: `;
  return { ...reason, versions: formatVersionRanges(minors), scope, text: lead + reason.message };
}

/** The verdict for `policy.version` (default latest), each reason with the versions it applies to. */
export function apiServerVerdictAcrossVersions(claims: JsonObject | null, policy: ClaimPolicy, signature?: SignatureResult): VersionedVerdict {
  const version = policy.version ?? 'latest';
  const chosen = minorOf(version);
  const verdicts = new Map(MINORS.map((minor) => [minor, apiServerVerdict(claims, { ...policy, version: `1.${minor}` }, signature)]));
  const here = verdicts.get(chosen) as ClaimVerdict;
  const reasons = collect(verdicts, 'reasons');
  const warnings = collect(verdicts, 'warnings');
  const pick = (kind: Kind, all: typeof reasons) => here[kind].map((r) => versioned(r, all.get(r.code)?.minors ?? [chosen], kind));
  const elsewhere = [...reasons.values()].filter((e) => !e.minors.includes(chosen)).map((e) => versioned(e.reason, e.minors, 'reasons'));

  const accepting = MINORS.filter((m) => verdicts.get(m)?.accepted);
  const refusing = MINORS.filter((m) => !verdicts.get(m)?.accepted);
  const partial = [...reasons.values()].filter((e) => e.minors.length < MINORS.length).map((e) => VERDICT_CATALOGUE[e.reason.code].title.toLowerCase());
  const dependsOnVersion =
    accepting.length && refusing.length ? `accepted ${versionPhrase(accepting) ?? ''}, refused ${versionPhrase(refusing) ?? ''}: ${[...new Set(partial)].join('; ')}` : null;

  return {
    ...here,
    version,
    reasons: pick('reasons', reasons),
    warnings: pick('warnings', warnings),
    elsewhere,
    acceptedBy: formatVersionRanges(accepting),
    dependsOnVersion,
  };
}
