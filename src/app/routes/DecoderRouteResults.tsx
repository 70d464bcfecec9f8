import { memo, useMemo, useState } from 'react';
import type { RecognizedInput } from '../../core/input/inputKinds';
import type { FetchedKeysSource } from '../../core/keys/discovery';
import { decodeToken, type DecodedToken } from '../../core/jws/decodeToken';
import type { AsOf } from '../../features/decoder/AsOfControl';
import { DecoderResults } from '../../features/decoder/DecoderResults';
import { SummaryCard } from '../../features/decoder/SummaryCard';
import { JwePanel } from '../../features/decoder/JwePanel';
import { useNow } from '../../hooks/useNow';
import { KubernetesDetails, KubernetesSummary } from '../../features/kubernetes/KubernetesViews';
import { useKubernetesFacts } from '../../features/kubernetes/useKubernetesFacts';
import { useVerification } from '../../features/verify/useVerification';
import { VerdictHeadline, VerdictPanel } from '../../features/verify/VerdictPanel';
import { VerifyView } from '../../features/verify/VerifyView';
import { overallVerdict } from '../../core/kubernetes/overallVerdict';
import { summarizeToken } from '../../core/kubernetes/tokenSummary';
import type { VerifySettings } from '../../features/verify/verifySettings';

interface DecoderRouteResultsProps {
  recognized: RecognizedInput;
  verify: VerifySettings;
  /** Keys fetched online, with the URL they came from. */
  onUseKeys: (keyText: string, source: FetchedKeysSource) => void;
}

/**
 * The decoder's right-hand column: everything derived from the recognised token. Loaded as its own
 * chunk so the first screen (an empty input) stays small; it is fetched as soon as the browser is
 * idle, or at once on a paste.
 */
function DecoderRouteResults({ recognized, verify, onUseKeys }: DecoderRouteResultsProps) {
  const [asOf, setAsOf] = useState<AsOf>({ mode: 'now' });
  const decoded = useMemo(() => (recognized.token && recognized.kind !== 'jwe' ? decodeToken(recognized.token) : null), [recognized]);
  const nowSeconds = useNow(asOf.mode === 'now');
  const atSeconds = asOf.mode === 'now' ? nowSeconds : asOf.seconds;

  if (recognized.kind === 'jwe' && recognized.token) return <JwePanel token={recognized.token} />;
  if (!decoded) return null;
  return <TokenResults decoded={decoded} recognized={recognized} verify={verify} onUseKeys={onUseKeys} asOf={asOf} atSeconds={atSeconds} nowSeconds={nowSeconds} onAsOfChange={setAsOf} />;
}

// Memoised: a keystroke's urgent render (before the deferred input arrives) then skips all of this.
export default memo(DecoderRouteResults);

interface TokenResultsProps extends DecoderRouteResultsProps {
  decoded: DecodedToken;
  asOf: AsOf;
  atSeconds: number;
  nowSeconds: number;
  onAsOfChange: (asOf: AsOf) => void;
}

function TokenResults({ decoded, recognized, verify, onUseKeys, asOf, atSeconds, nowSeconds, onAsOfChange }: TokenResultsProps) {
  const kubernetes = useKubernetesFacts(decoded, recognized, atSeconds, verify.kubernetesVersion);
  // The same queries VerifyView runs (TanStack Query shares them): the summary and the verdict
  // sit at the top, the verification details lower down.
  const { signature, verdict } = useVerification(decoded, verify, atSeconds);
  const validity = kubernetes.validity;
  const summary = useMemo(
    () => summarizeToken({ classification: kubernetes.classification, validity, lifetime: kubernetes.lifetime, signature, identity: kubernetes.identity, atSeconds, pinned: asOf.mode === 'at' }),
    [kubernetes, validity, signature, atSeconds, asOf.mode],
  );
  const overall = useMemo(() => overallVerdict(verdict, signature?.state), [verdict, signature]);
  return (
    <DecoderResults
      decoded={decoded}
      asOf={asOf}
      atSeconds={atSeconds}
      nowSeconds={nowSeconds}
      onAsOfChange={onAsOfChange}
      summary={<SummaryCard summary={summary} verdict={<VerdictHeadline overall={overall} />} reasons={<VerdictPanel verdict={verdict} overall={overall} />} />}
      footer={<KubernetesDetails facts={kubernetes} atSeconds={atSeconds} />}
    >
      <KubernetesSummary facts={kubernetes} />
      <VerifyView decoded={decoded} settings={verify} atSeconds={atSeconds} onUseKeys={onUseKeys} />
    </DecoderResults>
  );
}
