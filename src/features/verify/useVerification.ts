import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DecodedToken } from '../../core/jws/decodeToken';
import { parseKeyInput, type KeyInput } from '../../core/keys/parseKeyInput';
import { validateClaims } from '../../core/verify/validateClaims';
import { verifySignature, type SignatureResult } from '../../core/verify/verifySignature';
import { splitList, type VerifySettings } from './verifySettings';

const keysQuery = (keyText: string, encoding: VerifySettings['secretEncoding']) => ({
  queryKey: ['keys', keyText, encoding] as const,
  queryFn: () => parseKeyInput(keyText, { secretEncoding: encoding }),
});

/**
 * Key parsing and signature checks are WebCrypto work, so they run as queries keyed by the token
 * and the key text: results are cached, and a newer paste never races an older one.
 */
export function useVerification(decoded: DecodedToken, settings: VerifySettings, atSeconds: number) {
  const client = useQueryClient();
  const keys = useQuery(keysQuery(settings.keyText, settings.secretEncoding));
  const signature = useQuery({
    queryKey: ['signature', decoded.token, settings.keyText, settings.secretEncoding] as const,
    queryFn: async (): Promise<SignatureResult> => verifySignature(decoded, await client.fetchQuery(keysQuery(settings.keyText, settings.secretEncoding))),
  });
  const verdict = useMemo(
    () =>
      validateClaims(
        decoded.claims,
        { issuers: splitList(settings.issuersText), audiences: splitList(settings.audiencesText), leewaySeconds: settings.leewaySeconds, nowSeconds: atSeconds },
        signature.data,
      ),
    [decoded.claims, settings.issuersText, settings.audiencesText, settings.leewaySeconds, atSeconds, signature.data],
  );
  return { keys: keys.data as KeyInput | undefined, signature: signature.data, pending: signature.isPending, verdict };
}
