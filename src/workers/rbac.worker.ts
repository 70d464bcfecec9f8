// The Access worker: reads pasted RBAC objects (JSON, or YAML with `yaml`) off the main thread,
// posting progress, then keeps the index and answers table, can-i and who-can questions about it
// (issue 15). The engine is core/rbac/rbacSession, which the main-thread fallback runs too. `yaml`
// is imported statically: a worker bundle cannot split chunks.
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { yamlDocumentsParser } from '../core/audit/yamlDocuments';
import { createRbacSession, type RbacRequest, type RbacResponse } from '../core/rbac/rbacSession';

/** The part of a dedicated worker's global scope used here (the app's types are the DOM's, not the worker's). */
interface WorkerScope {
  postMessage(message: RbacResponse): void;
  onmessage: ((event: MessageEvent<RbacRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

const session = createRbacSession({
  post: (message) => scope.postMessage(message),
  parseYaml: yamlDocumentsParser(parseAllDocuments, { isMap, isSeq, isScalar }),
});

scope.onmessage = (event: MessageEvent<RbacRequest>) => {
  try {
    session.handle(event.data);
  } catch (error) {
    scope.postMessage({ type: 'error', runId: -1, error: { code: 'worker-error', message: `Access stopped on an unexpected error: ${String((error as Error)?.message ?? error)}` } });
  }
};
