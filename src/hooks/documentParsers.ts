import { parseAllDocuments } from 'yaml';
import { DOCUMENT_RECOGNIZERS } from '../core/input/recognizeInput';

/**
 * Loaded on demand, the first time a document (JSON, YAML, `kubectl describe` output, a list of
 * tokens) is pasted: the YAML parser and the Kubernetes object readers.
 */
export const documents = DOCUMENT_RECOGNIZERS;

export function parseYaml(text: string): unknown {
  // Several documents (manifests joined by ---) become an array, as a List would be.
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const broken = list.find((d) => d.errors.length > 0);
  if (broken) throw broken.errors[0];
  // The alias limit stops "billion laughs" pastes from expanding without bound.
  const values = list.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
  return values.length === 1 ? values[0] : values;
}
