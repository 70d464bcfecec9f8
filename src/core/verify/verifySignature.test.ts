import { constants, createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeToken, type DecodedToken } from '../jws/decodeToken';
import { derBitString, derOid, derSequence, readBitString, readDer, readSequence } from '../keys/der';
import { OID } from '../keys/oids';
import { parseKeyInput, type KeyInput, type KeyInputOptions } from '../keys/parseKeyInput';
import { disguisedKeys } from '../../testing/disguisedKeys';
import { secretCandidate } from '../keys/candidateKey';
import { algorithmSpec, type AlgorithmSpec } from './algorithms';
import { checkSignatureWithKey } from './checkSignatureWithKey';
import { verifySignature, type SignatureResult } from './verifySignature';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8');
const manifest = JSON.parse(fixture('MANIFEST.json')) as {
  keys: Record<string, { kid: string }>;
  tokens: { file: string; signedBy?: string; alg: string; kid?: string }[];
};
const utf8: KeyInputOptions = { secretEncoding: 'utf8' };
/** As with the box "Use this text as an HMAC secret" ticked. */
const markedSecret: KeyInputOptions = { secretEncoding: 'utf8', textIsHmacSecret: true };
const keys = (text: string, options: KeyInputOptions = utf8) => parseKeyInput(text, options);
const verify = async (token: string, keyText: string, options: KeyInputOptions = utf8): Promise<SignatureResult> => verifySignature(decodeToken(token.trim()), await keys(keyText, options));
const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url');
const sec1Of = (file: string) => createPrivateKey(fixture(file)).export({ format: 'pem', type: 'sec1' }) as string;
const jwkFromJwks = (file: string, index: number) => JSON.stringify((JSON.parse(fixture(file)) as { keys: unknown[] }).keys[index]);

