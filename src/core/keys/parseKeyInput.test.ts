import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { derBitString, derNull, derOid, derSequence } from './der';
import { OID } from './oids';
import { MAX_JWKS_KEYS, MAX_KEY_INPUT_BYTES, PRIVATE_KEY_NOTICE, parseKeyInput, refuseOversizedKeyText, type KeyInput } from './parseKeyInput';
import { encodeRsaPublicKey } from './pkcs1';
import { disguisedKeys } from '../../testing/disguisedKeys';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const manifest = JSON.parse(fixture('MANIFEST.json')) as { keys: Record<string, { kid: string }> };
const utf8 = { secretEncoding: 'utf8' } as const;
const parse = (text: string) => parseKeyInput(text, utf8);
/** As with the box "Use this text as an HMAC secret" ticked. */
const marked = (text: string, secretEncoding: 'utf8' | 'base64' | 'base64url' = 'utf8') => parseKeyInput(text, { secretEncoding, textIsHmacSecret: true });
const kids = (input: KeyInput) => input.candidates.map((c) => c.kubernetesKid);
const toPem = (der: Uint8Array, label: string) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
const sec1Of = (file: string) => createPrivateKey(fixture(file)).export({ format: 'pem', type: 'sec1' }) as string;
const RSA_KID = manifest.keys['sa-rsa']?.kid;
const EC_KID = manifest.keys['sa-ec']?.kid;

afterEach(() => vi.restoreAllMocks());

describe('parseKeyInput: every fixture key form', () => {
  it.each([
    ['keys/sa-rsa.pub.pem', 'PEM PUBLIC KEY: RSA 2048-bit', RSA_KID, false],
    ['keys/sa-rsa.cert.pem', 'PEM CERTIFICATE: RSA 2048-bit', RSA_KID, false],
    ['keys/sa-rsa.pkcs1.pub.pem', 'PEM RSA PUBLIC KEY: RSA 2048-bit', RSA_KID, false],
    ['keys/sa-rsa.pkcs1.key.pem', 'PEM RSA PRIVATE KEY: RSA 2048-bit, reduced to its public key', RSA_KID, true],
    ['keys/sa-rsa.key.pem', 'PEM PRIVATE KEY: RSA 2048-bit, reduced to its public key', RSA_KID, true],
    ['keys/sa-ec.pub.pem', 'PEM PUBLIC KEY: EC P-256', EC_KID, false],
    ['keys/sa-ec.key.pem', 'PEM PRIVATE KEY: EC P-256, reduced to its public key', EC_KID, true],
    ['keys/other-ed25519.key.pem', 'PEM PRIVATE KEY: Ed25519, reduced to its public key', manifest.keys['other-ed25519']?.kid, true],
    ['keys/other-rsa-pss.pub.pem', 'PEM PUBLIC KEY: RSA 2048-bit', manifest.keys['other-rsa-pss']?.kid, false],
  ])('%s → "%s" with the Kubernetes kid from MANIFEST.json', async (file, description, kid, fromPrivateKey) => {
    const input = await parse(fixture(file));
    expect(input).toMatchObject({ kind: 'pem', description, error: null, skipped: [] });
    expect(kids(input)).toEqual([kid]);
    expect(input.candidates[0]?.fromPrivateKey).toBe(fromPrivateKey);
    expect(input.notices.includes(PRIVATE_KEY_NOTICE)).toBe(fromPrivateKey);
  });

  it('reads a SEC1 EC PRIVATE KEY (made from sa-ec.key.pem) to the same kid', async () => {
    const input = await parse(sec1Of('keys/sa-ec.key.pem'));
    expect(input.description).toBe('PEM EC PRIVATE KEY: EC P-256, reduced to its public key');
    expect(kids(input)).toEqual([EC_KID]);
  });

  it('reads the kube-apiserver key file (sa-multi.pub.pem): every block is a key', async () => {
    const input = await parse(fixture('keys/sa-multi.pub.pem'));
    expect(input.description).toBe('3 PEM blocks: 3 keys used, 0 skipped');
    expect(kids(input)).toEqual([manifest.keys['sa-rsa-rotated-out']?.kid, RSA_KID, EC_KID]);
    expect(input.candidates.map((c) => [c.id, c.label])).toEqual([
      ['key-1', 'PEM block 1 (PUBLIC KEY)'],
      ['key-2', 'PEM block 2 (PUBLIC KEY)'],
      ['key-3', 'PEM block 3 (PUBLIC KEY)'],
    ]);
  });

  it('reads the cluster JWKS with given and derived kids', async () => {
    const input = await parse(fixture('keys/cluster-jwks.json'));
    expect(input).toMatchObject({ kind: 'jwks', description: 'JWKS with 2 keys', error: null });
    expect(input.candidates.map((c) => [c.label, c.givenKid, c.kubernetesKid, c.jwkAlg, c.use])).toEqual([
      ['JWKS key 1', RSA_KID, RSA_KID, 'RS256', 'sig'],
      ['JWKS key 2', EC_KID, EC_KID, 'ES256', 'sig'],
    ]);
  });

  it('reads a single JWK taken from the JWKS', async () => {
    const jwk = (JSON.parse(fixture('keys/cluster-jwks.json')) as { keys: unknown[] }).keys[1];
    const input = await parse(JSON.stringify(jwk));
    expect(input).toMatchObject({ kind: 'jwk', description: `JWK: EC P-256, kid "${EC_KID}"` });
    expect(kids(input)).toEqual([EC_KID]);
  });

  it('reads the HMAC secret file, when marked as one, trimming its final newline and saying so', async () => {
    const input = await marked(fixture('keys/hmac-secret.txt'));
    expect(input).toMatchObject({ kind: 'hmac-secret', description: 'HMAC secret: 38 bytes (UTF-8 text)', error: null });
    expect(new TextDecoder().decode(input.candidates[0]?.secret?.bytes())).toBe('a-shared-secret-of-at-least-32-bytes!!');
    expect(input.notices[0]).toMatch(/trailing line break was removed/);
    expect(JSON.stringify(input)).not.toContain('a-shared-secret');
  });
});

