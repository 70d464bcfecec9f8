/**
 * The builder's time buttons: "issued now" and "expires in …". They edit the payload text the
 * way kube-apiserver relates the claims (iat = nbf = issue time; exp = iat + lifetime; an extended
 * token's warnafter = iat + 3607, kubernetes/kubernetes pkg/serviceaccount/claims.go, v1.36; kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go, v1.36).
 */
import { BOUND_CLAIM } from '../kubernetes/kubernetesClaims';
import type { Result } from '../result';
import type { JsonObject } from './jsonText';
import { rewriteJsonObject } from './rewriteJson';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * iat = nbf = now. exp and warnafter move by as much as iat did, so the token keeps its lifetime
 * and its extension; without a previous iat they stay where they are.
 */
export function setIssuedNow(payloadText: string, nowSeconds: number): Result<string> {
  const now = Math.floor(nowSeconds);
  return rewriteJsonObject(payloadText, 'payload', (claims) => {
    const shift = isSeconds(claims.iat) ? now - claims.iat : 0;
    if (isSeconds(claims.exp) && shift) claims.exp += shift;
    const k8s = claims[BOUND_CLAIM];
    if (isObject(k8s) && isSeconds(k8s.warnafter) && shift) k8s.warnafter += shift;
    claims.iat = now;
    claims.nbf = now;
    return claims;
  });
}

/**
 * exp = now + seconds. A warnafter that would no longer come before exp is removed: extension
 * (warnafter) only exists on tokens that outlive it, and without it the token is plainly
 * non-extended, as a pod token with a user-chosen expirationSeconds is.
 */
export function setExpiresIn(payloadText: string, seconds: number, nowSeconds: number): Result<string> {
  const exp = Math.floor(nowSeconds) + Math.floor(seconds);
  return rewriteJsonObject(payloadText, 'payload', (claims) => {
    claims.exp = exp;
    const k8s = claims[BOUND_CLAIM];
    if (isObject(k8s) && isSeconds(k8s.warnafter) && k8s.warnafter >= exp) delete k8s.warnafter;
    return claims;
  });
}
