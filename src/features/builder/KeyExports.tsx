import { useId, useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { publicJwksText, publicKeyPem } from '../../core/builder/exportKeys';
import type { SigningKey } from '../../core/builder/signingKey';
import { CodeBlock } from '../../components/CodeBlock';
import { helpClass } from '../../components/styles';
import { PrivateKeyReveal } from './PrivateKeyReveal';

interface KeyExportsProps {
  signingKey: SigningKey;
  /** alg and kid the exported key carries (they follow the header). */
  labels: { alg: string; kid: string | null };
  /** Changes with every new key, so the private key reveal starts hidden again. */
  keyVersion: number;
}

/** The public key as a verifier wants it (PEM, JWKS with the Kubernetes kid), and the private key on request. */
export function KeyExports({ signingKey, labels, keyVersion }: KeyExportsProps) {
  const id = useId();
  const pem = useMemo(() => (signingKey.kind === 'asymmetric' ? publicKeyPem(signingKey) : null), [signingKey]);
  const kid = labels.kid;
  const jwks = useMemo(
    () => (signingKey.kind === 'asymmetric' ? publicJwksText(signingKey, { alg: labels.alg, kid: kid ?? signingKey.kubernetesKid }) : null),
    [signingKey, labels.alg, kid],
  );

  return (
    <Panel id={`${id}-panel`} title={signingKey.kind === 'asymmetric' ? 'Public key' : 'Verification key'}>
      <div className="space-y-3">
        {pem && jwks ? (
          <>
            <CodeBlock title="JWKS" hint="with the Kubernetes kid, as kubectl get --raw /openid/v1/jwks prints it" text={jwks} testId="builder-jwks" label="the JWKS" wrap />
            {signingKey.kind === 'asymmetric' && kid !== signingKey.kubernetesKid && (
              <p className={helpClass}>
                The JWKS uses the header’s kid "{kid}"; kube-apiserver would publish this key as {signingKey.kubernetesKid}.
              </p>
            )}
            <CodeBlock title="Public key, PEM" hint="SubjectPublicKeyInfo, as in --service-account-key-file" text={pem} testId="builder-public-pem" label="the public key PEM" wrap />
          </>
        ) : (
          <p className="text-sm">An HMAC secret has no public half: whoever verifies the token needs the secret itself. “Open in decoder” hands it over as an oct JWK.</p>
        )}
        <PrivateKeyReveal key={keyVersion} signingKey={signingKey} labels={labels} />
      </div>
    </Panel>
  );
}
