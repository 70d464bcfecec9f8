import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { parseKeyInput } from '../keys/parseKeyInput';
import { classifyToken } from '../kubernetes/classifyToken';
import { verifySignature } from '../verify/verifySignature';
import { manifest, readFixture } from '../../testing/fixtures';
import { publicJwksText, publicKeyPem, secretJwkText } from './exportKeys';
import { generateSigningKey, type KeyChoice } from './generateKey';
import { defaultKidFor, exportLabelsFor } from './headerForKey';
import { importPrivateKey } from './importPrivateKey';
import { compactJsonText } from './jsonText';
import { signToken } from './signToken';
import type { SigningKey } from './signingKey';
import { TEMPLATE_IDS, templateHeaderText, templatePayloadText, type TemplateId } from './templates';

const NOW = Math.floor(Date.now() / 1000);
const KIDS = manifest().keys;
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const CHOICES: KeyChoice[] = ['RSA-2048', 'EC-P-256', 'EC-P-384', 'EC-P-521', 'Ed25519', 'HMAC-32', 'HMAC-48', 'HMAC-64'];
const keys = Object.fromEntries(await Promise.all(CHOICES.map(async (c) => [c, unwrap(await generateSigningKey(c))] as const))) as Record<KeyChoice, SigningKey>;

/** Which keys and algorithms each template is signed with: Kubernetes shapes with what kube-apiserver uses (and PSS), generic with everything. */
function casesFor(id: TemplateId): [KeyChoice, string][] {
  const choices: KeyChoice[] = id === 'generic' ? CHOICES : ['RSA-2048', 'EC-P-256', 'EC-P-384', 'EC-P-521'];
  return choices.flatMap((c) => keys[c].algorithms.filter((alg) => id === 'generic' || alg !== 'PS384').map((alg) => [c, alg] as [KeyChoice, string]));
}

/** The key text the user would hand to a verifier: the JWKS (or the PEM), or the secret's JWK. */
function verifierKeyTexts(key: SigningKey, header: Record<string, unknown>): string[] {
  const labels = exportLabelsFor(key, header);
  if (key.kind === 'secret') return [secretJwkText(key, labels)];
  return [publicJwksText(key, { alg: labels.alg, kid: labels.kid as string }), publicKeyPem(key)];
}

async function verifiedWith(token: string, keyText: string) {
  return verifySignature(decodeToken(token), await parseKeyInput(keyText, { secretEncoding: 'utf8' }));
}

describe('every template signs and verifies with every key that fits it', () => {
  it.each(TEMPLATE_IDS.map((id) => [id]))('%s', { timeout: 30_000 }, async (id) => {
    const payloadText = templatePayloadText(id, { nowSeconds: NOW });
    for (const [choice, alg] of casesFor(id)) {
      const key = keys[choice];
      const headerText = templateHeaderText(id, alg, defaultKidFor(key));
      const signed = unwrap(await signToken({ headerText, payloadText, key }));
      const decoded = decodeToken(signed.token);
      expect(signed.token.split('.'), `${choice} ${alg}`).toHaveLength(3);
      expect(decoded.headerObject).toEqual(JSON.parse(headerText));
      expect(classifyToken(decoded).kind).toBe(id === 'generic' ? 'not-kubernetes' : id);
      for (const keyText of verifierKeyTexts(key, signed.header)) {
        const result = await verifiedWith(signed.token, keyText);
        expect(result.state, `${id} ${choice} ${alg}: ${result.message}`).toBe('verified');
      }
    }
  });

  it('the pod-bound token is extended, with warnafter = iat + 3607 and exp = iat + 1 year', async () => {
    const key = keys['RSA-2048'];
    const signed = unwrap(await signToken({ headerText: templateHeaderText('pod-bound', 'RS256', defaultKidFor(key)), payloadText: templatePayloadText('pod-bound', { nowSeconds: NOW }), key }));
    const decoded = decodeToken(signed.token);
    expect(classifyToken(decoded)).toMatchObject({ kind: 'pod-bound', extended: true });
    const claims = decoded.claims as { iat: number; exp: number; 'kubernetes.io': { warnafter: number } };
    expect(claims['kubernetes.io'].warnafter - claims.iat).toBe(3607);
    expect(claims.exp - claims.iat).toBe(31_536_000);
  });

  it('a node verifier agrees (RS256 over the exact signing input)', async () => {
    const key = keys['RSA-2048'];
    if (key.kind !== 'asymmetric') throw new Error('expected RSA');
    const signed = unwrap(await signToken({ headerText: '{"alg":"RS256"}', payloadText: '{"sub":"x"}', key }));
    const [h, p, s] = signed.token.split('.') as [string, string, string];
    expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), createPublicKey(publicKeyPem(key)), Buffer.from(s, 'base64url'))).toBe(true);
  });
});