describe('parseKeyInput: private keys are reduced to public keys', () => {
  it.each(['keys/sa-rsa.key.pem', 'keys/sa-rsa.pkcs1.key.pem', 'keys/sa-ec.key.pem', 'keys/other-ed25519.key.pem'])('keeps nothing private from %s', async (file) => {
    const input = await parse(fixture(file));
    const serialized = JSON.stringify(input);
    const privateJwk = createPrivateKey(fixture(file)).export({ format: 'jwk' });
    expect(serialized).not.toContain(privateJwk.d);
    expect(input.candidates[0]?.publicJwk).toEqual(createPublicKey(fixture(file)).export({ format: 'jwk' }));
  });

  it('reduces a private JWK too', async () => {
    const privateJwk = createPrivateKey(fixture('keys/sa-rsa.key.pem')).export({ format: 'jwk' });
    const input = await parse(JSON.stringify({ ...privateJwk, kid: 'k1' }));
    expect(input.description).toBe('JWK: RSA 2048-bit, kid "k1", reduced to its public key');
    expect(input.notices).toContain(PRIVATE_KEY_NOTICE);
    expect(JSON.stringify(input)).not.toContain(privateJwk.p);
  });

  it('parses the Kubernetes OIDC testdata private keys (PKCS#1 RSA, SEC1 P-521) to the stated public keys', async () => {
    type Entry = { private_pem: string; expected_public_spki_pem: string; expected_curve_or_bits: number | string; computed_kid_if_used_as_sa_key: string };
    const vector = JSON.parse(fixture('vectors/k8s-oidc-testdata-private-keys.json')) as { key: { keys: Entry[] } };
    expect(vector.key.keys).toHaveLength(6);
    for (const entry of vector.key.keys) {
      const input = await parse(entry.private_pem);
      const candidate = input.candidates[0];
      expect(candidate?.publicJwk).toEqual(createPublicKey(entry.expected_public_spki_pem).export({ format: 'jwk' }));
      expect(candidate?.kubernetesKid).toBe(entry.computed_kid_if_used_as_sa_key);
      expect(typeof entry.expected_curve_or_bits === 'number' ? candidate?.sizeBits : candidate?.curve).toBe(entry.expected_curve_or_bits);
    }
  });
});

