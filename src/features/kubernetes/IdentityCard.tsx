import { CommandBlock, CommandRefused } from '../../components/CommandBlock';
import { kubectlAuthCanIList, type Identity } from '../../core/kubernetes/identity';
import { COMMAND_TEXTS } from '../../core/kubernetes/kubectlCommand';
import { revealInvisible } from '../../core/text/revealInvisible';

function Row({ label, value, testId }: { label: string; value: string | null | undefined; testId?: string }) {
  if (!value) return null;
  return (
    <div className="contents">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd data-testid={testId} className="font-mono text-[13px] break-all">
        {revealInvisible(value).text}
      </dd>
    </div>
  );
}

/** Who the API server will take the caller to be, as RBAC sees it. */
export function IdentityCard({ identity }: { identity: Identity }) {
  const canI = kubectlAuthCanIList(identity);
  const extra = Object.entries(identity.extra);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {/* The username (and its hook) is in the summary card. */}
        <Row label="UID" value={identity.uid} testId="identity-uid" />
        <Row label="Namespace" value={identity.namespace} testId="identity-namespace" />
        <Row label="Service account" value={identity.serviceAccount} testId="identity-serviceaccount" />
        <Row label="Pod" value={identity.pod?.name} testId="identity-pod" />
        <Row label="Node" value={identity.node?.name} testId="identity-node" />
        <Row label="Secret" value={identity.secret?.name} testId="identity-secret" />
        <dt className="text-slate-600 dark:text-slate-400">Groups</dt>
        <dd>
          <ul className="font-mono text-[13px]">
            {identity.groups.map((g) => (
              <li key={g} data-testid="identity-group">
                {revealInvisible(g).text}
              </li>
            ))}
          </ul>
        </dd>
        {extra.length > 0 && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Extra</dt>
            <dd>
              <ul className="font-mono text-[13px] break-all">
                {extra.map(([key, values]) => (
                  <li key={key} data-testid="identity-extra" data-key={key}>
                    {key}: {values.map((v) => revealInvisible(v).text).join(', ')}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {identity.problems.length > 0 && (
        <ul className="space-y-1 text-sm text-rose-900 dark:text-rose-200">
          {identity.problems.map((p) => (
            <li key={p.code + p.message} data-testid="identity-problem" data-code={p.code}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {canI && (
        <div className="space-y-1">
          <p className="text-sm">What may it do? Ask the cluster, as this identity:</p>
          {canI.ok ? (
            <CommandBlock text={canI.value} label="the kubectl auth can-i command" language="shell" testId="can-i-command" />
          ) : (
            <CommandRefused message={canI.error.message} testId="can-i-refused" />
          )}
          <p className="text-xs text-slate-600 dark:text-slate-400">{COMMAND_TEXTS.assumptions}</p>
        </div>
      )}
    </div>
  );
}
