// The document worker: reads JSON and YAML documents too large for the page's main thread (a
// 10 MB kubeconfig, a huge Secret) with the same readers the page uses, and answers with what was
// recognised — strings only, labels already cut short. It keeps the last text and its parse, so
// choosing another kubeconfig user is not a second parse.
import type { DocumentRequest, DocumentResponse } from '../core/input/documentProtocol';
import { parseYaml, readDocument, rememberLastParse } from '../core/input/documentReaders';

/** The part of a dedicated worker's global scope used here (the app's types are the DOM's, not the worker's). */
interface WorkerScope {
  postMessage(message: DocumentResponse): void;
  onmessage: ((event: MessageEvent<DocumentRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const yaml = rememberLastParse(parseYaml);
let held: { textId: number; text: string } = { textId: -1, text: '' };
let parts: { textId: number; list: string[] } = { textId: -1, list: [] };

scope.onmessage = ({ data: request }: MessageEvent<DocumentRequest>) => {
  if (request.type === 'text-part') {
    if (parts.textId !== request.textId) parts = { textId: request.textId, list: [] };
    parts.list.push(request.part);
    return;
  }
  if (held.textId !== request.textId) {
    held = { textId: request.textId, text: request.text ?? (parts.textId === request.textId ? parts.list.join('') : '') };
    parts = { textId: -1, list: [] };
  }
  try {
    scope.postMessage({ type: 'read', id: request.id, result: readDocument(held.text, request.choice, yaml) });
  } catch (error) {
    scope.postMessage({ type: 'error', id: request.id, message: String((error as Error)?.message ?? error) });
  }
};