describe('parseKeyInput: a file of several PEM blocks', () => {
  it('uses every key block and lists the others with the reason', async () => {
    const encrypted = createPrivateKey(fixture('keys/sa-ec.key.pem')).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'pw' }) as string;
    const text = [
      '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----',
      sec1Of('keys/sa-ec.key.pem'),
      '-----BEGIN FOO-----\nAAAA\n-----END FOO-----',
      encrypted,
      fixture('keys/sa-rsa.pub.pem'),
      '-----BEGIN PUBLIC KEY-----\nMFkw$wYH\n-----END PUBLIC KEY-----',
    ].join('\n');
    const input = await parse(text);
    expect(input.description).toBe('6 PEM blocks: 2 keys used, 4 skipped');
    expect(kids(input)).toEqual([EC_KID, RSA_KID]);
    expect(input.skipped).toEqual([
      { label: 'PEM block 1 (EC PARAMETERS)', reason: expect.stringMatching(/curve parameters, not a key/) },
      { label: 'PEM block 3 (FOO)', reason: expect.stringMatching(/not a key, certificate or private key structure \(and "FOO" is not a key label\)/) },
      { label: 'PEM block 4 (ENCRYPTED PRIVATE KEY)', reason: expect.stringMatching(/encrypted with a passphrase/) },
      { label: 'PEM block 6 (PUBLIC KEY)', reason: `line ${text.split('\n').findIndex((l) => l.includes('$')) + 1}, column 5 has "$", which is not base64` },
    ]);
    expect(input.error).toBeNull();
    expect(input.notices).toContain(PRIVATE_KEY_NOTICE);
  });

  it('is not fooled by labels and key types named like Object members', async () => {
    const input = await parse('-----BEGIN constructor-----\nAAAA\n-----END constructor-----\n-----BEGIN __proto__-----\nAAAA\n-----END __proto__-----\n');
    expect(input.skipped.map((s) => typeof s.reason)).toEqual(['string', 'string']);
    expect(input.skipped[0]?.reason).toMatch(/not a key, certificate or private key structure/);
    for (const kty of ['constructor', '__proto__', 'toString']) {
      expect((await parse(JSON.stringify({ kty, d: 'x' }))).error?.message).toMatch(/is not supported \(RSA, EC, OKP and oct are\)/);
    }
  });

  it('reads a mislabelled block as what it holds, as kube-apiserver does, and says so', async () => {
    const text = fixture('keys/sa-rsa.pub.pem').replace(/PUBLIC KEY/g, 'RSA PUBLIC KEY');
    const input = await parse(text);
    expect(kids(input)).toEqual([RSA_KID]);
    expect(input.candidates[0]?.notes[0]).toMatch(/Labelled "RSA PUBLIC KEY" but holds a public key \(SubjectPublicKeyInfo\)/);
  });

  it('warns that kube-apiserver would not load a PKCS#1 RSA PUBLIC KEY', async () => {
    const input = await parse(fixture('keys/sa-rsa.pkcs1.pub.pem'));
    expect(input.candidates[0]?.notes[0]).toMatch(/kube-apiserver does not load RSA PUBLIC KEY/);
  });

  it('notices when two blocks hold the same key', async () => {
    const input = await parse(fixture('keys/sa-rsa.pub.pem') + fixture('keys/sa-rsa.pkcs1.key.pem'));
    expect(input.notices).toContain(`PEM block 1 (PUBLIC KEY) and PEM block 2 (RSA PRIVATE KEY) hold the same public key (Kubernetes kid ${RSA_KID}).`);
  });

  it('gives an error, never a secret, when no block is usable', async () => {
    const input = await parse('-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n');
    expect(input).toMatchObject({ kind: 'pem', candidates: [], error: { code: 'no-usable-key' } });
    const broken = await parse(fixture('keys/sa-rsa.pub.pem').replace(/-----BEGIN PUBLIC KEY-----/, '-----BEGIN PUBLIC KEY'));
    expect(broken).toMatchObject({ kind: 'pem', candidates: [], error: { code: 'bad-pem' } });
  });

  it(`refuses an RSA modulus over 8192 bits`, async () => {
    const n = new Uint8Array(1025).fill(0xff);
    const spki = derSequence(derSequence(derOid(OID.rsaEncryption), derNull()), derBitString(encodeRsaPublicKey({ n, e: Uint8Array.of(1, 0, 1) })));
    const input = await parse(toPem(spki, 'PUBLIC KEY'));
    expect(input.error?.message).toMatch(/8200 bits; keys over 8192 bits are refused/);
  });
});

