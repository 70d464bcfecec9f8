import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { ParseYaml } from '../audit/readAuditInput';
import { yamlDocumentsParser } from '../audit/yamlDocuments';
import type { RecognizedInput } from './inputKinds';
import { DOCUMENT_RECOGNIZERS } from './recognizeInput';
import { recognizeText } from './recognizeText';

/**
 * Loaded on demand, the first time a document (JSON, YAML, `kubectl describe` output, a list of
 * tokens) is pasted: the YAML parser and the Kubernetes object readers.
 */
export const documents = DOCUMENT_RECOGNIZERS;

/** Several documents (manifests joined by ---) become an array, as a List would be. */
export const parseYaml = yamlDocumentsParser(parseAllDocuments, { isMap, isSeq, isScalar });

/**
 * A document read in full, however large: what the document worker runs (and the page, when no
 * worker can start). A Secret list's parsed items stay behind: the audit view reads the text.
 */
export function readDocument(text: string, choice?: string, yaml: ParseYaml = parseYaml): RecognizedInput {
  const { list: _list, ...recognized } = recognizeText(text, { parseYaml: yaml, documents, choice });
  return recognized;
}

/** `parse`, remembering its last answer: choosing another kubeconfig user does not parse 10 MB again. */
export function rememberLastParse(parse: ParseYaml): ParseYaml {
  let lastText: string | null = null;
  let last: { ok: true; value: unknown } | { ok: false; error: unknown } = { ok: true, value: undefined };
  return (text) => {
    if (text !== lastText) {
      lastText = text;
      try {
        last = { ok: true, value: parse(text) };
      } catch (error) {
        last = { ok: false, error };
      }
    }
    if (!last.ok) throw last.error;
    return last.value;
  };
}

