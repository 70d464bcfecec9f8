import { quoted } from '../input/documentFields';
import { yamlNestingExceeds } from '../input/yamlDepth';
import { MAX_NESTING_DEPTH, nestedTooDeeply } from '../json/nesting';
import type { ParseYaml } from './readAuditInput';

/** The part of the `yaml` package's Document this needs (kept as a type so core never imports `yaml`). */
interface YamlDocument {
  errors: { message: string }[];
  contents: unknown;
  toJS(options: { maxAliasCount: number }): unknown;
}

type ParseAllDocuments = (text: string, options: { prettyErrors: boolean; uniqueKeys: boolean }) => YamlDocument[] | { errors: unknown[] };

/** `yaml`'s node tests (isMap, isSeq, isScalar), passed in by a caller that imports `yaml`. */
export interface YamlNodeTests {
  isMap: (node: unknown) => boolean;
  isSeq: (node: unknown) => boolean;
  isScalar: (node: unknown) => boolean;
}

/**
 * The same tests for callers that pass only parseAllDocuments: `yaml` marks its nodes with
 * registered symbols (Symbol.for, so that copies of the package agree), which its isMap reads too.
 * The duplicate-key tests fail if a new version of `yaml` changes them.
 */
const typeOf = (node: unknown) => (typeof node === 'object' && node !== null ? (node as Record<symbol, unknown>)[Symbol.for('yaml.node.type')] : undefined);
const REGISTERED_NODE_TESTS: YamlNodeTests = {
  isMap: (node) => typeOf(node) === Symbol.for('yaml.map'),
  isSeq: (node) => typeOf(node) === Symbol.for('yaml.seq'),
  isScalar: (node) => typeOf(node) === Symbol.for('yaml.scalar'),
};

interface PairNode {
  key: unknown;
  value: unknown;
}

/**
 * The first key that appears twice in one mapping, found in one pass. kubectl refuses such YAML
 * ("mapping key already defined"), and so does this reader; but `yaml`'s own check compares each
 * key with every earlier one of its mapping (26,000 keys took 15 s), so it is switched off.
 */
function firstDuplicateKey(root: unknown, yaml: YamlNodeTests): string | null {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (yaml.isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of (node as { items: PairNode[] }).items) {
        if (yaml.isScalar(pair.key)) {
          const key = (pair.key as { value: unknown }).value;
          if (seen.has(key)) return String(key);
          seen.add(key);
        }
        pending.push(pair.key, pair.value);
      }
    } else if (yaml.isSeq(node)) {
      for (const item of (node as { items: unknown[] }).items) pending.push(item);
    }
  }
  return null;
}

const STACK_OVERFLOW = /call stack|too much recursion/i;

/**
 * A YAML reader from the `yaml` package. Several documents (`---`) become an array, as a List
 * would be. It throws on a broken document, on nesting deeper than MAX_NESTING_DEPTH (measured
 * before parsing: the parser recurses per level), and on duplicate keys. The alias limit stops
 * "billion laughs" pastes from expanding without bound.
 */
export function yamlDocumentsParser(parseAllDocuments: ParseAllDocuments, nodes: YamlNodeTests = REGISTERED_NODE_TESTS): ParseYaml {
  const tooDeep = () => new Error(`It is ${nestedTooDeeply(MAX_NESTING_DEPTH)}; deeper documents are refused so the page cannot freeze`);
  return (text) => {
    if (yamlNestingExceeds(text, MAX_NESTING_DEPTH)) throw tooDeep();
    const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
    const docs = (Array.isArray(parsed) ? parsed : [parsed]) as YamlDocument[];
    for (const doc of docs) {
      const error = doc.errors[0];
      // The estimate above is within a level of the truth; this is the backstop.
      if (error && STACK_OVERFLOW.test(error.message)) throw tooDeep();
      if (error) throw error;
      const duplicate = firstDuplicateKey(doc.contents, nodes);
      if (duplicate !== null) throw new Error(`Map keys must be unique; ${quoted(duplicate)} appears twice in one mapping`);
    }
    const values = docs.map((d) => d.toJS({ maxAliasCount: 100 }));
    return values.length === 1 ? values[0] : values;
  };
}
