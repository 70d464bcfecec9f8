import type { Problem } from '../result';

/**
 * The contract values of `data-kind` on `input-kind` (PRODUCT.md), plus `empty` and `tokenreview`.
 * `pending`: a document is being read (its reader loading, or a worker parsing it); never final.
 */
export type InputKind =
  | 'empty'
  | 'pending'
  | 'jwt'
  | 'bearer'
  | 'token-base64'
  | 'secret'
  | 'tokenrequest'
  | 'tokenreview'
  | 'kubeconfig'
  | 'secret-list'
  | 'jwe'
  | 'unknown';

/** A labelled fact about the object the token came in (Secret namespace, ca.crt summary…). */
export interface SourceFact {
  label: string;
  value: string;
}

/** One selectable token inside a container (a kubeconfig user). */
export interface SourceChoice {
  id: string;
  label: string;
  /** Null when this entry holds no decodable token; `reason` says why (REDACTED, tokenFile, exec…). */
  token: string | null;
  reason?: string;
}

export interface RecognizedInput {
  kind: InputKind;
  /** The compact token to decode, when there is one. */
  token: string | null;
  /** What recognition did to the text ("removed 3 line breaks"), shown beside the kind. */
  notes: string[];
  /** For `unknown`, and for containers without a token: what the user can do. */
  hint?: Problem;
  /** Facts about the Kubernetes object the token came from. */
  facts?: SourceFact[];
  /** Several tokens to choose from (kubeconfig users); `selected` is the chosen id. */
  choices?: SourceChoice[];
  selected?: string;
  /** TokenRequest `status.expirationTimestamp` in seconds, to reveal extended expiry (kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go, v1.36; kubernetes/api authentication/v1 types.go TokenRequest, v0.36). */
  expirationTimestamp?: number;
  /**
   * For `pending`, what recognition waits for: the document readers (YAML and the Kubernetes
   * object readers), loaded on first use; or a worker, which parses documents too large for the
   * main thread.
   */
  pending?: 'parsers' | 'worker';
  /** For `secret-list`: the parsed document, handed to the audit view. */
  list?: unknown;
}

export const INPUT_KIND_LABELS: Record<InputKind, string> = {
  empty: 'Nothing yet',
  pending: 'Reading…',
  jwt: 'JWT (compact JWS)',
  bearer: 'Authorization: Bearer header',
  'token-base64': 'Base64-encoded token (a Secret’s .data.token)',
  secret: 'Kubernetes Secret',
  tokenrequest: 'TokenRequest response',
  tokenreview: 'TokenReview',
  kubeconfig: 'kubeconfig',
  'secret-list': 'List of Secrets',
  jwe: 'Encrypted token (JWE)',
  unknown: 'Not recognised',
};
