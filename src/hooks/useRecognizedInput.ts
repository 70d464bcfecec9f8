import { useEffect, useMemo, useState } from 'react';
import { recognizeInput } from '../core/input/recognizeInput';
import type { RecognizedInput } from '../core/input/inputKinds';

type ParseYaml = (text: string) => unknown;

let yamlParser: ParseYaml | null = null;
let yamlLoading: Promise<ParseYaml> | null = null;

/** Loads the YAML parser the first time YAML is pasted; the first screen never pays for it. */
function loadYaml(): Promise<ParseYaml> {
  yamlLoading ??= import('yaml').then(({ parse }) => {
    // Kubernetes documents are small; the limit on aliases stops "billion laughs" pastes.
    yamlParser = (text: string) => parse(text, { maxAliasCount: 100, prettyErrors: false });
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
