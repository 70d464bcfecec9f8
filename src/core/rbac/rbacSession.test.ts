import { describe, expect, it } from 'vitest';
import { clusterText, parseYaml } from '../../testing/rbacFixtures';
import { parseSubject } from './accessSubject';
import { createRbacSession, type RbacResponse } from './rbacSession';

function session() {
  const messages: RbacResponse[] = [];
  const s = createRbacSession({ post: (m) => messages.push(m), parseYaml, now: () => 0 });
  return { s, messages };
}
const demo = (() => {
  const r = parseSubject('default/sa-token-demo');
  if (!r.ok) throw new Error();
  return r.value;
})();

describe('createRbacSession', () => {
  it('loads a dump sent in parts, with progress, then answers questions about it', () => {
    const { s, messages } = session();
    const text = clusterText();
    const half = Math.floor(text.length / 2);
    s.handle({ type: 'text-part', runId: 1, part: text.slice(0, half) });
    s.handle({ type: 'text-part', runId: 1, part: text.slice(half) });
    s.handle({ type: 'load', runId: 1 });
    expect(messages.some((m) => m.type === 'progress')).toBe(true);
    const loaded = messages.find((m) => m.type === 'loaded');
    expect(loaded?.type === 'loaded' && loaded.summary).toMatchObject({ namespaces: ['default', 'kube-system', 'payments', 'shop'], problems: [] });

    s.handle({ type: 'ask', runId: 1, queryId: 7, subject: demo, question: { verb: 'get', resource: 'pods/log', namespace: 'default' } });
    const answer = messages.at(-1);
    expect(answer?.type === 'answer' && answer.queryId === 7 && answer.result.ok && answer.result.value).toMatchObject({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "demo-edit/default" of ClusterRole "edit" to ServiceAccount "sa-token-demo/default"',
      kubectl: 'kubectl auth can-i --as=system:serviceaccount:default:sa-token-demo --as-group=system:serviceaccounts --as-group=system:serviceaccounts:default --namespace=default --subresource=log -- get pods',
    });

    s.handle({ type: 'table', runId: 1, queryId: 8, subject: demo });
    const table = messages.at(-1);
    expect(table?.type === 'table' && table.findings.map((f) => f.code)).toContain('secrets-read');

    s.handle({ type: 'who', runId: 1, queryId: 9, question: { verb: 'get', url: '/metrics' } });
    const who = messages.at(-1);
    expect(who?.type === 'who' && who.result.ok && who.result.value.entries.length).toBe(4);
  });

  it('a question about a replaced or unknown dump, or a bad question, is an error value', () => {
    const { s, messages } = session();
    s.handle({ type: 'load', runId: 1, text: clusterText() });
    s.handle({ type: 'ask', runId: 2, queryId: 1, subject: demo, question: { verb: 'get', resource: 'pods' } });
    const stale = messages.at(-1);
    expect(stale?.type === 'answer' && !stale.result.ok && stale.result.error.code).toBe('no-dump');
    s.handle({ type: 'ask', runId: 1, queryId: 2, subject: demo, question: { verb: '', resource: 'pods' } });
    const bad = messages.at(-1);
    expect(bad?.type === 'answer' && !bad.result.ok && bad.result.error.code).toBe('no-verb');
    s.handle({ type: 'load', runId: 3, text: '{"kind": "Secret"}' });
    expect(messages.at(-1)).toMatchObject({ type: 'error', runId: 3, error: { code: 'no-rbac-objects' } });
  });
});
