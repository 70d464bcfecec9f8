import { field, recordAt, stringMap, type JsonRecord } from '../input/documentFields';
import { readSecret, secretWithoutTokenHint } from '../input/secretDocument';
import { decodeToken } from '../jws/decodeToken';
import { inspectToken, ownerOf, type SecretContext, type TokenContext, type TokenOwner } from '../kubernetes/inspectToken';
import { headerString } from '../kubernetes/kubernetesClaims';
import type { AuditRow } from './auditRow';
import type { PodSecretIndex } from './podSecretReferences';
import { secretOrigin, type ServiceAccountIndex } from './secretOrigin';

export interface AnalysisContext {
  /** "Now" for time findings, in seconds (passed in, so a pinned clock holds in a worker too). */
  nowSeconds: number;
  serviceAccounts: ServiceAccountIndex;
  pods: PodSecretIndex;
}

type TokenColumns = Pick<AuditRow, 'kind' | 'extended' | 'issuedAt' | 'expiresAt' | 'findings' | 'problem' | 'alg' | 'kid'>;

/** The row's token columns and owner, from one inspectToken call. */
function tokenFacts(token: string, nowSeconds: number, context: TokenContext): { row: TokenColumns; owner: TokenOwner } {
  const decoded = decodeToken(token);
  const { classification, lifetime, findings, owner } = inspectToken(decoded, context, nowSeconds);
  const whole = (seconds: number | null) => (seconds === null ? null : Math.floor(seconds));
  return {
    row: {
      kind: classification.kind,
      extended: classification.extended,
      issuedAt: whole(lifetime.iat),
      expiresAt: whole(lifetime.exp),
      findings: findings.map((f) => ({ code: f.code, severity: f.severity })),
      problem: decoded.errors[0]?.message ?? null,
      alg: headerString(decoded.headerObject, 'alg'),
      kid: headerString(decoded.headerObject, 'kid'),
    },
    owner,
  };
}

const NO_TOKEN: TokenColumns = { kind: 'no-token', extended: false, issuedAt: null, expiresAt: null, findings: [], problem: null, alg: null, kid: null };

/**
 * One Secret of type kubernetes.io/service-account-token → its audit row. Reads only what
 * readSecret reads (never another Secret's values). Returns the token too, for verification; the
 * row itself never holds it.
 */
export function analyzeSecret(secret: JsonRecord, id: number, context: AnalysisContext): { row: AuditRow; token: string | null } {
  const s = readSecret(secret);
  const metadata = recordAt(secret, 'metadata');
  const around: SecretContext = {
    name: s.name,
    namespace: s.namespace,
    labels: stringMap(field(metadata, 'labels')),
    annotations: stringMap(field(metadata, 'annotations')),
  };
  const facts = s.token ? tokenFacts(s.token, context.nowSeconds, { source: 'secret', secret: around }) : null;
  const { namespace, serviceAccount, serviceAccountUid } = facts?.owner ?? ownerOf(null, null, around);
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
  const facts = tokenFacts(token, nowSeconds, { source: 'token' });
  return {
    id,
    source: 'token-line',
    ...facts.owner,
    ...facts.row,
    createdAt: null,
    lastUsed: null,
    invalidSince: null,
    origin: 'unknown',
    originReason: 'token-line',
    mountedBy: null,
  };
}
