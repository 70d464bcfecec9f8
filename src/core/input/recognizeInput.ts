import type { RecognizedInput } from './inputKinds';
import { recognizeDescribeSecret, recognizeKubernetesDocument } from './kubernetesObjects';
import { recognizeText, type DocumentRecognizers, type RecognizeOptions } from './recognizeText';
import { recognizeTokenLines } from './secretList';

export type { RecognizeOptions } from './recognizeText';

/** Every reader of Kubernetes objects (Secrets, TokenRequests, kubeconfigs, lists…). */
export const DOCUMENT_RECOGNIZERS: DocumentRecognizers = { recognizeKubernetesDocument, recognizeDescribeSecret, recognizeTokenLines };

/**
 * Recognises what was pasted, documents included (for the worker, tests and lazily loaded views).
 * The first screen uses recognizeText and loads the document readers only when a document appears.
 */
export function recognizeInput(text: string, options: RecognizeOptions = {}): RecognizedInput {
  return recognizeText(text, { ...options, documents: DOCUMENT_RECOGNIZERS });
}
