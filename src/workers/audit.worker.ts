// The audit worker: parses the pasted text (JSON, or YAML with `yaml`) and analyses it off the main
// thread, streaming rows back in batches (issue 7). The engine is core/audit/auditSession, which the
// main-thread fallback runs too. `yaml` is imported statically: a worker bundle cannot split chunks.
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { AuditRequest, AuditResponse } from '../core/audit/auditProtocol';
import { createAuditSession } from '../core/audit/auditSession';
import { yamlDocumentsParser } from '../core/audit/yamlDocuments';

/** The part of a dedicated worker's global scope used here (the app's types are the DOM's, not the worker's). */
interface WorkerScope {
  postMessage(message: AuditResponse): void;
  onmessage: ((event: MessageEvent<AuditRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

const session = createAuditSession({
  post: (message: AuditResponse) => scope.postMessage(message),
  parseYaml: yamlDocumentsParser(parseAllDocuments, { isMap, isSeq, isScalar }),
});

scope.onmessage = (event: MessageEvent<AuditRequest>) => {
  void session.handle(event.data);
};
