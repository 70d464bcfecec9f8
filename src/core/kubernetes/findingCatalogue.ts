/**
 * The one catalogue of findings: for every code, its severity, title, explanation and what to do.
 */

export type Severity = 'info' | 'warning' | 'danger';

interface FindingSpec<P> {
  severity: Severity;
  title: string;
  explain: (p: P) => string;
  action: string;
}

const spec = <P = Record<string, never>>(s: FindingSpec<P>): FindingSpec<P> => s;

export const FINDING_CATALOGUE = {
  'alg-none': spec({
    severity: 'danger',
    title: 'Unsigned token (alg "none")',
    explain: () => 'The header says alg "none": there is no signature, so anyone could have written these claims. Kubernetes never issues such tokens and every verifier must refuse them.',
    action: 'Do not trust anything in this token. Find out where it came from.',
  }),
  'identity-invalid': spec<{ problems: string }>({
    severity: 'danger',
    title: 'The API server would refuse this identity',
    explain: (p) => p.problems,
    action: 'A token minted by Kubernetes always has these claims filled in and consistent; this one was edited or made by something else.',
  }),
  'sub-invalid': spec<{ detail: string }>({
    severity: 'danger',
    title: 'sub does not match the service account',
    explain: (p) => p.detail,
    action: 'The token was edited after it was minted. Use the token from the Secret itself.',
  }),
  expired: spec<{ exp: string; ago: string; leeway: number }>({
    severity: 'danger',
    title: 'Expired',
    explain: (p) => `exp was ${p.exp} (${p.ago}) and the API server’s ${p.leeway} s leeway is over too, so kube-apiserver answers "service account token has expired".`,
    action: 'Get a fresh token. A workload should re-read its projected token file (every few minutes) rather than keep a copy.',
  }),
  'not-yet-valid': spec<{ nbf: string; until: string; leeway: number }>({
    severity: 'danger',
    title: 'Not valid yet',
    explain: (p) => `nbf is ${p.nbf} (${p.until}), more than the ${p.leeway} s leeway ahead, so kube-apiserver answers "service account token is not valid yet".`,
    action: 'Check the clocks of the issuer and of this machine, or the time you chose to evaluate at.',
  }),
  'issued-in-future': spec<{ iat: string; until: string; leeway: number; iatUnchecked?: boolean }>({
    severity: 'danger',
    title: 'Issued in the future',
    explain: (p) =>
      p.iatUnchecked
        ? `iat is ${p.iat} (${p.until}), more than ${p.leeway} s ahead. kube-apiserver 1.20–1.26, the chosen version among them, does not check iat (its go-jose v2.2.2 checks only nbf and exp), so it accepts the token if those are fine; from 1.27 it answers "service account token is issued in the future".`
        : `iat is ${p.iat} (${p.until}), more than ${p.leeway} s ahead, so kube-apiserver answers "service account token is issued in the future".`,
    action: 'Check the clocks of the issuer and of this machine, or the time you chose to evaluate at.',
  }),
  'bad-time-claim': spec<{ problems: string }>({
    severity: 'danger',
    title: 'Unreadable time claim',
    explain: (p) => `${p.problems} Kubernetes writes exp, iat, nbf and warnafter as whole seconds.`,
    action: 'The token was not minted by Kubernetes or was edited; a verifier will refuse it.',
  }),
  'legacy-token-invalidated': spec<{ since: string }>({
    severity: 'danger',
    title: 'Marked invalid by the legacy token cleaner',
    explain: (p) =>
      `The Secret has the label kubernetes.io/legacy-token-invalid-since: ${p.since}. The API server refuses its token ("… has been marked invalid") and the cleaner deletes the Secret once the label is older than the clean-up period, 365 days by default.`,
    action: 'Move the workload to a bound token. To allow this token for a while longer, remove the label from the Secret.',
  }),
  'sub-mismatch': spec<{ detail: string }>({
    severity: 'warning',
    title: 'sub does not match kubernetes.io',
    explain: (p) => p.detail,
    action: 'Treat the token as edited or forged unless its signature verifies against your cluster’s key.',
  }),
  'duplicate-claim': spec<{ where: string; name: string; values: string }>({
    severity: 'warning',
    title: 'A member appears twice',
    explain: (p) => `${p.name} appears more than once in the ${p.where}: ${p.values}. This app shows the last value, as JSON.parse does; other parsers may take the first, so two verifiers could disagree on what the token says.`,
    action: 'A real issuer never writes a member twice: treat the token as tampered with.',
  }),
  'legacy-token': spec<{ secret: string }>({
    severity: 'warning',
    title: 'Legacy Secret-based token',
    explain: (p) =>
      `It never expires and works as long as ${p.secret} and its service account exist. Kubernetes stopped generating these Secrets in 1.24; since 1.29 unused auto-generated ones are labelled invalid and later deleted. Offline, only its signature and shape can be checked.`,
    action: 'Replace it with a short-lived bound token (kubectl create token, or a projected volume) and delete the Secret; see the migration helpers.',
  }),
  'no-expiry': spec<{ legacy: boolean; refusedAsExpired?: boolean }>({
    severity: 'warning',
    title: 'Never expires',
    explain: (p) =>
      p.legacy
        ? 'There is no exp claim: a legacy token is valid until its Secret is deleted.'
        : `There is no exp claim, so a verifier has no time limit to enforce; a leaked copy works until its signing key is retired.${
            p.refusedAsExpired ? ' Except on kube-apiserver 1.20–1.26, the chosen version among them: its go-jose v2.2.2 reads a missing exp as 1970 and answers "service account token has expired".' : ''
          }`,
    action: 'Prefer tokens with an expiry: kubectl create token --duration, or a projected volume with expirationSeconds.',
  }),
  'past-warnafter': spec<{ warnafter: string; past: string }>({
    severity: 'warning',
    title: 'Past warnafter (stale)',
    explain: (p) =>
      `warnafter was ${p.warnafter}, ${p.past} ago. The API server still accepts the token until exp, but logs the audit annotation authentication.k8s.io/stale-token for every use.`,
    action: 'The client is holding on to an old token: make it re-read the projected token file periodically (every 5 minutes is suggested), or upgrade its client library.',
  }),
  'long-lived': spec<{ lifetime: string }>({
    severity: 'warning',
    title: 'Long-lived bound token',
    explain: (p) => `It lives ${p.lifetime}. Bound tokens are meant to be short-lived; the kubelet refreshes projected tokens after 24 h at the latest.`,
    action: 'Request a shorter lifetime (kubectl create token --duration=1h; the minimum is 10 minutes) and fetch new tokens as needed.',
  }),
  'non-kubernetes-alg': spec<{ alg: string }>({
    severity: 'warning',
    title: 'Not a Kubernetes signing algorithm',
    explain: (p) => `The header says alg ${p.alg}. Kubernetes signs service account tokens only with RS256 (RSA keys) or ES256, ES384 and ES512 (by curve), so Kubernetes did not sign this one, though it has the shape of a Kubernetes token.`,
    action: 'Check where the token came from; Kubernetes did not sign it.',
  }),
  'not-raw-base64url': spec<{ segments: string }>({
    severity: 'warning',
    title: 'Not unpadded base64url',
    explain: (p) =>
      `The ${p.segments} uses "=" padding or the standard base64 characters "+" and "/". kube-apiserver decodes with RawURLEncoding, so it would not recognise this token at all.`,
    action: 'Use the token exactly as issued; it was re-encoded on the way.',
  }),
  'non-canonical-base64url': spec<{ segments: string }>({
    severity: 'warning',
    title: 'Unusual spelling of the same bytes',
    explain: (p) =>
      `The last character of the ${p.segments} sets bits that base64url leaves unused. Decoders, kube-apiserver's among them, ignore those bits, so this token decodes to the same bytes as the one Kubernetes wrote, yet is spelled differently: anything that compares tokens as text (a deny list, a cache, a log search) sees two tokens.`,
    action: 'Use the token exactly as issued; it was re-encoded or altered on the way.',
  }),
  'multiple-bindings': spec<{ objects: string }>({
    severity: 'warning',
    title: 'Bound to more than one object',
    explain: (p) => `kubernetes.io names ${p.objects}. Kubernetes never issues such a token ("token can only be bound to one object type").`,
    action: 'Treat the token as edited or forged.',
  }),
  'audience-not-apiserver': spec<{ aud: string; iss: string }>({
    severity: 'info',
    title: 'Not meant for the Kubernetes API server',
    explain: (p) =>
      `Its audiences (${p.aud}) include neither the issuer (${p.iss}) nor a kubernetes.default.svc address, so with default settings kube-apiserver refuses it: "token audiences … is invalid for the target audiences". It is meant for another recipient, such as Vault or a cloud provider.`,
    action: 'Fine for that recipient. To call the API server, request a token without --audience (it then gets the API server’s audiences), or check the cluster’s --api-audiences.',
  }),
  'extended-expiry': spec<{ effective: string; hard: string }>({
    severity: 'info',
    title: 'Extended expiry',
    explain: (p) =>
      `It has kubernetes.io.warnafter: it is meant to be used for ${p.effective} (until warnafter), though exp lets the API server accept it for ${p.hard}. Admission-injected pod tokens are extended like this so old clients keep working.`,
    action: 'Nothing to do if the client re-reads the token file; watch for stale-token audit annotations.',
  }),
  'extension-revealed': spec<{ expirationTimestamp: string; exp: string }>({
    severity: 'info',
    title: 'The TokenRequest says it expires earlier than exp',
    explain: (p) => `status.expirationTimestamp is ${p.expirationTimestamp} but exp is ${p.exp}: the API server extended the token, and clients are told the earlier time.`,
    action: 'Refresh by status.expirationTimestamp, not by exp.',
  }),
  'in-leeway': spec<{ exp: string; left: string; leeway: number }>({
    severity: 'info',
    title: 'Expired, but within the leeway',
    explain: (p) => `exp was ${p.exp}. Strictly it has expired, but kube-apiserver allows ${p.leeway} s of clock skew and accepts it for ${p.left} more.`,
    action: 'Get a fresh token now.',
  }),
  'kid-empty': spec<{ legacy: boolean }>({
    severity: 'info',
    title: 'Empty key ID',
    explain: (p) =>
      `The header has kid "": Kubernetes minted tokens with an empty kid before 1.16${p.legacy ? '' : '; since then bound tokens always carry one'}. kube-apiserver tries every verification key for it.`,
    action: 'Nothing to do; to verify it here, supply all of the cluster’s service account keys.',
  }),
  'kid-mismatch': spec<{ tokenKid: string; derivedKid: string; refused: boolean; version: string }>({
    severity: 'warning',
    title: 'The key that verifies is not the one kube-apiserver would pick',
    explain: (p) =>
      `The signature verifies with a key whose Kubernetes-derived kid is "${p.derivedKid}", but the token's kid is "${p.tokenKid}". ` +
      (p.refused
        ? `kube-apiserver 1.31 and later try only the keys whose derived kid matches (kubernetes/kubernetes pkg/serviceaccount/jwt.go), so ${p.version} refuses the token.`
        : `${p.version} tries every key and accepts it; from 1.31 kube-apiserver tries only the key whose derived kid matches and refuses it.`),
    action: 'Supply the key this token was really signed with, or re-sign it with the key whose derived kid is in its header.',
  }),
  'string-aud': spec<{ aud: string }>({
    severity: 'info',
    title: 'aud is a string',
    explain: (p) => `aud is the string ${p.aud}. RFC 7519 allows that, but Kubernetes always writes an array, so this token was not minted by kube-apiserver as is.`,
    action: 'Check where the token came from.',
  }),
  'legacy-token-last-used': spec<{ date: string }>({
    severity: 'info',
    title: 'Last used',
    explain: (p) =>
      `The Secret has the label kubernetes.io/legacy-token-last-used: ${p.date}: the API server last accepted this token on that day (UTC; updated at most once a day).`,
    action: 'Find the client that still uses it before deleting the Secret (audit logs carry authentication.k8s.io/legacy-token).',
  }),
} as const;

export type FindingCode = keyof typeof FINDING_CATALOGUE;
export type FindingParams<C extends FindingCode> = Parameters<(typeof FINDING_CATALOGUE)[C]['explain']>[0];

export const FINDING_CODES = Object.keys(FINDING_CATALOGUE) as FindingCode[];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  title: string;
  explanation: string;
  action: string;
}

/** Builds a finding from the catalogue. */
export function makeFinding<C extends FindingCode>(code: C, params: FindingParams<C>): Finding {
  const entry = FINDING_CATALOGUE[code] as unknown as FindingSpec<FindingParams<C>>;
  return { code, severity: entry.severity, title: entry.title, explanation: entry.explain(params), action: entry.action };
}
