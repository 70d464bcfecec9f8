import { useEffect, useMemo, useState } from 'react';
import { MAIN_THREAD_DOCUMENT_CHARS, recognizeText } from '../core/input/recognizeText';

type Parsers = typeof import('../core/input/documentReaders');

/**
 * The compact token in the decoder's input, for views that need the token alone (Trust): a raw
 * token, a Bearer line, or a Secret, TokenRequest or kubeconfig (its current user) read with the
 * document parsers, loaded on first use. Unlike useRecognizedInput it never starts the document
 * worker: documents too large for the main thread are secret lists, which hold no single token.
 * (Importing useRecognizedInput from a lazy route would also make Rolldown split the first load's
 * chunk into several files, as the worker reader then has two importers.)
 */
export function useInputToken(input: string): string | null {
  const [parsers, setParsers] = useState<Parsers | null>(null);
  const recognized = useMemo(
    () => recognizeText(input, { parseYaml: parsers?.parseYaml, documents: parsers?.documents, parseLimit: MAIN_THREAD_DOCUMENT_CHARS }),
    [input, parsers],
  );
  const needsParsers = recognized.kind === 'pending' && recognized.pending === 'parsers' && !parsers;
  useEffect(() => {
    if (!needsParsers) return;
    let live = true;
    void import('../core/input/documentReaders').then((p) => live && setParsers(p));
    return () => {
      live = false;
    };
  }, [needsParsers]);
  return recognized.token;
}
