import { describe, expect, it } from 'vitest';
import { generateSigningKey } from './generateKey';
import { applyKeyToHeader, defaultKidFor, exportLabelsFor } from './headerForKey';
import type { SigningKey } from './signingKey';

const key = async (choice: Parameters<typeof generateSigningKey>[0]): Promise<SigningKey> => {
  const r = await generateSigningKey(choice);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const ec = await key('EC-P-256');
const ec384 = await key('EC-P-384');
const hmac = await key('HMAC-32');
const rsa = await key('RSA-2048');
const kidOf = (k: SigningKey) => defaultKidFor(k) as string;

const applied = (text: string, change: Parameters<typeof applyKeyToHeader>[1]) => {
  const r = applyKeyToHeader(text, change);
  if (!r.ok) throw new Error(r.error.message);
  return JSON.parse(r.value) as Record<string, unknown>;
};

describe('applyKeyToHeader', () => {
  it('sets an alg the key can sign and the Kubernetes kid', () => {
    expect(applied('{"alg":"RS256"}', { key: ec, previousAutoKid: null })).toEqual({ alg: 'ES256', kid: kidOf(ec) });
  });
  it('replaces the kid it wrote before, keeps one the user typed', () => {
    const auto = applied(`{"alg":"ES256","kid":"${kidOf(ec)}"}`, { key: ec384, previousAutoKid: kidOf(ec) });
    expect(auto).toEqual({ alg: 'ES384', kid: kidOf(ec384) });
    expect(applied('{"alg":"ES256","kid":"my-key"}', { key: ec384, previousAutoKid: kidOf(ec) })).toEqual({ alg: 'ES384', kid: 'my-key' });
  });
  it('writes no kid for an HMAC secret unless the user set one', () => {
    expect(applied(`{"alg":"ES256","kid":"${kidOf(ec)}","typ":"JWT"}`, { key: hmac, previousAutoKid: kidOf(ec) })).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(applied('{"alg":"ES256","kid":"shared-1"}', { key: hmac, previousAutoKid: kidOf(ec) })).toEqual({ alg: 'HS256', kid: 'shared-1' });
  });
  it('sets the alg picked by the user', () => {
    expect(applied('{"alg":"RS256"}', { key: rsa, alg: 'PS512', previousAutoKid: null }).alg).toBe('PS512');
  });
  it('leaves invalid JSON alone and says why', () => {
    expect(applyKeyToHeader('{"alg":', { key: ec, previousAutoKid: null })).toMatchObject({ ok: false, error: { segment: 'header' } });
  });
});

describe('exportLabelsFor', () => {
  it('follows the header, falling back to the key', () => {
    expect(exportLabelsFor(ec, { alg: 'ES256', kid: 'custom' })).toEqual({ alg: 'ES256', kid: 'custom' });
    expect(exportLabelsFor(ec, { alg: 'RS256', kid: '' })).toEqual({ alg: 'ES256', kid: kidOf(ec) });
    expect(exportLabelsFor(ec, null)).toEqual({ alg: 'ES256', kid: kidOf(ec) });
    expect(exportLabelsFor(hmac, { alg: 'HS256' })).toEqual({ alg: 'HS256', kid: null });
  });
});
