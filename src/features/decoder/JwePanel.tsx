import { Panel } from '../../components/Panel';
import { describeJwe } from '../../core/jws/jwe';

/** A JWE is recognised and explained, never decrypted: that would need the recipient's private key. */
export function JwePanel({ token }: { token: string }) {
  const jwe = describeJwe(token);
  const size = (n: number | null) => (n === null ? 'not base64url' : `${n} bytes`);
  return (
    <Panel id="jwe" title="Encrypted token (JWE)" testId="jwe-panel">
      <div className="space-y-2 text-sm">
        <p>
          This token has five parts, so it is encrypted (RFC 7516), not signed. Its claims can only be read with the recipient’s private key, which this app never asks
          for. Kubernetes never issues encrypted service account tokens; a JWE usually comes from an identity provider or an application.
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-mono text-[13px]">
          <dt className="text-slate-600 dark:text-slate-400">alg</dt>
          <dd>{jwe.alg ?? '(unreadable)'}</dd>
          <dt className="text-slate-600 dark:text-slate-400">enc</dt>
          <dd>{jwe.enc ?? '(unreadable)'}</dd>
          <dt className="text-slate-600 dark:text-slate-400">encrypted key</dt>
          <dd>{size(jwe.sizes.encryptedKey)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">IV</dt>
          <dd>{size(jwe.sizes.iv)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">ciphertext</dt>
          <dd>{size(jwe.sizes.ciphertext)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">tag</dt>
          <dd>{size(jwe.sizes.tag)}</dd>
        </dl>
        {jwe.header && <pre data-testid="header-json" className="font-mono text-[13px] whitespace-pre-wrap">{JSON.stringify(jwe.header, null, 2)}</pre>}
      </div>
    </Panel>
  );
}
