import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { yamlDocumentsParser } from '../../core/audit/yamlDocuments';
import { createRbacSession, type RbacRequest, type RbacResponse } from '../../core/rbac/rbacSession';

/**
 * The Access engine on the main thread, for when no worker can start. Loaded only then: a large
 * dump read here blocks the page while it is parsed.
 */
export function mainThreadRbac(onMessage: (message: RbacResponse) => void): { post: (request: RbacRequest) => void } {
  const session = createRbacSession({ post: onMessage, parseYaml: yamlDocumentsParser(parseAllDocuments, { isMap, isSeq, isScalar }) });
  return { post: (request) => session.handle(request) };
}
