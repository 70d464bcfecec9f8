// Test-only: public key material dressed up as text a user might paste as an HMAC "secret". An
// HS256 token HMAC-signed with any of these strings is the algorithm-confusion forgery.
import { createPublicKey } from 'node:crypto';
import { stringify as toYaml } from 'yaml';
import { readFixture } from './fixtures';

export function disguisedKeys(): [name: string, text: string][] {
  const pem = `${readFixture('keys/sa-rsa.pub.pem')}\n`;
  const spkiDer = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  const certDer = Buffer.from(readFixture('keys/sa-rsa.cert.pem').replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const jwks = JSON.parse(readFixture('keys/cluster-jwks.json')) as { keys: unknown[] };
  return [
    ["base64 of a PEM (a Secret's data field)", Buffer.from(pem).toString('base64')],
    ['base64url of a PEM, wrapped at 76 characters', Buffer.from(pem).toString('base64url').replace(/(.{76})/g, '$1\n')],
    ['base64 of the base64 of a PEM', Buffer.from(Buffer.from(pem).toString('base64')).toString('base64')],
    ['hex DER of a public key', spkiDer.toString('hex')],
    ['hex DER of a certificate, colon-separated', certDer.toString('hex').replace(/(..)(?!$)/g, '$1:')],
    ['a JWKS written as YAML', toYaml(jwks)],
    ['a single JWK written as YAML', toYaml(jwks.keys[0])],
    ['base64 of a JWKS', Buffer.from(JSON.stringify(jwks)).toString('base64')],
  ];
}
