import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { RecognizedInput } from '../core/input/inputKinds';
import { MAIN_THREAD_DOCUMENT_CHARS, recognizeText } from '../core/input/recognizeText';

type Parsers = typeof import('../core/input/documentReaders');

let loaded: Parsers | null = null;
let loading: Promise<Parsers> | null = null;

/** Loads the document parsers the first time a document is pasted; the first screen never pays for them. */
function loadParsers(): Promise<Parsers> {
  loading ??= import('../core/input/documentReaders').then((m) => (loaded = m));
  return loading;
}

export interface RecognizedState {
  /** What the input is, as far as known now: `pending` while a document is still being read. */
  current: RecognizedInput;
  /** The last final recognition: what the results show while `current` is pending. */
  settled: RecognizedInput;
  /** The text `settled` was recognised from. */
  settledText: string;
}

const EMPTY: RecognizedInput = { kind: 'empty', token: null, notes: [] };

/**
 * Recognises the input. Typing stays responsive on huge pastes: the full reading follows the
 * input one render behind if needed (useDeferredValue), loads the document parsers the first time
 * a document appears, and leaves documents too large for the main thread to the document worker.
 * Until its answer is final, `current` says `pending` — never a kind it might take back — and
 * `settled` keeps the previous answer, so the results stay in place.
 */
export function useRecognizedInput(input: string, choice: string | undefined): RecognizedState {
  const text = useDeferredValue(input);
  const [parsers, setParsers] = useState<Parsers | null>(loaded);
  const immediate = useMemo(
    () => recognizeText(text, { parseYaml: parsers?.parseYaml, documents: parsers?.documents, choice, parseLimit: MAIN_THREAD_DOCUMENT_CHARS }),
    [text, parsers, choice],
  );
  const waitsFor = immediate.kind === 'pending' ? immediate.pending : undefined;

  useEffect(() => {
    if (waitsFor !== 'parsers' || parsers) return;
    let live = true;
    void loadParsers().then((p) => live && setParsers(p));
    return () => {
      live = false;
    };
  }, [waitsFor, parsers]);

  const [read, setRead] = useState<{ text: string; choice: string | undefined; result: RecognizedInput } | null>(null);
  useEffect(() => {
    if (waitsFor !== 'worker') return;
    let live = true;
    void import('../lib/documentReader')
      .then(({ readDocumentOffThread }) => readDocumentOffThread(text, choice))
      .then((result) => live && setRead({ text, choice, result }));
    return () => {
      live = false;
    };
  }, [waitsFor, text, choice]);

  const full = waitsFor === 'worker' && read && read.text === text && read.choice === choice ? read.result : immediate;

  // While the deferred text lags behind the input, say at once what needs no document reader (a
  // token, garbage, a huge list) and `pending` for the rest: never the previous input's kind.
  const quick = useMemo(() => (input === text ? null : recognizeText(input, { choice })), [input, text, choice]);

  const [settled, setSettled] = useState<{ recognized: RecognizedInput; text: string }>({ recognized: EMPTY, text: '' });
  if (full.kind !== 'pending' && settled.recognized !== full) setSettled({ recognized: full, text });
  const final = full.kind !== 'pending';
  return {
    current: quick ?? full,
    settled: final ? full : settled.recognized,
    settledText: final ? text : settled.text,
  };
}
