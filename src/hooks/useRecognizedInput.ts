import { useEffect, useMemo, useState } from 'react';
import { recognizeInput } from '../core/input/recognizeInput';
import type { RecognizedInput } from '../core/input/inputKinds';

type ParseYaml = (text: string) => unknown;

let yamlParser: ParseYaml | null = null;
let yamlLoading: Promise<ParseYaml> | null = null;

/** Loads the YAML parser the first time YAML is pasted; the first screen never pays for it. */
function loadYaml(): Promise<ParseYaml> {
  yamlLoading ??= import('yaml').then(({ parseAllDocuments }) => {
    yamlParser = (text: string) => {
      // Several documents (manifests joined by ---) become an array, as a List would be.
      const docs = parseAllDocuments(text, { prettyErrors: false });
      const list = Array.isArray(docs) ? docs : [docs];
      const broken = list.find((d) => d.errors.length > 0);
      if (broken) throw broken.errors[0];
      // The alias limit stops "billion laughs" pastes from expanding without bound.
      const values = list.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
      return values.length === 1 ? values[0] : values;
    };
    return yamlParser;
  });
  return yamlLoading;
}

/** Recognises the pasted text; when it is YAML, loads the parser and recognises again. */
export function useRecognizedInput(text: string, choice: string | undefined): RecognizedInput {
  const [parser, setParser] = useState<ParseYaml | null>(yamlParser);
  const recognized = useMemo(
    () => recognizeInput(text, { parseYaml: parser ?? undefined, choice }),
    [text, parser, choice],
  );
  useEffect(() => {
    if (!recognized.needsYaml || parser) return;
    let live = true;
    loadYaml().then((p) => live && setParser(() => p));
    return () => {
      live = false;
    };
  }, [recognized.needsYaml, parser]);
  return recognized;
}
