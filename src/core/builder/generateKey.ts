/**
 * Key generation in the browser (WebCrypto through jose). Keys are generated extractable so the
 * user can export the private key when they ask; nothing is stored or sent anywhere.
 */
import { exportJWK, generateKeyPair } from 'jose';
import { describeKeyError } from '../keys/keyFormatError';
import { fail, ok, type Result } from '../result';
import { asymmetricSigningKey, secretSigningKey } from './makeSigningKey';
import type { SigningKey } from './signingKey';

export type KeyChoice = 'RSA-2048' | 'RSA-3072' | 'RSA-4096' | 'EC-P-256' | 'EC-P-384' | 'EC-P-521' | 'Ed25519' | 'HMAC-32' | 'HMAC-48' | 'HMAC-64';

export interface KeyChoiceInfo {
  value: KeyChoice;
  label: string;
  group: 'RSA' | 'EC' | 'EdDSA' | 'HMAC';
}

export const KEY_CHOICES: readonly KeyChoiceInfo[] = [
  { value: 'RSA-2048', label: 'RSA 2048 (kubeadm’s sa.key)', group: 'RSA' },
  { value: 'RSA-3072', label: 'RSA 3072', group: 'RSA' },
  { value: 'RSA-4096', label: 'RSA 4096 (slow to generate)', group: 'RSA' },
  { value: 'EC-P-256', label: 'EC P-256 (ES256)', group: 'EC' },
  { value: 'EC-P-384', label: 'EC P-384 (ES384)', group: 'EC' },
  { value: 'EC-P-521', label: 'EC P-521 (ES512)', group: 'EC' },
  { value: 'Ed25519', label: 'Ed25519 (EdDSA)', group: 'EdDSA' },
  { value: 'HMAC-32', label: 'HMAC secret, 32 bytes (HS256)', group: 'HMAC' },
  { value: 'HMAC-48', label: 'HMAC secret, 48 bytes (HS384)', group: 'HMAC' },
  { value: 'HMAC-64', label: 'HMAC secret, 64 bytes (HS512)', group: 'HMAC' },
];

export const isKeyChoice = (value: string): value is KeyChoice => KEY_CHOICES.some((c) => c.value === value);

/** The jose algorithm whose key shape is generated, plus its options. */
const GENERATION: Record<Exclude<KeyChoice, `HMAC-${string}`>, { alg: string; modulusLength?: number }> = {
  'RSA-2048': { alg: 'RS256', modulusLength: 2048 },
  'RSA-3072': { alg: 'RS256', modulusLength: 3072 },
  'RSA-4096': { alg: 'RS256', modulusLength: 4096 },
  'EC-P-256': { alg: 'ES256' },
  'EC-P-384': { alg: 'ES384' },
  'EC-P-521': { alg: 'ES512' },
  Ed25519: { alg: 'EdDSA' },
};

const SOURCE = 'generated in this browser';

export async function generateSigningKey(choice: KeyChoice): Promise<Result<SigningKey>> {
  try {
    if (choice.startsWith('HMAC-')) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(Number(choice.slice('HMAC-'.length))));
      return ok(secretSigningKey(bytes, { source: SOURCE }));
    }
    const { alg, modulusLength } = GENERATION[choice as keyof typeof GENERATION];
    const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(modulusLength && { modulusLength }), ...(alg === 'EdDSA' && { crv: 'Ed25519' }) });
    return ok(await asymmetricSigningKey(await exportJWK(privateKey), { source: SOURCE }));
  } catch (error) {
    return fail({ code: 'generate-failed', message: `The browser could not generate the key: ${describeKeyError(error)}.` });
  }
}
