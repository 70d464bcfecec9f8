import { useState } from 'react';
import { privateJwkText, privateKeyPkcs8Pem, secretJwkText } from '../../core/builder/exportKeys';
import type { SigningKey } from '../../core/builder/signingKey';
import type { Problem } from '../../core/result';
import { Button } from '../../components/Button';
import { CodeBlock } from '../../components/CodeBlock';
import { errorClass } from '../../components/styles';

interface PrivateKeyRevealProps {
  signingKey: SigningKey;
  labels: { alg: string; kid: string | null };
}

type Shown = { pem: string | null; problem: Problem | null } | null;

/**
 * The private key (or HMAC secret), only after an explicit click and under a warning. Remounted
 * for every new key (the parent keys it), so a shown key never stays on screen for the next one.
 */
export function PrivateKeyReveal({ signingKey, labels }: PrivateKeyRevealProps) {
  const [shown, setShown] = useState<Shown>(null);
  const secret = signingKey.kind === 'secret';
  const what = secret ? 'secret' : 'private key';

  const show = async () => {
    if (signingKey.kind === 'secret') return setShown({ pem: null, problem: null });
    const pem = await privateKeyPkcs8Pem(signingKey);
    setShown(pem.ok ? { pem: pem.value, problem: null } : { pem: null, problem: pem.error });
  };

  if (!shown) {
    return (
      <Button data-testid="builder-show-private" aria-expanded={false} onClick={() => void show()}>
        Show {what}…
      </Button>
    );
  }
  return (
    <div data-testid="builder-private-key" className="space-y-2">
      <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
        This is the {what}. Whoever has it can sign tokens that every verifier trusting this key accepts. It was made in, and never left, this tab; keep it
        like a password and do not use it for a real cluster.
      </p>
      <Button aria-expanded={true} onClick={() => setShown(null)}>
        Hide {what}
      </Button>
      {shown.problem && <p className={errorClass}>{shown.problem.message}</p>}
      {shown.pem && <CodeBlock title="Private key, PEM" hint="PKCS#8, as openssl pkey writes it" text={shown.pem} testId="builder-private-pem" label="the private key PEM" wrap />}
      {signingKey.kind === 'asymmetric' ? (
        <CodeBlock title="Private key, JWK" text={privateJwkText(signingKey, { alg: labels.alg, kid: labels.kid ?? signingKey.kubernetesKid })} testId="builder-private-jwk" label="the private JWK" wrap />
      ) : (
        <CodeBlock title="Secret, oct JWK" text={secretJwkText(signingKey, labels)} testId="builder-secret-jwk" label="the secret as a JWK" wrap />
      )}
    </div>
  );
}
