// The Trust worker: evaluates a relying-party configuration against a token off the main thread
// (issue 16). The engine is core/trust; `yaml` is imported statically, as a worker bundle cannot
// split chunks, with an alias limit against "billion laughs" documents.
import { parse } from 'yaml';
import { handleTrustRequest, type TrustRequest, type TrustResponse } from '../core/trust/trustProtocol';

/** The part of a dedicated worker's global scope used here (the app's types are the DOM's, not the worker's). */
interface WorkerScope {
  postMessage(message: TrustResponse): void;
  onmessage: ((event: MessageEvent<TrustRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const parseYaml = (text: string) => parse(text, { maxAliasCount: 100 });

scope.onmessage = (event: MessageEvent<TrustRequest>) => {
  scope.postMessage(handleTrustRequest(event.data, parseYaml));
};
