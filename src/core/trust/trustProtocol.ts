/**
 * Messages between the page and a Trust worker. Evaluation is synchronous and bounded (see
 * CEL_LIMITS), yet parsing long CEL takes the library up to a second or so; in a worker the page
 * stays responsive, and the page can stop a worker that overruns and show `timedOutReport`.
 */
import { decodeToken } from '../jws/decodeToken';
import { evaluateTrust } from './evaluateTrust';
import type { ParseYaml } from './recognizeTrustConfig';
import type { TrustReport } from './trustReport';

// In trustReport, so the page can answer a stopped worker without loading the evaluators.
export { timedOutReport } from './trustReport';

export interface TrustRequest {
  type: 'evaluate';
  /** Answers carry the id, so a late answer to an older request can be dropped. */
  id: number;
  configText: string;
  /** The compact token (the decoder's normalised token), or null when there is none. */
  token: string | null;
  /** From the page, so a pinned clock holds. */
  nowSeconds: number;
}

export interface TrustResponse {
  type: 'report';
  id: number;
  report: TrustReport;
}

/** The worker's (or a main-thread stand-in's) answer to one request. Never throws. */
export function handleTrustRequest(request: TrustRequest, parseYaml?: ParseYaml): TrustResponse {
  const decoded = request.token === null ? null : decodeToken(request.token);
  return { type: 'report', id: request.id, report: evaluateTrust(request.configText, decoded, request.nowSeconds, parseYaml ? { parseYaml } : {}) };
}
