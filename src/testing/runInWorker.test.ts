import { describe, expect, it } from 'vitest';
import { runInWorker } from './runInWorker';

// The harness itself: it must report completion, and it must stop a hang instead of hanging.
describe('runInWorker', () => {
  it('runs an exported function of a TypeScript module and reports that it completed', async () => {
    const outcome = await runInWorker({
      base: import.meta.url,
      module: '../core/text/revealInvisible.ts',
      exportName: 'revealInvisible',
      args: ['a\u202eb'],
      summarize: true,
    });
    expect(outcome.completed).toBe(true);
    if (outcome.completed) expect(JSON.stringify(outcome.value)).toContain('U+202E');
  });

  it('terminates work that does not finish and says so', async () => {
    // A catastrophic pattern on a short adversarial input: exponential backtracking.
    const outcome = await runInWorker({
      base: import.meta.url,
      module: './hangForTest.ts',
      exportName: 'catastrophicMatch',
      args: ['a'.repeat(40) + '!'],
      timeoutMs: 1_000,
    });
    expect(outcome).toMatchObject({ completed: false, reason: 'timeout' });
  });
});
