import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DecodedToken } from '../../core/jws/decodeToken';
import { parseKeyInput, refuseOversizedKeyText, type KeyInput, type KeyInputOptions } from '../../core/keys/parseKeyInput';
import { apiServerVerdictAcrossVersions } from '../../core/kubernetes/versionedVerdict';
import { verifySignature, type SignatureResult } from '../../core/verify/verifySignature';
import { useTextDigest } from '../../hooks/useTextDigest';
import { splitList, type VerifySettings } from './verifySettings';

/**
 * The key query, named by a digest of the key text (never the text: a megabyte in a query key is
 * copied and hashed on every render). Text over the size cap never gets that far: it is refused
 * before a digest or a key is made.
 */
function keysQuery(keyText: string, keyName: string | null, options: KeyInputOptions) {
  return {
    queryKey: ['keys', keyName, options.secretEncoding, options.textIsHmacSecret === true] as const,
    queryFn: (): Promise<KeyInput> => parseKeyInput(keyText, options),
    enabled: keyName !== null,
  };
}

/**
 * Key parsing and signature checks are WebCrypto work, so they run as queries keyed by the token
 * and a digest of the key text: results are cached, and a newer paste never races an older one.
 */
export function useVerification(decoded: DecodedToken, settings: VerifySettings, atSeconds: number) {
  const client = useQueryClient();
  const { keyText } = settings;
  const oversized = useMemo(() => refuseOversizedKeyText(keyText) !== null, [keyText]);
  const digest = useTextDigest(oversized ? '' : keyText);
  // Oversized texts all read the same way ("too large"), so their size is name enough.
  const keyName = oversized ? `oversized:${keyText.length}` : digest;
  const options: KeyInputOptions = { secretEncoding: settings.secretEncoding, textIsHmacSecret: settings.keyIsHmac };
  const keys = useQuery(keysQuery(keyText, keyName, options));
  const signature = useQuery({
    queryKey: ['signature', decoded.token, keyName, options.secretEncoding, options.textIsHmacSecret] as const,
    queryFn: async (): Promise<SignatureResult> => verifySignature(decoded, await client.fetchQuery(keysQuery(keyText, keyName, options))),
    enabled: keyName !== null,
  });
  const verdict = useMemo(
    () =>
      apiServerVerdictAcrossVersions(
        decoded.claims,
        {
          issuers: splitList(settings.issuersText),
          audiences: splitList(settings.audiencesText),
          leewaySeconds: settings.leewaySeconds,
          nowSeconds: atSeconds,
          version: settings.kubernetesVersion,
          ...settings.cluster,
        },
        signature.data,
      ),
    [decoded.claims, settings.issuersText, settings.audiencesText, settings.leewaySeconds, settings.kubernetesVersion, settings.cluster, atSeconds, signature.data],
  );
  return { keys: keys.data, signature: signature.data, pending: signature.isPending, verdict };
}