describe('the kid', () => {
  it('defaults to the Kubernetes kid for key pairs and is absent for HMAC', async () => {
    const ec = keys['EC-P-256'];
    const signed = unwrap(await signToken({ headerText: templateHeaderText('unbound', 'ES256', defaultKidFor(ec)), payloadText: '{}', key: ec }));
    expect(signed.kid).toBe(ec.kind === 'asymmetric' && ec.kubernetesKid);
    const jwks = JSON.parse(verifierKeyTexts(ec, signed.header)[0] as string) as { keys: { kid: string }[] };
    expect(jwks.keys[0]?.kid).toBe(signed.kid);
    const hmac = keys['HMAC-32'];
    const secretSigned = unwrap(await signToken({ headerText: templateHeaderText('generic', 'HS256', defaultKidFor(hmac)), payloadText: '{}', key: hmac }));
    expect(decodeToken(secretSigned.token).headerObject).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('a kid the user typed is signed, noted, and carried by the exported JWKS so the round trip verifies', async () => {
    const ec = keys['EC-P-256'];
    const signed = unwrap(await signToken({ headerText: '{"alg":"ES256","kid":"my-key"}', payloadText: '{"sub":"x"}', key: ec }));
    expect(signed.notes.join(' ')).toContain('"my-key" is not this key\'s Kubernetes kid');
    expect((await verifiedWith(signed.token, verifierKeyTexts(ec, signed.header)[0] as string)).state).toBe('verified');
  });
});

describe('pasted fixture keys sign tokens that verify against the fixture public keys', () => {
  it.each([
    ['keys/sa-rsa.key.pem', 'keys/sa-rsa.pub.pem', 'sa-rsa', 'pod-bound'],
    ['keys/sa-rsa.pkcs1.key.pem', 'keys/sa-rsa.pub.pem', 'sa-rsa', 'legacy'],
    ['keys/sa-ec.key.pem', 'keys/sa-ec.pub.pem', 'sa-ec', 'secret-bound'],
    ['keys/other-ed25519.key.pem', 'keys/other-ed25519.pub.pem', 'other-ed25519', 'generic'],
  ] as const)('%s', async (privateFile, publicFile, name, template) => {
    const key = unwrap(await importPrivateKey(readFixture(privateFile)));
    const alg = key.algorithms[0] as string;
    expect(alg).toBe(KIDS[name]?.alg);
    const signed = unwrap(await signToken({ headerText: templateHeaderText(template, alg, defaultKidFor(key)), payloadText: templatePayloadText(template, { nowSeconds: NOW }), key }));
    expect(signed.kid).toBe(KIDS[name]?.kid);
    const result = await verifiedWith(signed.token, readFixture(publicFile));
    expect(result.state, result.message).toBe('verified');
    if (name !== 'other-ed25519') expect((await verifiedWith(signed.token, readFixture('keys/cluster-jwks.json'))).state).toBe('verified');
  });
});

describe('what is signed is what was typed', () => {
  const key = keys['EC-P-256'];
  const payloadText = '{\n  "sub": "a b",\n  "n": 1.50e3,\n  "esc": "\\u0041",\n  "sub": "dup"\n}';

  it('compact: only whitespace between tokens is removed', async () => {
    const signed = unwrap(await signToken({ headerText: '{"alg":"ES256"}', payloadText, key }));
    const payload = Buffer.from(signed.token.split('.')[1] as string, 'base64url').toString();
    expect(payload).toBe('{"sub":"a b","n":1.50e3,"esc":"\\u0041","sub":"dup"}');
    expect(payload).toBe(compactJsonText(payloadText));
    expect(signed.notes.join(' ')).toContain('The payload has "sub" 2 times');
  });
  it('as typed: the exact bytes, and it still verifies', async () => {
    const signed = unwrap(await signToken({ headerText: '{"alg":"ES256"}', payloadText, key, payloadLayout: 'as-typed' }));
    expect(Buffer.from(signed.token.split('.')[1] as string, 'base64url').toString()).toBe(payloadText);
    expect((await verifiedWith(signed.token, verifierKeyTexts(key, signed.header)[0] as string)).state).toBe('verified');
  });
  it('the header is the edited object; a re-spelling by jose is pointed out', async () => {
    const signed = unwrap(await signToken({ headerText: '{ "alg": "ES256", "x": 1.0 }', payloadText: '{}', key }));
    expect(Buffer.from(signed.token.split('.')[0] as string, 'base64url').toString()).toBe('{"alg":"ES256","x":1}');
    expect(signed.notes.join(' ')).toContain('jose wrote the header as {"alg":"ES256","x":1}');
  });
  it('notes a Kubernetes-shaped token signed with an algorithm Kubernetes never uses', async () => {
    const ed = keys.Ed25519;
    const signed = unwrap(await signToken({ headerText: '{"alg":"EdDSA"}', payloadText: templatePayloadText('unbound', { nowSeconds: NOW }), key: ed }));
    expect(signed.notes.join(' ')).toContain('kube-apiserver signs only with RS256 or ES256/ES384/ES512');
  });
});

describe('refusals', () => {
  const rsa = keys['RSA-2048'];
  const refused = async (request: Parameters<typeof signToken>[0]) => {
    const result = await signToken(request);
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  };

  it('alg and key mismatches, with what would fit', async () => {
    expect(await refused({ headerText: '{"alg":"ES256"}', payloadText: '{}', key: rsa })).toMatchObject({
      code: 'alg-key-mismatch',
      message: expect.stringContaining('This key signs RS256, RS384, RS512, PS256, PS384, PS512.'),
    });
    expect(await refused({ headerText: '{"alg":"HS256"}', payloadText: '{}', key: rsa })).toMatchObject({ code: 'alg-key-mismatch', message: expect.stringContaining('algorithm confusion') });
    expect(await refused({ headerText: '{"alg":"RS256"}', payloadText: '{}', key: keys['HMAC-32'] })).toMatchObject({ code: 'alg-key-mismatch' });
    expect(await refused({ headerText: '{"alg":"ES512"}', payloadText: '{}', key: keys['EC-P-256'] })).toMatchObject({ code: 'alg-curve-mismatch' });
    expect(await refused({ headerText: '{"alg":"HS512"}', payloadText: '{}', key: keys['HMAC-32'] })).toMatchObject({ code: 'secret-too-short' });
    expect(await refused({ headerText: '{"alg":"none"}', payloadText: '{}', key: rsa })).toMatchObject({ code: 'alg-none' });
    expect(await refused({ headerText: '{"typ":"JWT"}', payloadText: '{}', key: rsa })).toMatchObject({ code: 'no-alg' });
  });

  it('invalid JSON, with its segment and position', async () => {
    const error = await refused({ headerText: '{"alg":"RS256"}', payloadText: '{\n  "sub": "a"\n  "iat": 1\n}', key: rsa });
    expect(error).toMatchObject({ code: 'json-syntax', segment: 'payload', line: 3, column: 3 });
    expect(error.message).toMatch(/^The payload is not valid JSON: .*line 3, column 3/);
    expect(await refused({ headerText: '{"alg":"RS256",}', payloadText: '{}', key: rsa })).toMatchObject({ code: 'json-syntax', segment: 'header', offset: 15 });
    expect(await refused({ headerText: '{"alg":"RS256"}', payloadText: '"just a string"', key: rsa })).toMatchObject({ code: 'not-an-object', segment: 'payload' });
  });

  it('no key, b64:false and what jose will not sign', async () => {
    expect(await refused({ headerText: '{"alg":"RS256"}', payloadText: '{}', key: null })).toMatchObject({ code: 'no-key' });
    expect(await refused({ headerText: '{"alg":"RS256","b64":false,"crit":["b64"]}', payloadText: '{}', key: rsa })).toMatchObject({ code: 'b64-false' });
    expect(await refused({ headerText: '{"alg":"RS256","crit":["exp"]}', payloadText: '{}', key: rsa })).toMatchObject({ code: 'sign-failed', message: expect.stringContaining('"exp" is not recognized') });
  });
});
