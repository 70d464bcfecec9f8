import type { RecognizedInput } from './inputKinds';
import type { RecognizeOptions } from './recognizeInput';

/** Secrets, TokenRequests, TokenReviews, kubeconfigs and Secret lists (reference §9). */
export function recognizeKubernetesDocument(_value: unknown, _options: RecognizeOptions): RecognizedInput | null {
  return null;
}

/** `kubectl describe secret` prints the token already decoded under `Data` (reference §9c). */
export function recognizeDescribeSecret(_text: string): RecognizedInput | null {
  return null;
}
