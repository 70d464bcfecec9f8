import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { AuditRequest, AuditResponse } from '../../core/audit/auditProtocol';
import { createAuditSession } from '../../core/audit/auditSession';
import { yamlDocumentsParser } from '../../core/audit/yamlDocuments';

/** Small batches with a yield between them keep each main-thread task short. */
const MAIN_THREAD_BATCH = 100;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The audit engine on the main thread, for when no worker can start. Loaded only then. It yields
 * between batches, but the text itself is parsed in one go.
 */
export function mainThreadAudit(onMessage: (message: AuditResponse) => void): { post: (request: AuditRequest) => void; close: () => void } {
  let closed = false;
  const session = createAuditSession({ post: (m) => !closed && onMessage(m), parseYaml: yamlDocumentsParser(parseAllDocuments, { isMap, isSeq, isScalar }), batchSize: MAIN_THREAD_BATCH, pause: yieldToPage });
  return {
    post: (request) => void session.handle(request),
    close: () => {
      closed = true;
    },
  };
}
