import { decodeToken } from '../jws/decodeToken';
import type { KeyInput } from '../keys/parseKeyInput';
import { verifySignature, type SignatureState } from '../verify/verifySignature';

export interface SignatureBatch {
  results: { id: number; state: SignatureState }[];
  /** Tokens checked so far, this batch included. */
  done: number;
}

/**
 * Checks every token's signature against keys parsed once (as the decoder would, one token at a
 * time), `batchSize` at a time. A row without a token gets no result. Stops early when
 * `cancelled()` turns true between tokens.
 */
export async function* verifyTokens(tokens: readonly { id: number; token: string | null }[], keys: KeyInput, batchSize: number, cancelled: () => boolean = () => false): AsyncGenerator<SignatureBatch> {
  let results: SignatureBatch['results'] = [];
  let done = 0;
  for (const { id, token } of tokens) {
    if (cancelled()) return;
    done++;
    if (token !== null) results.push({ id, state: (await verifySignature(decodeToken(token), keys)).state });
    if (results.length >= batchSize) {
      yield { results, done };
      results = [];
    }
  }
  yield { results, done };
}
