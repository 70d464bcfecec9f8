import { useEffect, useMemo, useState } from 'react';
import type { RecognizedInput } from '../core/input/inputKinds';
import { recognizeText } from '../core/input/recognizeText';

type Parsers = typeof import('./documentParsers');

let loaded: Parsers | null = null;
let loading: Promise<Parsers> | null = null;

/** Loads the document parsers the first time a document is pasted; the first screen never pays for them. */
function loadParsers(): Promise<Parsers> {
  loading ??= import('./documentParsers').then((m) => (loaded = m));
  return loading;
}

/** Recognises the pasted text; when it is a document, loads the parsers and recognises again. */
export function useRecognizedInput(text: string, choice: string | undefined): RecognizedInput {
  const [parsers, setParsers] = useState<Parsers | null>(loaded);
  const recognized = useMemo(
    () => recognizeText(text, { parseYaml: parsers?.parseYaml, documents: parsers?.documents, choice }),
    [text, parsers, choice],
  );
  useEffect(() => {
    if (!recognized.needsParsers || parsers) return;
    let live = true;
    loadParsers().then((p) => live && setParsers(p));
    return () => {
      live = false;
    };
  }, [recognized.needsParsers, parsers]);
  return recognized;
}