describe('parseKeyInput: JSON', () => {
  it('explains an OpenID discovery document: the keys are at its jwks_uri', async () => {
    const input = await parse(fixture('keys/openid-configuration.json'));
    expect(input).toMatchObject({
      kind: 'oidc-discovery',
      candidates: [],
      error: null,
      discovery: { issuer: 'https://kubernetes.default.svc.cluster.local', jwksUri: 'https://kubernetes.default.svc/openid/v1/jwks' },
    });
    expect(input.description).toMatch(/holds no keys; they are at its jwks_uri, https:\/\/kubernetes\.default\.svc\/openid\/v1\/jwks/);
    expect(input.notices.join(' ')).toMatch(/kubectl get --raw \/openid\/v1\/jwks/);
  });

  it('reads the upstream JWKS served by kube-apiserver to its pinned kids', async () => {
    const vector = JSON.parse(fixture('vectors/k8s-openid-discovery-and-jwks.json')) as { key: { jwks: unknown }; discovery_document: unknown; expect_detail: { kids: string[] } };
    const input = await parse(JSON.stringify(vector.key.jwks));
    expect(kids(input)).toEqual(vector.expect_detail.kids);
    expect(input.candidates.map((c) => c.givenKid)).toEqual(vector.expect_detail.kids);
    expect((await parse(JSON.stringify(vector.discovery_document))).kind).toBe('oidc-discovery');
  });

  it('skips an unusable JWKS member and keeps the rest', async () => {
    const jwks = JSON.parse(fixture('keys/cluster-jwks.json')) as { keys: unknown[] };
    const input = await parse(JSON.stringify({ keys: [{ kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA' }, ...jwks.keys] }));
    expect(input.description).toBe('JWKS with 3 keys: 2 used, 1 skipped');
    expect(input.skipped).toEqual([{ label: 'JWKS key 1', reason: expect.stringMatching(/secp256k1/) }]);
    expect(input.candidates.map((c) => c.label)).toEqual(['JWKS key 2', 'JWKS key 3']);
  });

  it(`refuses a JWKS with more than ${MAX_JWKS_KEYS} keys, an empty one and a non-array one`, async () => {
    const key = (JSON.parse(fixture('keys/cluster-jwks.json')) as { keys: unknown[] }).keys[0];
    expect((await parse(JSON.stringify({ keys: Array.from({ length: MAX_JWKS_KEYS + 1 }, () => key) }))).error?.code).toBe('too-many-keys');
    expect((await parse('{"keys": []}')).error?.code).toBe('no-usable-key');
    expect((await parse('{"keys": {}}')).error?.code).toBe('bad-jwks');
  });

  it('reads an oct JWK as an HMAC secret without showing it', async () => {
    const input = await parse('{"kty":"oct","k":"c2VjcmV0LXNlY3JldA","kid":"h1"}');
    expect(input).toMatchObject({ kind: 'jwk', description: 'JWK: an HMAC secret (oct JWK), kid "h1"' });
    expect(input.candidates[0]?.publicJwk).toEqual({ kty: 'oct', kid: 'h1' });
    expect(JSON.stringify(input)).not.toContain('c2VjcmV0LXNlY3JldA');
  });

  it('never turns JSON into a secret: bad JSON, arrays and other objects are errors', async () => {
    expect(await parse('{"kty": "RSA",')).toMatchObject({ kind: 'unknown', candidates: [], error: { code: 'bad-json' } });
    expect(await parse('[{"kty":"RSA"}]')).toMatchObject({ kind: 'unknown', error: { code: 'not-a-key' } });
    expect(await parse('{"apiVersion":"v1","kind":"Secret"}')).toMatchObject({ kind: 'unknown', error: { code: 'not-a-key' } });
    expect(await parse('{"kty":"RSA","n":"AQAB"}')).toMatchObject({ kind: 'jwk', error: { code: 'bad-jwk', message: expect.stringMatching(/needs "e"/) } });
  });

  it('notes duplicate members', async () => {
    const input = await parse('{"keys": [], "keys": [{"kty":"oct","k":"AAAA"}]}');
    expect(input.notices).toContain('"keys" appears 2 times; the last value is used.');
  });
});

describe('parseKeyInput: secrets and what is not a key', () => {
  it('decodes the secret as chosen', async () => {
    const b64 = await marked('hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG+Onbc6mxCcYg=', 'base64');
    const b64u = await marked('hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg', 'base64url');
    expect(b64.candidates[0]?.secret?.bytes()).toEqual(b64u.candidates[0]?.secret?.bytes());
    expect(b64.description).toBe('HMAC secret: 32 bytes (base64)');
    expect(await marked('hJtX!', 'base64')).toMatchObject({ kind: 'hmac-secret', candidates: [], error: { code: 'bad-secret-encoding' } });
  });

  it('notes a secret shorter than the hash', async () => {
    expect((await marked('short')).notices.join(' ')).toMatch(/5 bytes; RFC 7518 §3.2/);
  });

  it('reads base64 DER without armour as a key, never as a secret', async () => {
    const body = fixture('keys/sa-rsa.pub.pem').replace(/-----[^-]+-----/g, '');
    const input = await parse(body);
    expect(input).toMatchObject({ kind: 'pem', description: 'base64 DER PUBLIC KEY: RSA 2048-bit' });
    expect(kids(input)).toEqual([RSA_KID]);
  });

  it('explains OpenSSH keys and tokens pasted as keys', async () => {
    expect((await parse('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFJ0 me')).error?.code).toBe('openssh-key');
    expect((await parse(fixture('tokens/pod-bound.jwt'))).error?.code).toBe('token-not-key');
  });

  it('says nothing was entered for blank text', async () => {
    expect(await parse(' \n ')).toMatchObject({ kind: 'empty', candidates: [], error: null });
  });

  it(`refuses more than ${MAX_KEY_INPUT_BYTES} bytes of text`, async () => {
    expect((await parse('a'.repeat(MAX_KEY_INPUT_BYTES + 1))).error?.code).toBe('key-input-too-large');
    expect((await parse('é'.repeat(MAX_KEY_INPUT_BYTES / 2 + 1))).error?.code).toBe('key-input-too-large');
  });

  it('resolves, never rejects, when the platform crypto fails', async () => {
    vi.spyOn(globalThis.crypto.subtle, 'digest').mockRejectedValue(new Error('boom'));
    const input = await parse(fixture('keys/sa-rsa.pub.pem'));
    expect(input.candidates).toEqual([]);
    expect(input.error?.message).toMatch(/boom/);
  });
});

// ---- HMAC is never a fallback ---------------------------------------------------------------

describe('parseKeyInput: HMAC is never a fallback', () => {
  it('holds no key for text that is not a key format and is not marked as a secret', async () => {
    const input = await parse(fixture('keys/hmac-secret.txt'));
    expect(input).toMatchObject({ kind: 'unmarked-text', candidates: [], error: null });
    expect(input.description).toContain('“Use this text as an HMAC secret”');
  });

  for (const [name, text] of disguisedKeys()) {
    it(`refuses ${name} as a secret, marked or not, in every encoding`, async () => {
      for (const input of [await parse(text), await marked(text), await marked(text, 'base64'), await marked(text, 'base64url')]) {
        expect(input.candidates).toEqual([]);
        expect(input.error?.code).toBe('key-material-as-secret');
        expect(input.error?.message).toMatch(/never used as an HMAC secret/);
      }
    });
  }

  it('names what the text is and what to paste instead', async () => {
    const text = new Map(disguisedKeys());
    const [base64Pem, hexDer, hexCert, yamlJwks] = ["base64 of a PEM (a Secret's data field)", 'hex DER of a public key', 'hex DER of a certificate, colon-separated', 'a JWKS written as YAML'].map((name) => text.get(name));
    expect((await marked(base64Pem as string)).error?.message).toMatch(/^This is base64 of PEM text, as a Secret's data field holds it\. Decode it first/);
    expect((await marked(hexDer as string)).error?.message).toMatch(/^This is hex of the DER bytes of a public key \(SubjectPublicKeyInfo\)\./);
    expect((await marked(hexCert as string)).error?.message).toMatch(/^This is hex of the DER bytes of a certificate\./);
    expect((await marked(yamlJwks as string)).error?.message).toMatch(/^This is a JWK or JWKS written as YAML\. Convert it to JSON/);
  });

  it('still takes real secrets when marked: text, hex and base64 of random bytes', async () => {
    const random = Buffer.from('849b57219dae48de646d07dbb533566e976686457c1491be3a76dcea6c427188', 'hex');
    for (const [text, encoding] of [
      [fixture('keys/hmac-secret.txt'), 'utf8'],
      [random.toString('hex'), 'utf8'],
      [random.toString('base64'), 'base64'],
      [Buffer.concat([random, random, random]).toString('base64url'), 'base64url'],
      ['keys: my-team-secret', 'utf8'],
    ] as const) {
      const input = await marked(text, encoding);
      expect(input, text).toMatchObject({ kind: 'hmac-secret', error: null });
      expect(input.candidates).toHaveLength(1);
    }
  });

  it('checks the size before anything else', () => {
    expect(refuseOversizedKeyText('a'.repeat(MAX_KEY_INPUT_BYTES))).toBeNull();
    expect(refuseOversizedKeyText('a'.repeat(MAX_KEY_INPUT_BYTES + 1))?.error?.code).toBe('key-input-too-large');
    expect(refuseOversizedKeyText('x'.repeat(20 * MAX_KEY_INPUT_BYTES))?.description).toMatch(/^The key text is over 20480 KiB/);
  });
});

describe('parseKeyInput: properties', () => {
  it('always resolves, and text with PEM armour or JSON never becomes an HMAC secret', async () => {
    const armoured = fc.tuple(fc.string(), fc.constantFrom('-----BEGIN PUBLIC KEY-----', '-----END RSA PRIVATE KEY-----', '-----BEGIN CERTIFICATE'), fc.string()).map((parts) => parts.join(''));
    const json = fc.oneof(fc.json(), fc.string().map((s) => `{${s}`));
    await fc.assert(
      fc.asyncProperty(fc.oneof(armoured, json), fc.constantFrom('utf8', 'base64', 'base64url') as fc.Arbitrary<'utf8' | 'base64' | 'base64url'>, async (text, secretEncoding) => {
        const input = await parseKeyInput(text, { secretEncoding, textIsHmacSecret: true });
        const trimmed = text.trim();
        if (trimmed.startsWith('{') || trimmed.startsWith('[') || /-----(BEGIN|END)/.test(text)) {
          expect(input.kind).not.toBe('hmac-secret');
          expect(input.candidates.every((c) => c.kty !== 'oct' || input.kind === 'jwk' || input.kind === 'jwks')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads any mangled key file without throwing', async () => {
    const pem = fixture('keys/sa-multi.pub.pem');
    await fc.assert(
      fc.asyncProperty(fc.nat(pem.length - 1), fc.string({ maxLength: 3 }), async (at, insert) => {
        const input = await parse(pem.slice(0, at) + insert + pem.slice(at + 1));
        expect(['pem', 'unknown', 'unmarked-text', 'jwk', 'jwks', 'empty']).toContain(input.kind);
      }),
      { numRuns: 200 },
    );
  });
});
