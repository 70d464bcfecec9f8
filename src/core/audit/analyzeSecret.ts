import type { JsonRecord } from '../input/documentFields';
import { readSecret, secretWithoutTokenHint } from '../input/secretDocument';
import { decodeToken } from '../jws/decodeToken';
import { classifyToken } from '../kubernetes/classifyToken';
import { findingsFor } from '../kubernetes/findings';
import { identityOf } from '../kubernetes/identity';
import { headerString } from '../kubernetes/kubernetesClaims';
import { parseNumericDate } from '../time/numericDate';
import type { AuditRow } from './auditRow';
import type { PodSecretIndex } from './podSecretReferences';
import { secretOrigin, type ServiceAccountIndex } from './secretOrigin';

export interface AnalysisContext {
  /** "Now" for time findings, in seconds (passed in, so a pinned clock holds in a worker too). */
  nowSeconds: number;
  serviceAccounts: ServiceAccountIndex;
  pods: PodSecretIndex;
}

function seconds(value: unknown): number | null {
  const date = parseNumericDate(value);
  return date.ok ? Math.floor(date.seconds) : null;
}

interface TokenFacts {
  row: Pick<AuditRow, 'kind' | 'extended' | 'issuedAt' | 'expiresAt' | 'findings' | 'problem' | 'alg' | 'kid'>;
  namespace: string | null;
  serviceAccount: string | null;
  serviceAccountUid: string | null;
  secretName: string | null;
}

function tokenFacts(token: string, nowSeconds: number, labels: { lastUsed: string | null; invalidSince: string | null }): TokenFacts {
  const decoded = decodeToken(token);
  const classification = classifyToken(decoded);
  const context: { legacyTokenLastUsed?: string; legacyTokenInvalidSince?: string } = {};
  if (labels.lastUsed) context.legacyTokenLastUsed = labels.lastUsed;
  if (labels.invalidSince) context.legacyTokenInvalidSince = labels.invalidSince;
  const findings = findingsFor(decoded, classification, nowSeconds, context).map((f) => ({ code: f.code, severity: f.severity }));
  const identity = identityOf(decoded, classification);
  const claims = decoded.claims;
  return {
    row: {
      kind: classification.kind,
      extended: classification.extended,
      issuedAt: claims ? seconds(claims.iat) : null,
      expiresAt: claims ? seconds(claims.exp) : null,
      findings,
      problem: decoded.errors[0]?.message ?? null,
      alg: headerString(decoded.headerObject, 'alg'),
      kid: headerString(decoded.headerObject, 'kid'),
    },
    namespace: identity?.namespace ?? null,
    serviceAccount: identity?.serviceAccount ?? null,
    serviceAccountUid: identity?.uid ?? null,
    // For a legacy token, the Secret that holds it (its secret.name claim).
    secretName: classification.kind === 'legacy' ? (identity?.secret?.name ?? null) : null,
  };
}

const NO_TOKEN: TokenFacts['row'] = { kind: 'no-token', extended: false, issuedAt: null, expiresAt: null, findings: [], problem: null, alg: null, kid: null };

/**
 * One Secret of type kubernetes.io/service-account-token → its audit row. Reads only what
 * readSecret reads (never another Secret's values). Returns the token too, for verification; the
 * row itself never holds it.
 */
export function analyzeSecret(secret: JsonRecord, id: number, context: AnalysisContext): { row: AuditRow; token: string | null } {
  const s = readSecret(secret);
  const labels = { lastUsed: s.lastUsed, invalidSince: s.invalidSince };
  const facts = s.token ? tokenFacts(s.token, context.nowSeconds, labels) : null;
  const namespace = s.namespace ?? facts?.namespace ?? null;
  const serviceAccount = s.serviceAccountName ?? facts?.serviceAccount ?? null;
  const serviceAccountUid = s.serviceAccountUid ?? facts?.serviceAccountUid ?? null;
  const { origin, reason } = secretOrigin({ namespace, name: s.name, serviceAccount: s.serviceAccountName, serviceAccountUid: s.serviceAccountUid }, context.serviceAccounts);
  const row: AuditRow = {
    id,
    source: 'secret',
    namespace,
    secretName: s.name,
    serviceAccount,
    serviceAccountUid,
    ...(facts?.row ?? { ...NO_TOKEN, problem: secretWithoutTokenHint(s).message }),
    createdAt: s.creationTimestamp,
    lastUsed: s.lastUsed,
    invalidSince: s.invalidSince,
    origin,
    originReason: reason,
    mountedBy: context.pods.pods > 0 && s.name ? context.pods.podsUsing(namespace ?? '', s.name) : null,
  };
  return { row, token: s.token };
}

/** A bare token (pasted one per line): what its claims say, with no Secret around it. */
export function analyzeTokenLine(token: string, id: number, nowSeconds: number): AuditRow {
  const facts = tokenFacts(token, nowSeconds, { lastUsed: null, invalidSince: null });
  return {
    id,
    source: 'token-line',
    namespace: facts.namespace,
    secretName: facts.secretName,
    serviceAccount: facts.serviceAccount,
    serviceAccountUid: facts.serviceAccountUid,
    ...facts.row,
    createdAt: null,
    lastUsed: null,
    invalidSince: null,
    origin: 'unknown',
    originReason: 'token-line',
    mountedBy: null,
  };
}
