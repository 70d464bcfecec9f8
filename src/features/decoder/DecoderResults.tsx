import { useMemo, type ReactNode } from 'react';
import { Disclosure } from '../../components/Disclosure';
import { Panel } from '../../components/Panel';
import { flattenClaims } from '../../core/claims/flattenClaims';
import type { DecodedToken } from '../../core/jws/decodeToken';
import { evaluateValidity } from '../../core/time/validity';
import type { AsOf } from './AsOfControl';
import { ClaimsTable } from './ClaimsTable';
import { DecodedPanels } from './DecodedPanels';
import { DecodeErrors } from './DecodeErrors';
import { HeaderParams } from './HeaderParams';
import { TimePanel } from './TimePanel';

interface DecoderResultsProps {
  decoded: DecodedToken;
  asOf: AsOf;
  /** The instant everything is evaluated at (now, or the chosen one). */
  atSeconds: number;
  nowSeconds: number;
  onAsOfChange: (asOf: AsOf) => void;
  /** The summary card (verdict, kind, time, signature, identity), first under any decode error. */
  summary?: ReactNode;
  /** Views from other features (findings, identity, verification) placed after the claims. */
  children?: ReactNode;
  /** Views placed last (lifetime, migration). */
  footer?: ReactNode;
}

/**
 * The results, jwt.io's way round: the summary, then header, payload and claims at once; the
 * explanations follow, the long ones collapsed (one click each, their hooks still in the page).
 */
export function DecoderResults({ decoded, asOf, atSeconds, nowSeconds, onAsOfChange, summary, children, footer }: DecoderResultsProps) {
  const validity = useMemo(() => evaluateValidity(decoded.claims, atSeconds), [decoded.claims, atSeconds]);
  const rows = useMemo(() => (decoded.claims ? flattenClaims(decoded.claims) : []), [decoded.claims]);
  return (
    <div className="space-y-4">
      <DecodeErrors errors={decoded.errors} warnings={decoded.warnings} />
      {summary}
      <DecodedPanels decoded={decoded} />
      {rows.length > 0 && (
        <Panel id="claims" title={`Claims (${rows.length})`}>
          <ClaimsTable rows={rows} nowSeconds={atSeconds} />
        </Panel>
      )}
      {children}
      {decoded.claims && (
        <Disclosure id="time" title="Time: details, or judge at another instant">
          <TimePanel claims={decoded.claims} validity={validity} asOf={asOf} nowSeconds={nowSeconds} onAsOfChange={onAsOfChange} />
        </Disclosure>
      )}
      {decoded.headerObject && (
        <Disclosure id="header-params" title="Header parameters explained">
          <HeaderParams header={decoded.headerObject} />
        </Disclosure>
      )}
      {footer}
    </div>
  );
}
