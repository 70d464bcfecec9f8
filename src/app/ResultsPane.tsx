import { useMemo, useState } from 'react';
import type { RecognizedInput } from '../core/input/inputKinds';
import { decodeToken } from '../core/jws/decodeToken';
import type { AsOf } from '../features/decoder/AsOfControl';
import { DecoderResults } from '../features/decoder/DecoderResults';
import { JwePanel } from '../features/decoder/JwePanel';
import { useNow } from '../features/decoder/useNow';

/**
 * Everything derived from the recognised token. Loaded as its own chunk so the first screen (an
 * empty input) stays small; it is fetched as soon as the browser is idle, or at once on a paste.
 */
export default function ResultsPane({ recognized }: { recognized: RecognizedInput }) {
  const [asOf, setAsOf] = useState<AsOf>({ mode: 'now' });
  const decoded = useMemo(() => (recognized.token && recognized.kind !== 'jwe' ? decodeToken(recognized.token) : null), [recognized]);
  const nowSeconds = useNow(asOf.mode === 'now');
  const atSeconds = asOf.mode === 'now' ? nowSeconds : asOf.seconds;

  if (recognized.kind === 'jwe' && recognized.token) return <JwePanel token={recognized.token} />;
  if (!decoded) return null;
  return <DecoderResults decoded={decoded} asOf={asOf} atSeconds={atSeconds} nowSeconds={nowSeconds} onAsOfChange={setAsOf} />;
}
