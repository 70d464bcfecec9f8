import { field, type JsonRecord } from '../input/documentFields';
import { SERVICE_ACCOUNT_TOKEN_TYPE } from '../input/secretDocument';
import { analyzeSecret, analyzeTokenLine, type AnalysisContext } from './analyzeSecret';
import type { AuditRow, OtherSecretCounts } from './auditRow';
import { indexPodSecrets } from './podSecretReferences';
import type { AuditInput } from './readAuditInput';
import { indexServiceAccounts } from './secretOrigin';

/** What the paste holds besides the service account token Secrets. */
export interface AuditContextCounts {
  serviceAccounts: number;
  pods: number;
  /** Items that are neither Secrets, ServiceAccounts, Pods nor the tracking ConfigMap. */
  otherItems: number;
  /** `since` of the tracking ConfigMap, when it was in the paste. */
  trackingSince: string | null;
}

export interface AuditBatch {
  rows: AuditRow[];
  /** The token of each row (null when the Secret has none), for verification; never shown. */
  tokens: { id: number; token: string | null }[];
  /** Rows analysed so far, this batch included. */
  done: number;
}

export interface AuditPlan {
  source: AuditInput['source'];
  /** Tokens to analyse: service account token Secrets, or token lines. */
  total: number;
  others: OtherSecretCounts;
  context: AuditContextCounts;
  /** Analyses the tokens lazily, `batchSize` at a time, in paste order. */
  batches(batchSize: number): Generator<AuditBatch>;
}

function countOthers(types: (string | null)[]): OtherSecretCounts {
  const byType: Record<string, number> = {};
  for (const type of types) {
    const key = type ?? '(no type)';
    byType[key] = (byType[key] ?? 0) + 1;
  }
  return { total: types.length, byType };
}

/**
 * Splits the input into what is analysed (service account token Secrets, or token lines) and
 * what is only counted (every other Secret, by type: their values stay untouched). The batches
 * can be walked once.
 */
export function planAudit(input: AuditInput, nowSeconds: number): AuditPlan {
  if (input.source === 'token-lines') {
    const tokens = input.tokens;
    return {
      source: 'token-lines',
      total: tokens.length,
      others: { total: 0, byType: {} },
      context: { serviceAccounts: 0, pods: 0, otherItems: 0, trackingSince: null },
      *batches(batchSize) {
        for (let start = 0; start < tokens.length; start += batchSize) {
          const slice = tokens.slice(start, start + batchSize);
          yield {
            rows: slice.map((token, i) => analyzeTokenLine(token, start + i, nowSeconds)),
            tokens: slice.map((token, i) => ({ id: start + i, token })),
            done: start + slice.length,
          };
        }
      },
    };
  }
  // Each Secret is let go once analysed, so the parsed paste shrinks as the audit goes on.
  const tokenSecrets: (JsonRecord | null)[] = [];
  const otherTypes: (string | null)[] = [];
  for (const secret of input.secrets) {
    const type = field(secret, 'type');
    if (type === SERVICE_ACCOUNT_TOKEN_TYPE) tokenSecrets.push(secret);
    else otherTypes.push(typeof type === 'string' ? type : null);
  }
  const analysis: AnalysisContext = { nowSeconds, serviceAccounts: indexServiceAccounts(input.serviceAccounts), pods: indexPodSecrets(input.pods) };
  return {
    source: 'secrets',
    total: tokenSecrets.length,
    others: countOthers(otherTypes),
    context: { serviceAccounts: input.serviceAccounts.length, pods: input.pods.length, otherItems: input.otherItems, trackingSince: input.trackingSince },
    *batches(batchSize) {
      for (let start = 0; start < tokenSecrets.length; start += batchSize) {
        const rows: AuditRow[] = [];
        const tokens: AuditBatch['tokens'] = [];
        const end = Math.min(start + batchSize, tokenSecrets.length);
        for (let i = start; i < end; i++) {
          const { row, token } = analyzeSecret(tokenSecrets[i] as JsonRecord, i, analysis);
          tokenSecrets[i] = null;
          rows.push(row);
          tokens.push({ id: i, token });
        }
        yield { rows, tokens, done: end };
      }
    },
  };
}
