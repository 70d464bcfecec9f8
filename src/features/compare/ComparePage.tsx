import { useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { Panel } from '../../components/Panel';
import { textareaClass } from '../../components/styles';
import { compareClaims, summarizeComparison } from '../../core/kubernetes/compareClaims';
import { useNow } from '../../hooks/useNow';
import { CompareSummary } from './CompareSummary';
import { CompareTable } from './CompareTable';
import { useComparedToken } from './useComparedToken';

/** Two tokens side by side (route #compare): kind, identity and times, then a claim-by-claim diff. */
export default function ComparePage() {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const now = useNow(true);
  const left = useComparedToken(a, now);
  const right = useComparedToken(b, now);
  const rows = useMemo(() => (left.decoded || right.decoded ? compareClaims(left.decoded?.claims ?? null, right.decoded?.claims ?? null) : []), [left.decoded, right.decoded]);
  const headerRows = useMemo(
    () => (left.decoded || right.decoded ? compareClaims(left.decoded?.headerObject ?? null, right.decoded?.headerObject ?? null, 'header') : []),
    [left.decoded, right.decoded],
  );
  const counts = summarizeComparison(rows);

  const loadBlogPair = async () => {
    const { BLOG_SAMPLE_TEXTS } = await import('../../core/samples/blogSampleTexts');
    setA(BLOG_SAMPLE_TEXTS['v1.20-legacy'] ?? '');
    setB(BLOG_SAMPLE_TEXTS['v1.24-projected'] ?? '');
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">Compare two tokens</h2>
        <Button data-testid="compare-blog-pair" onClick={loadBlogPair}>
          Compare the blog post’s v1.20 and v1.24 tokens
        </Button>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {(
          [
            ['A', a, setA, left],
            ['B', b, setB, right],
          ] as const
        ).map(([side, value, set, token]) => (
          <div key={side} className="min-w-0 space-y-2">
            <label className="block text-sm font-semibold" htmlFor={`compare-${side}`}>
              Token {side}
            </label>
            <textarea id={`compare-${side}`} data-testid={`compare-${side.toLowerCase()}`} value={value} onChange={(e) => set(e.target.value)} rows={5} spellCheck={false} className={`${textareaClass} break-all`} />
            <CompareSummary side={side} token={token} nowSeconds={now} />
          </div>
        ))}
      </div>
      {rows.length > 0 && (
        <Panel id="diff" title={`Differences: ${counts.changed} changed, ${counts.removed} only in A, ${counts.added} only in B, ${counts.same} same`}>
          <div className="space-y-4">
            <CompareTable rows={rows} caption="Payload claims" />
            <CompareTable rows={headerRows} caption="Header" testId="compare-header-row" />
          </div>
        </Panel>
      )}
    </div>
  );
}
