import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { yamlDocumentsParser } from '../core/audit/yamlDocuments';
import { DOCUMENT_RECOGNIZERS } from '../core/input/recognizeInput';

/**
 * Loaded on demand, the first time a document (JSON, YAML, `kubectl describe` output, a list of
 * tokens) is pasted: the YAML parser and the Kubernetes object readers.
 */
export const documents = DOCUMENT_RECOGNIZERS;

/** Several documents (manifests joined by ---) become an array, as a List would be. */
export const parseYaml = yamlDocumentsParser({ parseAllDocuments, isMap, isSeq, isScalar });
