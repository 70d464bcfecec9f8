import type { ParseYaml } from './readAuditInput';

/** The part of the `yaml` package's Document this needs (kept as a type so core never imports `yaml`). */
interface YamlDocument {
  errors: { message: string }[];
  toJS(options: { maxAliasCount: number }): unknown;
}

type ParseAllDocuments = (text: string, options: { prettyErrors: boolean }) => YamlDocument[] | { errors: unknown[] };

/**
 * A YAML reader from `yaml`'s parseAllDocuments, which the caller imports (lazily, or inside the
 * worker). Several documents (`---`) become an array, as a List would be. The alias limit stops
 * "billion laughs" pastes from expanding without bound.
 */
export function yamlDocumentsParser(parseAllDocuments: ParseAllDocuments): ParseYaml {
  return (text) => {
    const parsed = parseAllDocuments(text, { prettyErrors: false });
    const docs = (Array.isArray(parsed) ? parsed : [parsed]) as YamlDocument[];
    const broken = docs.find((d) => d.errors.length > 0);
    if (broken) throw broken.errors[0];
    const values = docs.map((d) => d.toJS({ maxAliasCount: 100 }));
    return values.length === 1 ? values[0] : values;
  };
}
