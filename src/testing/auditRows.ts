// Test-only: audit rows with defaults, so a test states only what it is about.
import type { AuditRow } from '../core/audit/auditRow';

let next = 0;

export function row(overrides: Partial<AuditRow> = {}): AuditRow {
  const id = overrides.id ?? next++;
  return {
    id,
    source: 'secret',
    namespace: 'default',
    secretName: `secret-${id}`,
    serviceAccount: `sa-${id}`,
    serviceAccountUid: null,
    kind: 'legacy',
    extended: false,
    issuedAt: null,
    expiresAt: null,
    createdAt: null,
    lastUsed: null,
    invalidSince: null,
    origin: 'unknown',
    originReason: 'no-service-accounts',
    mountedBy: null,
    findings: [],
    problem: null,
    alg: 'RS256',
    kid: null,
    ...overrides,
  };
}
