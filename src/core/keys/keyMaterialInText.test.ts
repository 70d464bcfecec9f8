import { describe, expect, it } from 'vitest';
import { disguisedKeys } from '../../testing/disguisedKeys';
import { readFixture } from '../../testing/fixtures';
import { runInWorker } from '../../testing/runInWorker';
import { describeKeyMaterial, describeKeyMaterialSecret, findKeyMaterial, findKeyMaterialInBytes } from './keyMaterialInText';

describe('findKeyMaterial', () => {
  it('sees through each disguise, naming the layers', () => {
    const found = Object.fromEntries(disguisedKeys().map(([name, text]) => [name, findKeyMaterial(text)]));
    expect(found).toEqual({
      "base64 of a PEM (a Secret's data field)": { encodings: ['base64'], content: { kind: 'pem' } },
      'base64url of a PEM, wrapped at 76 characters': { encodings: ['base64'], content: { kind: 'pem' } },
      'base64 of the base64 of a PEM': { encodings: ['base64', 'base64'], content: { kind: 'pem' } },
      'hex DER of a public key': { encodings: ['hex'], content: { kind: 'der', form: 'spki' } },
      'hex DER of a certificate, colon-separated': { encodings: ['hex'], content: { kind: 'der', form: 'certificate' } },
      'a JWKS written as YAML': { encodings: [], content: { kind: 'jwk-yaml' } },
      'a single JWK written as YAML': { encodings: [], content: { kind: 'jwk-yaml' } },
      'base64 of a JWKS': { encodings: ['base64'], content: { kind: 'jwk-json' } },
    });
  });

  it('leaves real secrets alone', () => {
    for (const secret of [
      readFixture('keys/hmac-secret.txt'),
      'hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG+Onbc6mxCcYg=',
      '849b57219dae48de646d07dbb533566e976686457c1491be3a76dcea6c427188',
      'keys: not a key, just a sentence with a colon',
      'my-hmac-secret-that-is-long-enough-32',
    ]) {
      expect(findKeyMaterial(secret), secret).toBeNull();
    }
  });

  it("sees an oct JWK's secret bytes that are DER or key text, and leaves random bytes alone", () => {
    const der = Buffer.from(readFixture('keys/sa-ec.pub.pem').replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    expect(findKeyMaterialInBytes(der)).toEqual({ encodings: [], content: { kind: 'der', form: 'spki' } });
    expect(findKeyMaterialInBytes(new TextEncoder().encode(readFixture('keys/sa-rsa.pub.pem')))).toEqual({ encodings: [], content: { kind: 'pem' } });
    expect(findKeyMaterialInBytes(Buffer.from('849b57219dae48de646d07dbb533566e976686457c1491be3a76dcea6c427188', 'hex'))).toBeNull();
    expect(describeKeyMaterialSecret({ encodings: [], content: { kind: 'der', form: 'spki' } })).toMatch(/^its secret \("k"\) is the DER bytes of a public key \(SubjectPublicKeyInfo\); paste the key itself instead\./);
  });

  it('explains the Secret data-field case in one sentence a user can act on', () => {
    const message = describeKeyMaterial({ encodings: ['base64'], content: { kind: 'pem' } });
    expect(message).toBe(
      "This is base64 of PEM text, as a Secret's data field holds it. Decode it first and paste the key itself (PEM, JWK or JWKS). Key material is never used as an HMAC secret, even when marked as one: a token HMAC-signed with a public key's text is a forgery anyone can make.",
    );
  });

  it('finishes on a megabyte of hostile text (hang guard, not a timing)', { timeout: 120_000 }, async () => {
    const MB = 1 << 20;
    for (const text of ['- '.repeat(MB / 2), `${' '.repeat(MB)}x`, Buffer.from('-'.repeat(MB * 0.75)).toString('base64'), 'ab:'.repeat(MB / 3), `${'A'.repeat(MB)}==`]) {
      const outcome = await runInWorker({ base: import.meta.url, module: './keyMaterialInText.ts', exportName: 'findKeyMaterial', args: [text] });
      expect(outcome).toMatchObject({ completed: true });
    }
  });
});
