// Test-only: unsigned-looking compact tokens with chosen claims, decoded as the app decodes them.
// The Trust engine never verifies signatures (relying parties do), so a placeholder signature is enough.
import { decodeToken, type DecodedToken } from '../core/jws/decodeToken';
import { FIXTURE_IAT, readFixture } from './fixtures';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function makeToken(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'test-key' }): DecodedToken {
  return decodeToken(`${b64url(header)}.${b64url(claims)}.c2lnbmF0dXJl`);
}

export const fixtureToken = (path: string): DecodedToken => decodeToken(readFixture(path));

/** A public issuer, as on EKS. */
export const EKS_ISSUER = 'https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

/** A bound token of pod my-app in namespace prod for service account s3-reader, from a public issuer. */
export function boundToken(overrides: Record<string, unknown> = {}): DecodedToken {
  return makeToken({
    aud: ['sts.amazonaws.com'],
    exp: FIXTURE_IAT + 3600,
    iat: FIXTURE_IAT,
    nbf: FIXTURE_IAT,
    iss: EKS_ISSUER,
    jti: '3f0c2b1e-7d55-4e0a-9d1c-2c6c7e5c8b11',
    'kubernetes.io': {
      namespace: 'prod',
      pod: { name: 'my-app-7d4b9c', uid: '5b5e7c1c-0f5e-4d1b-9a4e-6f0c1d2e3f40' },
      serviceaccount: { name: 's3-reader', uid: '0e9f5d1a-3c2b-4a19-8e7f-6d5c4b3a2910' },
    },
    sub: 'system:serviceaccount:prod:s3-reader',
    ...overrides,
  });
}

/** Ten minutes after the fixtures were issued: every fixture token and boundToken() is valid. */
export const NOW = FIXTURE_IAT + 600;