/** Signs a compact JWS with node:crypto, independently of the code under test. */
function signJws(header: Record<string, unknown> | string, payload: string, alg: string, key: KeyObject | string | Uint8Array): string {
  const h = typeof header === 'string' ? header : b64u(JSON.stringify(header));
  const input = Buffer.from(`${h}.${b64u(payload)}`);
  const hash = `sha${alg.slice(2)}`;
  let signature: Buffer;
  if (alg.startsWith('HS')) signature = createHmac(hash, key as string).update(input).digest();
  else if (alg.startsWith('RS')) signature = sign(hash, input, key as KeyObject);
  else if (alg.startsWith('PS')) signature = sign(hash, input, { key: key as KeyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 });
  else if (alg.startsWith('ES')) signature = sign(hash, input, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
  else signature = sign(null, input, key as KeyObject);
  return `${input.toString()}.${b64u(signature)}`;
}

const saRsa = createPrivateKey(fixture('keys/sa-rsa.key.pem'));
const RSA_KID = manifest.keys['sa-rsa']?.kid as string;
const EC_KID = manifest.keys['sa-ec']?.kid as string;
const claims = JSON.stringify({ iss: 'https://kubernetes.default.svc.cluster.local', sub: 'system:serviceaccount:default:demo' });

/** RSA-PSS key options; @types/node types saltLength as a string, node takes a number. */
const pssParams = (hash: string, saltLength: number) => ({ modulusLength: 2048, hashAlgorithm: hash, mgf1HashAlgorithm: hash, saltLength: saltLength as unknown as string });

afterEach(() => vi.restoreAllMocks());

// ---- test vectors -------------------------------------------------------------------------

interface Vector {
  id: string;
  token: string | null;
  key: null | { type: string; jwk?: unknown; jwks?: unknown; pem?: string; secret_b64url?: string };
  expect: string;
}

function vectorKeyForms(vector: Vector): [string, string, KeyInputOptions][] {
  const key = vector.key;
  if (!key) return [['no key', '', utf8]];
  const forms: [string, string, KeyInputOptions][] = [];
  if (key.jwk && key.type !== 'secret') forms.push(['jwk', JSON.stringify(key.jwk), utf8]);
  if (key.jwks) forms.push(['jwks', JSON.stringify(key.jwks), utf8]);
  if (key.pem) forms.push(['pem', key.pem, utf8]);
  if (key.type === 'secret') {
    forms.push(['secret (base64url)', key.secret_b64url ?? '', { secretEncoding: 'base64url', textIsHmacSecret: true }]);
    forms.push(['oct jwk', JSON.stringify(key.jwk), utf8]);
  }
  return forms;
}

const kubernetesKidOfPem = (pem: string) => createHash('sha256').update(createPublicKey(pem).export({ format: 'der', type: 'spki' })).digest('base64url');

const vectorFiles = [
  ...readdirSync(new URL('../../../fixtures/vectors', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => `vectors/${f}`),
  ...readdirSync(new URL('../../../fixtures/vectors/derived', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => `vectors/derived/${f}`),
];
const signatureVectors = vectorFiles.map((f) => JSON.parse(fixture(f)) as Vector).filter((v) => v.token !== null);

describe('verifySignature: every vector that carries a token verifies or fails as its file says', () => {
  it('has the vectors', () => {
    expect(signatureVectors.length).toBeGreaterThanOrEqual(22);
  });

  for (const vector of signatureVectors) {
    for (const [form, keyText, options] of vectorKeyForms(vector)) {
      it(`${vector.id} (${form}) → ${vector.expect}`, async () => {
        const result = await verify(vector.token as string, keyText, options);
        switch (vector.expect) {
          case 'valid':
            // Every form, PEM included: a PEM declares no kid, so whatever the token's kid
            // ("bilbo.baggins@hobbiton.example" in RFC 7520), it is tried, as JOSE does.
            expect(result.state, result.message).toBe('verified');
            break;
          case 'invalid':
            // A key that declares another kid is not even tried: no-matching-key.
            expect(['invalid', 'no-matching-key']).toContain(result.state);
            break;
          case 'unsecured':
            expect(result.state).toBe('unsecured');
            break;
          case 'unverifiable':
            expect(result.state).toBe('no-key');
            break;
          case 'reject-not-compact':
            expect(result.state).toBe('error');
            expect(result.message).toMatch(/JSON serialization/);
            break;
          default:
            throw new Error(`unknown expectation ${vector.expect}`);
        }
        if (vector.expect !== 'valid') expect(result.state).not.toBe('verified');
      });
    }
  }

  it('says why the negative vectors fail', async () => {
    const vector = (id: string) => signatureVectors.find((v) => v.id === id) as Vector;
    const confusion = await verify(vector('neg-rfc7515-a1-hs256-token-with-rsa-public-key').token as string, vector('neg-rfc7515-a1-hs256-token-with-rsa-public-key').key?.pem as string);
    expect(confusion).toMatchObject({ state: 'invalid', attempts: [{ outcome: 'incompatible', reason: expect.stringMatching(/never used as an HMAC secret/) }] });
    const curve = vector('neg-rfc7515-a3-es256-token-with-p521-key');
    expect(await verify(curve.token as string, JSON.stringify(curve.key?.jwk))).toMatchObject({ state: 'invalid', attempts: [{ reason: 'key type EC P-521 cannot verify ES256, which needs EC P-256' }] });
    const wrongKey = vector('k8s-derived-legacy-rs256-wrong-key');
    const mismatch = await verify(wrongKey.token as string, wrongKey.key?.pem as string);
    expect(mismatch).toMatchObject({ state: 'invalid', attempts: [{ outcome: 'signature-mismatch' }] });
    expect(mismatch.message).toContain('The pasted key\'s Kubernetes kid is "yEooMTEt7THsoVd-yf2m_0tmtgtZWGhAPFm296R5q18", not the token\'s kid');
    const tampered = vector('neg-rfc7515-a2-tampered-payload');
    expect(await verify(tampered.token as string, JSON.stringify(tampered.key?.jwk))).toMatchObject({ state: 'invalid', attempts: [{ outcome: 'signature-mismatch' }] });
  });

  it('verifies the RFC 7520 4.1-4.3 examples with their PEM-form public key, whose derived kid is not the token kid', async () => {
    for (const id of ['rfc7520-4.1-rs256', 'rfc7520-4.2-ps384', 'rfc7520-4.3-es512']) {
      const vector = signatureVectors.find((v) => v.id === id) as Vector;
      const result = await verify(vector.token as string, vector.key?.pem as string);
      expect(result, id).toMatchObject({ state: 'verified', tokenKid: 'bilbo.baggins@hobbiton.example', matchedKid: kubernetesKidOfPem(vector.key?.pem as string) });
      expect(result.kubernetesSelection).toEqual({ derivedKid: result.matchedKid, tokenKid: 'bilbo.baggins@hobbiton.example', selects: false });
      expect(result.message).toMatch(/the key declares no kid, so it is tried/);
    }
  });

  it('matches a non-Kubernetes kid given by a JWK', async () => {
    const vector = signatureVectors.find((v) => v.id === 'rfc7520-4.1-rs256') as Vector;
    const result = await verify(vector.token as string, JSON.stringify(vector.key?.jwk));
    expect(result).toMatchObject({ state: 'verified', matchedKid: 'bilbo.baggins@hobbiton.example', tokenKid: 'bilbo.baggins@hobbiton.example' });
  });
});

// ---- fixture tokens × key forms ------------------------------------------------------------

const KEY_FORMS: Record<string, [string, () => string, KeyInputOptions?][]> = {
  'sa-rsa': [
    ['SPKI public PEM', () => fixture('keys/sa-rsa.pub.pem')],
    ['certificate', () => fixture('keys/sa-rsa.cert.pem')],
    ['PKCS#1 public', () => fixture('keys/sa-rsa.pkcs1.pub.pem')],
    ['PKCS#1 private (kubeadm sa.key)', () => fixture('keys/sa-rsa.pkcs1.key.pem')],
    ['PKCS#8 private', () => fixture('keys/sa-rsa.key.pem')],
    ['multi-PEM key file', () => fixture('keys/sa-multi.pub.pem')],
    ['cluster JWKS', () => fixture('keys/cluster-jwks.json')],
    ['single JWK', () => jwkFromJwks('keys/cluster-jwks.json', 0)],
  ],
  'sa-ec': [
    ['SPKI public PEM', () => fixture('keys/sa-ec.pub.pem')],
    ['PKCS#8 private', () => fixture('keys/sa-ec.key.pem')],
    ['SEC1 private', () => sec1Of('keys/sa-ec.key.pem')],
    ['multi-PEM key file', () => fixture('keys/sa-multi.pub.pem')],
    ['cluster JWKS', () => fixture('keys/cluster-jwks.json')],
    ['single JWK', () => jwkFromJwks('keys/cluster-jwks.json', 1)],
  ],
  'sa-rsa-rotated-out': [
    ['SPKI public PEM', () => fixture('keys/sa-rsa-rotated-out.pub.pem')],
    ['PKCS#8 private', () => fixture('keys/sa-rsa-rotated-out.key.pem')],
    ['multi-PEM key file', () => fixture('keys/sa-multi.pub.pem')],
  ],
  'other-ed25519': [
    ['SPKI public PEM', () => fixture('keys/other-ed25519.pub.pem')],
    ['PKCS#8 private', () => fixture('keys/other-ed25519.key.pem')],
    ['JWKS', () => fixture('keys/other-jwks.json')],
  ],
  'other-rsa-pss': [
    ['SPKI public PEM', () => fixture('keys/other-rsa-pss.pub.pem')],
    ['PKCS#8 private', () => fixture('keys/other-rsa-pss.key.pem')],
    ['JWKS', () => fixture('keys/other-jwks.json')],
  ],
};

describe('verifySignature: fixture tokens with each key form', () => {
  for (const entry of manifest.tokens.filter((t) => t.signedBy)) {
    for (const [form, text] of KEY_FORMS[entry.signedBy as string] ?? []) {
      it(`${entry.file} with ${entry.signedBy} as ${form} → verified, kid ${entry.kid?.slice(0, 8)}…`, async () => {
        const result = await verify(fixture(entry.file), text());
        expect(result.state, result.message).toBe('verified');
        expect(result.matchedKid).toBe(entry.kid);
        expect(result.matchedKid).toBe(manifest.keys[entry.signedBy as string]?.kid);
        expect(result.alg).toBe(entry.alg);
        expect(result.kubernetesAlgorithm).toBe(['RS256', 'ES256'].includes(entry.alg));
      });
    }
  }

  it('verifies hs256-generic.jwt with hmac-secret.txt marked as a secret, read as UTF-8 (trailing newline trimmed)', async () => {
    const result = await verify(fixture('tokens/hs256-generic.jwt'), fixture('keys/hmac-secret.txt'), markedSecret);
    expect(result).toMatchObject({ state: 'verified', kubernetesAlgorithm: false, matchedKey: { id: 'key-1', label: 'HMAC secret (UTF-8 text)' } });
    expect(result.message).toMatch(/HS256 is not a Kubernetes signing algorithm/);
  });

  it('says which key of a multi-key file matched, and what happened with the others', async () => {
    // PEM blocks declare no kid, so each is tried (JOSE); the one that verifies is the one whose
    // derived kid is the token's, so kube-apiserver would select it too.
    const result = await verify(fixture('tokens/pod-bound.jwt'), fixture('keys/sa-multi.pub.pem'));
    expect(result.matchedKey).toEqual({ id: 'key-2', label: 'PEM block 2 (PUBLIC KEY)' });
    expect(result.attempts.map((a) => [a.label, a.outcome])).toEqual([
      ['PEM block 1 (PUBLIC KEY)', 'signature-mismatch'],
      ['PEM block 2 (PUBLIC KEY)', 'verified'],
      ['PEM block 3 (PUBLIC KEY)', 'incompatible'],
    ]);
    expect(result).toMatchObject({ matchedKid: RSA_KID, kubernetesSelection: { derivedKid: RSA_KID, selects: true } });
  });

  it('reports a tampered payload as invalid', async () => {
    const result = await verify(fixture('tokens/tampered-payload.jwt'), fixture('keys/sa-rsa.pub.pem'));
    expect(result).toMatchObject({ state: 'invalid', attempts: [{ outcome: 'signature-mismatch', reason: 'signature does not match' }] });
    expect(result.message).toMatch(/changed after signing/);
  });

  it('reports a token signed by a key rotated out of the JWKS as no-matching-key, listing the kids present', async () => {
    const result = await verify(fixture('tokens/signed-by-rotated-out-key.jwt'), fixture('keys/cluster-jwks.json'));
    expect(result.state).toBe('no-matching-key');
    expect(result.kidsPresent).toEqual([RSA_KID, EC_KID]);
    expect(result.message).toContain(`No key has the token's kid "${manifest.keys['sa-rsa-rotated-out']?.kid}"`);
    expect(result.message).toContain('invalid signature, no keys found');
    expect(result.attempts.every((a) => a.outcome === 'kid-mismatch' && a.signatureMatchesAnyway !== true)).toBe(true);
  });

  it('reports alg none as unsecured, whatever keys are given', async () => {
    for (const key of ['', fixture('keys/sa-rsa.pub.pem'), fixture('keys/hmac-secret.txt')]) {
      expect((await verify(fixture('tokens/alg-none.jwt'), key)).state).toBe('unsecured');
    }
    const shouty = signJws({ alg: 'NONE' }, claims, 'HS256', 'x');
    expect((await verify(shouty, fixture('keys/hmac-secret.txt'))).state).toBe('unsecured');
  });

  it('never verifies an HS256 token "signed" with the RSA public key PEM text as the HMAC secret', async () => {
    const pemText = fixture('keys/sa-rsa.pub.pem');
    const signingInput = `${b64u(JSON.stringify({ alg: 'HS256', kid: RSA_KID }))}.${b64u(claims)}`;
    const hmacKey = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(pemText), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = await globalThis.crypto.subtle.sign('HMAC', hmacKey, new TextEncoder().encode(signingInput));
    const forged = `${signingInput}.${b64u(new Uint8Array(mac))}`;
    // The forgery is real: the PEM bytes as an HMAC key do verify it…
    expect(await forgeryHolds(forged, pemText)).toBe(true);
    // …but pasted as a key (PEM, JWK, JWKS, base64 DER), in any secret encoding, it never does.
    const spkiBody = pemText.replace(/-----[^-]+-----/g, '');
    for (const keyText of [pemText, pemText.trimEnd(), spkiBody, fixture('keys/cluster-jwks.json'), jwkFromJwks('keys/cluster-jwks.json', 0)]) {
      for (const secretEncoding of ['utf8', 'base64', 'base64url'] as const) {
        const result = await verify(forged, keyText, { secretEncoding });
        expect(result.state).not.toBe('verified');
        expect(result.state).toBe('invalid');
        expect(result.attempts.find((a) => a.outcome !== 'kid-mismatch')?.reason).toMatch(/never used as an HMAC secret/);
      }
    }
  });
});

// ---- HMAC is never a fallback ----------------------------------------------------------------

/** Would these bytes, as an HMAC key, verify the token? The app's own check, without its key parsing. */
async function forgeryHolds(token: string, secret: string): Promise<boolean> {
  const [protectedHeader = '', payload = '', signature = ''] = token.split('.');
  const candidate = secretCandidate(new TextEncoder().encode(secret), { id: 'forged', label: 'forged', fromPrivateKey: false });
  const check = await checkSignatureWithKey({ protected: protectedHeader, payload, signature }, algorithmSpec('HS256') as AlgorithmSpec, candidate, 32);
  return check.outcome === 'match';
}

describe('verifySignature: HMAC only when marked, and never with key material', () => {
  const hs256 = (secret: string | Uint8Array) => signJws({ alg: 'HS256', typ: 'JWT' }, claims, 'HS256', secret);

  for (const [name, text] of disguisedKeys()) {
    it(`never verifies an HS256 token forged with ${name} as the secret`, async () => {
      const forged = hs256(text);
      // The forgery is real: these exact bytes, as an HMAC key, do verify it.
      expect(await forgeryHolds(forged, text)).toBe(true);
      for (const options of [utf8, markedSecret, { secretEncoding: 'base64', textIsHmacSecret: true }, { secretEncoding: 'base64url', textIsHmacSecret: true }] as KeyInputOptions[]) {
        const result = await verify(forged, text, options);
        expect(result.state).toBe('error');
        expect(result.message).toMatch(/never used as an HMAC secret/);
      }
      // Nor when wrapped in an oct JWK or JWKS, which declares itself a secret.
      const octJwk = { kty: 'oct', k: b64u(text) };
      for (const keyText of [JSON.stringify(octJwk), JSON.stringify({ keys: [octJwk] })]) {
        const result = await verify(forged, keyText);
        expect(result.state).toBe('error');
        expect(result.message).toMatch(/its secret \("k"\) is .*never used as an HMAC secret/);
      }
    });
  }

  it('asks for the mark when an HS* token meets unmarked text, and says there is no key for other algorithms', async () => {
    const hs = await verify(fixture('tokens/hs256-generic.jwt'), fixture('keys/hmac-secret.txt'));
    expect(hs.state).toBe('no-key');
    expect(hs.matchedKey).toBeUndefined();
    expect(hs.message).toContain('tick “Use this text as an HMAC secret”');
    const rs = await verify(fixture('tokens/pod-bound.jwt'), fixture('keys/hmac-secret.txt'));
    expect(rs).toMatchObject({ state: 'no-key', message: 'The key text is not a PEM key, certificate, JWK or JWKS, so there is no key for this RS256 signature.' });
  });

  it('warns loudly when a marked secret over 100 bytes verifies, and not for a real one', async () => {
    const long = 'x'.repeat(150);
    const result = await verify(hs256(long), long, markedSecret);
    expect(result.state).toBe('verified');
    expect(result.warnings).toEqual([expect.stringMatching(/150 bytes long\. Real HMAC secrets are short/)]);
    expect((await verify(fixture('tokens/hs256-generic.jwt'), fixture('keys/hmac-secret.txt'), markedSecret)).warnings).toEqual([]);
  });
});

// ---- key selection -------------------------------------------------------------------------

describe('verifySignature: key selection as kube-apiserver does it', () => {
  it('tries every key when the token kid is empty', async () => {
    const token = signJws({ alg: 'RS256', kid: '' }, claims, 'RS256', saRsa);
    const result = await verify(token, fixture('keys/sa-multi.pub.pem'));
    expect(result).toMatchObject({ state: 'verified', tokenKid: '', matchedKid: RSA_KID });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['signature-mismatch', 'verified', 'incompatible']);
    expect(result.message).toMatch(/kid is empty, so every key is tried/);
  });

  it('verifies with a pasted PEM whose derived kid differs, and records that kube-apiserver would not select it', async () => {
    const token = signJws({ alg: 'RS256', kid: 'custom-signer-key-7' }, claims, 'RS256', saRsa);
    const result = await verify(token, fixture('keys/sa-rsa.pub.pem'));
    expect(result).toMatchObject({ state: 'verified', matchedKid: RSA_KID, matchedKey: { label: 'PEM block 1 (PUBLIC KEY)' } });
    expect(result.kubernetesSelection).toEqual({ derivedKid: RSA_KID, tokenKid: 'custom-signer-key-7', selects: false });
    expect(result.notes).toContain(`kube-apiserver selects keys by their derived kid, and this key's ("${RSA_KID}") is not the token's ("custom-signer-key-7"): see the verdict.`);
  });

  it('selects a JWK by its own kid only, as JOSE does, and says when kube-apiserver would pick it by its derived kid', async () => {
    const jwk = { ...(JSON.parse(jwkFromJwks('keys/cluster-jwks.json', 0)) as object), kid: 'my-own-kid' };
    const byOwnKid = await verify(signJws({ alg: 'RS256', kid: 'my-own-kid' }, claims, 'RS256', saRsa), JSON.stringify(jwk));
    expect(byOwnKid).toMatchObject({ state: 'verified', matchedKid: 'my-own-kid', kubernetesSelection: { derivedKid: RSA_KID, selects: false } });
    const byDerivedKid = await verify(signJws({ alg: 'RS256', kid: RSA_KID }, claims, 'RS256', saRsa), JSON.stringify(jwk));
    expect(byDerivedKid.state).toBe('no-matching-key');
    expect(byDerivedKid.matchedKid).toBeUndefined();
    expect(byDerivedKid.attempts).toEqual([expect.objectContaining({ outcome: 'kid-mismatch', keyKid: 'my-own-kid', signatureMatchesAnyway: true })]);
    expect(byDerivedKid.message).toContain('kube-apiserver, which ignores JWK kids, would select it');
  });

  it('respects a JWK\'s alg, use and key_ops', async () => {
    const token = fixture('tokens/pod-bound.jwt');
    const base = JSON.parse(jwkFromJwks('keys/cluster-jwks.json', 0)) as Record<string, unknown>;
    for (const [change, reason] of [
      [{ alg: 'PS256' }, /marked for PS256/],
      [{ use: 'enc' }, /"use" is "enc"/],
      [{ key_ops: ['sign'] }, /do not include "verify"/],
    ] as const) {
      const result = await verify(token, JSON.stringify({ ...base, ...change }));
      expect(result).toMatchObject({ state: 'invalid', attempts: [{ outcome: 'incompatible', reason: expect.stringMatching(reason) }] });
    }
  });

  it('refuses a key of the wrong type for the algorithm', async () => {
    const result = await verify(fixture('tokens/secret-bound.jwt'), JSON.stringify({ ...JSON.parse(jwkFromJwks('keys/cluster-jwks.json', 0)), kid: EC_KID }));
    expect(result).toMatchObject({ state: 'invalid', attempts: [{ outcome: 'incompatible', reason: 'key type RSA cannot verify ES256, which needs an EC P-256 key' }] });
  });
});

// ---- RSA-PSS keys --------------------------------------------------------------------------

describe('verifySignature: RSA-PSS (id-RSASSA-PSS) keys', () => {
  it('verifies PS256 with a key whose SPKI has the PSS OID, which WebCrypto cannot import directly', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
    const pem = publicKey.export({ format: 'pem', type: 'spki' }) as string;
    const token = signJws({ alg: 'PS256' }, 'payload', 'PS256', privateKey);
    expect(await verify(token, pem)).toMatchObject({ state: 'verified', kubernetesAlgorithm: false });
    const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    expect((await verify(token, privatePem)).state).toBe('verified');
  });

  it('refuses RS256 with a PSS-only key, and PS384 with a key whose parameters pin SHA-256', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = new Uint8Array(rsa.publicKey.export({ format: 'der', type: 'spki' }));
    const keyBits = readBitString(readSequence(readDer(spki), 'spki')[1], 'key');
    const pssOnly = derSequence(derSequence(derOid(OID.rsassaPss)), derBitString(keyBits));
    const pssPem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(pssOnly).toString('base64')}\n-----END PUBLIC KEY-----\n`;
    const rs256 = await verify(signJws({ alg: 'RS256' }, 'x', 'RS256', rsa.privateKey), pssPem);
    expect(rs256).toMatchObject({ state: 'invalid', attempts: [{ outcome: 'incompatible', reason: expect.stringMatching(/RSA-PSS key .* the token uses RS256/) }] });
    expect((await verify(signJws({ alg: 'PS256' }, 'x', 'PS256', rsa.privateKey), pssPem)).state).toBe('verified');

    const pinned = generateKeyPairSync('rsa-pss', pssParams('sha256', 32));
    const pinnedPem = pinned.publicKey.export({ format: 'pem', type: 'spki' }) as string;
    expect((await verify(signJws({ alg: 'PS256' }, 'x', 'PS256', pinned.privateKey), pinnedPem)).state).toBe('verified');
    // Refused before any crypto runs, so the signature bytes do not matter (node will not even sign PS384 with this key).
    const ps384Token = `${b64u(JSON.stringify({ alg: 'PS384' }))}.${b64u('x')}.${b64u(new Uint8Array(256))}`;
    const ps384 = await verify(ps384Token, pinnedPem);
    expect(ps384).toMatchObject({ state: 'invalid', attempts: [{ reason: expect.stringMatching(/allow only PS256; the token uses PS384/) }] });
  });
});

// ---- header and token problems -------------------------------------------------------------

describe('verifySignature: headers and tokens that are not verified', () => {
  const pub = fixture('keys/sa-rsa.pub.pem');

  it('does not verify crit extensions it does not understand, or unencoded payloads, even with a valid signature', async () => {
    const critical = signJws({ alg: 'RS256', kid: RSA_KID, crit: ['http://example.com/policy'], 'http://example.com/policy': 'strict' }, claims, 'RS256', saRsa);
    expect(await verify(critical, pub)).toMatchObject({ state: 'unsupported', message: expect.stringMatching(/as critical/) });
    const b64 = signJws({ alg: 'RS256', kid: RSA_KID, b64: false, crit: ['b64'] }, claims, 'RS256', saRsa);
    expect((await verify(b64, pub)).state).toBe('unsupported');
    const emptyCrit = signJws({ alg: 'RS256', kid: RSA_KID, crit: [] }, claims, 'RS256', saRsa);
    expect((await verify(emptyCrit, pub)).state).toBe('error');
  });

  it('does not verify a header with a duplicate member', async () => {
    const header = b64u(`{"alg":"RS256","kid":"${RSA_KID}","alg":"RS256"}`);
    const result = await verify(signJws(header, claims, 'RS256', saRsa), pub);
    expect(result).toMatchObject({ state: 'error', message: expect.stringMatching(/"alg" more than once/) });
  });

  it('says an unknown algorithm is unsupported', async () => {
    const token = `${b64u(JSON.stringify({ alg: 'ES256K' }))}.${b64u(claims)}.${b64u('sig')}`;
    expect(await verify(token, pub)).toMatchObject({ state: 'unsupported', alg: 'ES256K', kubernetesAlgorithm: false });
  });

  it('reports decode errors and loose base64url as errors', async () => {
    const good = fixture('tokens/pod-bound.jwt').trim();
    const [h, p, s] = good.split('.') as [string, string, string];
    expect(await verify(`${h}.${p}.${s.slice(0, 10)}!${s.slice(11)}`, pub)).toMatchObject({ state: 'error', message: expect.stringMatching(/signature is not base64url/) });
    expect(await verify(`${h}.${p}.${s}==`, pub)).toMatchObject({ state: 'error', message: expect.stringMatching(/signature is not strict base64url/) });
    expect(await verify(`${h}.${p}`, pub)).toMatchObject({ state: 'error' });
    expect(await verify(`${b64u('not json')}.${p}.${s}`, pub)).toMatchObject({ state: 'error' });
    expect(await verify(`${h}.${p}.`, pub)).toMatchObject({ state: 'error', message: expect.stringMatching(/no signature/) });
  });

  it('verifies over the raw segments, so a payload that is not JSON still verifies', async () => {
    const token = signJws({ alg: 'RS256', kid: RSA_KID }, 'just text, not JSON', 'RS256', saRsa);
    expect(decodeToken(token).claims).toBeNull();
    expect((await verify(token, pub)).state).toBe('verified');
  });

  it('ignores a key the token carries in its own header', async () => {
    const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = attacker.publicKey.export({ format: 'jwk' });
    const token = signJws({ alg: 'ES256', jwk }, claims, 'ES256', attacker.privateKey);
    const result = await verify(token, fixture('keys/sa-ec.pub.pem'));
    expect(result.state).toBe('invalid');
    expect(result.notes[0]).toMatch(/"jwk"; it is ignored/);
  });
});

describe('verifySignature: key input problems', () => {
  const token = fixture('tokens/pod-bound.jwt');

  it('says no-key when nothing was entered, or only a discovery document', async () => {
    expect(await verify(token, '')).toMatchObject({ state: 'no-key', attempts: [] });
    const discovery = await verify(token, fixture('keys/openid-configuration.json'));
    expect(discovery).toMatchObject({ state: 'no-key', message: expect.stringMatching(/jwks_uri, https:\/\/kubernetes\.default\.svc\/openid\/v1\/jwks/) });
  });

  it('reports an unusable key input as an error', async () => {
    expect(await verify(token, '-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----')).toMatchObject({ state: 'error', message: expect.stringMatching(/The key cannot be used/) });
  });

  it('reports an RSA key under 2048 bits as unusable (error), not as a bad signature', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const result = await verify(signJws({ alg: 'RS256' }, claims, 'RS256', small.privateKey), small.publicKey.export({ format: 'pem', type: 'spki' }) as string);
    expect(result).toMatchObject({ state: 'error', attempts: [{ outcome: 'unusable', reason: expect.stringMatching(/1024 bits/) }] });
  });
});

// ---- failures injected anywhere never end as verified --------------------------------------

describe('verifySignature: injected failures', () => {
  const token = () => decodeToken(fixture('tokens/pod-bound.jwt').trim());
  const rsaKeys = () => keys(fixture('keys/sa-rsa.pub.pem'));

  it('turns a crypto exception into error, not invalid and not verified', async () => {
    vi.spyOn(globalThis.crypto.subtle, 'verify').mockRejectedValue(new DOMException('hardware fault', 'OperationError'));
    const result = await verifySignature(token(), await rsaKeys());
    expect(result).toMatchObject({ state: 'error', attempts: [{ outcome: 'error', reason: expect.stringMatching(/hardware fault/) }] });
  });

  it('turns a failing key import into error', async () => {
    const input = await rsaKeys();
    vi.spyOn(globalThis.crypto.subtle, 'importKey').mockRejectedValue(new Error('import broke'));
    expect((await verifySignature(token(), input)).state).toBe('error');
  });

  it('survives a token object that throws when read', async () => {
    const broken = token();
    Object.defineProperty(broken, 'headerObject', { get: () => { throw new Error('getter exploded'); } });
    const result = await verifySignature(broken, await rsaKeys());
    expect(result).toMatchObject({ state: 'error', message: expect.stringMatching(/getter exploded/), alg: null });
  });

  it('survives a key input that throws when read', async () => {
    const input = await rsaKeys();
    const broken = { ...input, get candidates(): KeyInput['candidates'] { throw new Error('keys exploded'); } } as KeyInput;
    expect((await verifySignature(token(), broken)).state).toBe('error');
  });

  it('survives a candidate whose key material was tampered with', async () => {
    const input = await rsaKeys();
    const tampered: KeyInput = { ...input, candidates: input.candidates.map((c) => ({ ...c, publicJwk: { ...c.publicJwk, n: 'AQAB' } })) };
    const result = await verifySignature(token(), tampered);
    expect(result.state).not.toBe('verified');
  });

  it('never reports verified for a decoded token with errors', async () => {
    const decoded: DecodedToken = { ...token(), errors: [{ code: 'wrong-part-count', segment: 'token', message: 'forced' }] };
    expect(await verifySignature(decoded, await rsaKeys())).toMatchObject({ state: 'error', message: expect.stringMatching(/forced/) });
  });
});

describe('verifySignature: properties', () => {
  it('never verifies a token whose signed part was changed', async () => {
    const token = fixture('tokens/pod-bound.jwt').trim();
    const input = await keys(fixture('keys/cluster-jwks.json'));
    const cut = token.lastIndexOf('.');
    await fc.assert(
      fc.asyncProperty(fc.nat(cut - 1), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), async (at, ch) => {
        fc.pre(token[at] !== ch && token[at] !== '.');
        const changed = token.slice(0, at) + ch + token.slice(at + 1);
        const result = await verifySignature(decodeToken(changed), input);
        expect(result.state).not.toBe('verified');
      }),
      { numRuns: 150 },
    );
  });

  it('resolves for any text as a token', async () => {
    const input = await keys(fixture('keys/sa-multi.pub.pem'));
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        const result = await verifySignature(decodeToken(text), input);
        expect(result.state).not.toBe('verified');
      }),
      { numRuns: 300 },
    );
  });
});
