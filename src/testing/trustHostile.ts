// Test-only: evaluates many relying-party expressions in one call, for the hang guard that runs
// in a worker thread (runInWorker). Each expression is tried as a Google attribute condition and as
// a Kubernetes claim validation rule, with a token whose groups claim is large.
import { decodeToken } from '../core/jws/decodeToken';
import { evaluateTrust } from '../core/trust/evaluateTrust';

const ISSUER = 'https://oidc.example.com/cluster';
const NAME = 'projects/1/locations/global/workloadIdentityPools/p/providers/k8s';

function token(groups: number): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const claims = {
    aud: ['gcp', 'cluster-b'],
    exp: 1768473000,
    iat: 1768469400,
    iss: ISSUER,
    sub: `system:serviceaccount:prod:${'a'.repeat(40)}`,
    groups: Array.from({ length: groups }, (_, i) => `group-${i}`),
    'kubernetes.io': { namespace: 'prod', serviceaccount: { name: 'app', uid: 'u' } },
  };
  return `${b64({ alg: 'RS256' })}.${b64(claims)}.c2ln`;
}

export interface HostileOutcome {
  expression: string;
  google: string;
  kubernetes: string;
  codes: string[];
}

export function evaluateHostileExpressions(expressions: string[], groups = 3000): HostileOutcome[] {
  const decoded = decodeToken(token(groups));
  const now = 1768469400 + 60;
  return expressions.map((expression) => {
    const gcp = JSON.stringify({
      name: NAME,
      attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.x': expression },
      attributeCondition: expression,
      oidc: { issuerUri: ISSUER, allowedAudiences: ['gcp'] },
    });
    const k8s = JSON.stringify({
      apiVersion: 'apiserver.config.k8s.io/v1',
      kind: 'AuthenticationConfiguration',
      jwt: [
        {
          issuer: { url: ISSUER, audiences: ['cluster-b'] },
          claimMappings: { username: { expression }, groups: { expression }, extra: [{ key: 'example.com/x', valueExpression: expression }] },
          claimValidationRules: [{ expression }],
          userValidationRules: [{ expression: `user.username == ${JSON.stringify(expression.slice(0, 50))} || ${expression}` }],
        },
      ],
    });
    const google = evaluateTrust(gcp, decoded, now);
    const kubernetes = evaluateTrust(k8s, decoded, now);
    return { expression: expression.slice(0, 80), google: google.accepted, kubernetes: kubernetes.accepted, codes: [...google.reasons, ...kubernetes.reasons].map((r) => r.code) };
  });
}
