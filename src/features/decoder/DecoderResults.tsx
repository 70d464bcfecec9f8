import { useMemo, type ReactNode } from 'react';
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
  /** Views from other features (signature, Kubernetes) placed between validity and the panels. */
  children?: ReactNode;
  /** Views placed after the claims. */
  footer?: ReactNode;
}

export function DecoderResults({ decoded, asOf, atSeconds, nowSeconds, onAsOfChange, children, footer }: DecoderResultsProps) {
  const validity = useMemo(() => evaluateValidity(decoded.claims, atSeconds), [decoded.claims, atSeconds]);
  const rows = useMemo(() => (decoded.claims ? flattenClaims(decoded.claims) : []), [decoded.claims]);
  return (
    <div className="space-y-4">
      <DecodeErrors errors={decoded.errors} warnings={decoded.warnings} />
      {decoded.claims && <TimePanel claims={decoded.claims} validity={validity} asOf={asOf} nowSeconds={nowSeconds} onAsOfChange={onAsOfChange} />}
      {children}
      <DecodedPanels decoded={decoded} />
      {decoded.headerObject && (
        <Panel id="header-params" title="Header parameters">
          <HeaderParams header={decoded.headerObject} />
        </Panel>
      )}
      {rows.length > 0 && (
        <Panel id="claims" title={`Claims (${rows.length})`}>
          <ClaimsTable rows={rows} nowSeconds={atSeconds} />
        </Panel>
      )}
      {footer}
    </div>
  );
}
