import { useEffect } from 'react';
import { Disclosure } from '../../components/Disclosure';
import { publicKeySet } from '../../core/keys/publicKeySet';
import { rememberPublicKeys } from '../../lib/rememberedKeys';
import type { DecodedToken } from '../../core/jws/decodeToken';
import { FetchKeysPanel } from './FetchKeysPanel';
import { KeyList } from './KeyList';
import { SignatureDetails } from './SignatureDetails';
import { useVerification } from './useVerification';
import { describeFetchedKeys, type FetchedKeysSource } from '../../core/keys/discovery';
import { fetchedKeysInUse, splitList, type VerifySettings } from './verifySettings';

interface VerifyViewProps {
  decoded: DecodedToken;
  settings: VerifySettings;
  atSeconds: number;
  onUseKeys: (keyText: string, source: FetchedKeysSource) => void;
}

/** Signature details and candidate keys, collapsed under the summary (which holds the verdict). */
export function VerifyView({ decoded, settings, atSeconds, onUseKeys }: VerifyViewProps) {
  const { keys, signature, pending } = useVerification(decoded, settings, atSeconds);
  // Only when the user opted in, and only public keys.
  useEffect(() => {
    if (settings.rememberKeys && keys) rememberPublicKeys(publicKeySet(keys.candidates));
  }, [settings.rememberKeys, keys]);
  const kid = typeof decoded.headerObject?.kid === 'string' ? decoded.headerObject.kid : null;
  const iss = typeof decoded.claims?.iss === 'string' ? decoded.claims.iss : null;
  const fetched = fetchedKeysInUse(settings);
  return (
    <Disclosure id="verify" title="Verification details: keys tried, fetch from the issuer">
      <div className="space-y-3">
        <SignatureDetails result={signature} pending={pending} />
        {keys && keys.kind !== 'empty' && <KeyList keys={keys} result={signature} tokenKid={kid} />}
        {fetched && (
          <p data-testid="fetched-keys-provenance" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            {describeFetchedKeys(fetched, iss)}
          </p>
        )}
        <FetchKeysPanel issuer={iss} expectedIssuers={splitList(settings.issuersText)} onUseKeys={onUseKeys} />
      </div>
    </Disclosure>
  );
}
