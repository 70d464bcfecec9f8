import { describe, expect, it } from 'vitest';
import { parseSubject } from '../../core/rbac/accessSubject';
import { createRbacSession, type RbacRequest, type RbacResponse } from '../../core/rbac/rbacSession';
import { clusterText, parseYaml } from '../../testing/rbacFixtures';
import { loadRequests, openRbacChannel } from './rbacChannel';

/** The worker's engine behind the part of the Worker interface the channel uses (Node has no Web Worker). */
class FakeWorker {
  onmessage: ((event: MessageEvent<RbacResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: RbacRequest[] = [];
  terminated = false;
  private readonly session = createRbacSession({ post: (data) => queueMicrotask(() => !this.terminated && this.onmessage?.({ data } as MessageEvent<RbacResponse>)), parseYaml });
  constructor(private readonly failOnStart = false) {}
  postMessage(request: RbacRequest): void {
    this.received.push(request);
    if (this.failOnStart) queueMicrotask(() => this.onerror?.({ message: 'Failed to load worker script' } as ErrorEvent));
    else this.session.handle(request);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const demo = (() => {
  const r = parseSubject('default/sa-token-demo');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

/** Loads the fixtures' dump through a channel and asks one question; resolves with every message. */
function loadAndAsk(worker: FakeWorker | null): Promise<{ messages: RbacResponse[]; worker: FakeWorker | null }> {
  return new Promise((resolve) => {
    const messages: RbacResponse[] = [];
    const channel = openRbacChannel(
      (m) => {
        messages.push(m);
        if (m.type === 'loaded') channel.post({ type: 'ask', runId: 1, queryId: 1, subject: demo, question: { verb: 'get', resource: 'pods/log', namespace: 'default' } });
        if (m.type === 'answer' || m.type === 'error') {
          channel.close();
          resolve({ messages, worker });
        }
      },
      worker ? async () => worker as unknown as Worker : () => Promise.reject(new Error('blocked by policy')),
    );
    channel.post({ type: 'load', runId: 1, text: clusterText() });
  });
}

describe('loadRequests', () => {
  it('sends a small text in one message, a large one in slices then a load that joins them', () => {
    expect(loadRequests(3, 'abc')).toEqual([{ type: 'load', runId: 3, text: 'abc' }]);
    const parts = loadRequests(3, 'abcdefg', 3);
    expect(parts).toEqual([
      { type: 'text-part', runId: 3, part: 'abc' },
      { type: 'text-part', runId: 3, part: 'def' },
      { type: 'text-part', runId: 3, part: 'g' },
      { type: 'load', runId: 3 },
    ]);
  });
});

describe('openRbacChannel', () => {
  it('reads the dump in the worker, with progress, and answers a question there', async () => {
    const { messages, worker } = await loadAndAsk(new FakeWorker());
    expect(worker?.received.map((r) => r.type)).toEqual(['load', 'ask']);
    expect(messages.some((m) => m.type === 'progress')).toBe(true);
    const answer = messages.at(-1);
    expect(answer?.type === 'answer' && answer.result.ok && answer.result.value.allowed).toBe(true);
  });

  it('a worker that never starts, or fails before its first answer, is replaced by the main thread with nothing lost', async () => {
    for (const worker of [null, new FakeWorker(true)]) {
      const { messages } = await loadAndAsk(worker);
      expect(messages.map((m) => m.type)).toContain('loaded');
      const answer = messages.at(-1);
      expect(answer?.type === 'answer' && answer.result.ok && answer.result.value.reason).toContain('RoleBinding "demo-edit/default"');
    }
  });
});
