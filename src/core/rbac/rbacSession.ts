/**
 * The Access engine behind one message port, so a Web Worker can hold a large dump and answer
 * questions about it while the page stays responsive (the page gets back only small, plain
 * results; a 10,000-object index never crosses the boundary). The same session runs on the main
 * thread as a fallback. Messages are handled in order; a `load` replaces the dump, and answers
 * carry the `runId` of the dump they are about, so the page drops stale ones.
 */
import type { ParseYaml } from '../audit/readAuditInput';
import type { Problem, Result } from '../result';
import { kubectlCanICommand, parseAccessQuestion, type AccessQuestionInput } from './accessQuestion';
import type { AccessSubject } from './accessSubject';
import { checkAccess, type AccessAnswer } from './checkAccess';
import { findDangers, type RbacFinding } from './findDangers';
import { permissionTable, type PermissionTable } from './permissionTable';
import { buildRbacIndex, type RbacIssue, type RbacIndex } from './rbacIndex';
import type { ReadProblem } from './rbacTypes';
import { readRbacSteps, type RbacProgress } from './readRbacText';
import { applicableBindings } from './visitRules';
import { whoCan, type WhoCanResult } from './whoCan';

export type RbacRequest =
  /** Read this text (or the `text-part`s sent before it, joined); replaces any earlier dump. */
  | { type: 'load'; runId: number; text?: string }
  /** A slice of a large text: cloning tens of MB in one message blocks the page. */
  | { type: 'text-part'; runId: number; part: string }
  /** The permission table and dangerous permissions of a subject. */
  | { type: 'table'; runId: number; queryId: number; subject: AccessSubject }
  | { type: 'ask'; runId: number; queryId: number; subject: AccessSubject; question: AccessQuestionInput }
  | { type: 'who'; runId: number; queryId: number; question: AccessQuestionInput };

export interface DumpSummary {
  roles: number;
  bindings: number;
  objects: number;
  ignored: Record<string, number>;
  namespaces: string[];
  problems: ReadProblem[];
  issues: RbacIssue[];
  elapsedMs: number;
}

export type RbacResponse =
  | ({ type: 'progress'; runId: number } & RbacProgress)
  | { type: 'loaded'; runId: number; summary: DumpSummary }
  | { type: 'error'; runId: number; error: Problem }
  | { type: 'table'; runId: number; queryId: number; table: PermissionTable; findings: RbacFinding[] }
  | { type: 'answer'; runId: number; queryId: number; result: Result<AccessAnswer & { kubectl: string | null }> }
  | { type: 'who'; runId: number; queryId: number; result: Result<WhoCanResult> };

export interface RbacSessionOptions {
  post: (message: RbacResponse) => void;
  parseYaml?: ParseYaml;
  now?: () => number;
}

export function createRbacSession(options: RbacSessionOptions) {
  const now = options.now ?? (() => performance.now());
  let parts: { runId: number; parts: string[] } = { runId: -1, parts: [] };
  let current: { runId: number; index: RbacIndex } | null = null;

  const noDump = (runId: number): Problem => ({ code: 'no-dump', message: `There is no RBAC dump ${runId} loaded; paste the RBAC objects again.` });

  function load(runId: number, text: string): void {
    const started = now();
    current = null;
    const steps = readRbacSteps(text, { parseYaml: options.parseYaml });
    for (;;) {
      const step = steps.next();
      if (step.done) {
        if (!step.value.ok) {
          options.post({ type: 'error', runId, error: step.value.error });
          return;
        }
        const index = buildRbacIndex(step.value.value);
        current = { runId, index };
        const { dump } = index;
        options.post({
          type: 'loaded',
          runId,
          summary: { roles: dump.roles.length, bindings: dump.bindings.length, objects: dump.objects, ignored: dump.ignored, namespaces: index.namespaces, problems: dump.problems, issues: index.issues, elapsedMs: now() - started },
        });
        return;
      }
      options.post({ type: 'progress', runId, ...step.value });
    }
  }

  function handle(message: RbacRequest): void {
    switch (message.type) {
      case 'text-part':
        if (parts.runId !== message.runId) parts = { runId: message.runId, parts: [] };
        parts.parts.push(message.part);
        return;
      case 'load': {
        const text = message.text ?? (parts.runId === message.runId ? parts.parts.join('') : '');
        parts = { runId: -1, parts: [] };
        load(message.runId, text);
        return;
      }
      default: {
        const index = current?.runId === message.runId ? current.index : null;
        if (message.type === 'table') {
          if (!index) return options.post({ type: 'error', runId: message.runId, error: noDump(message.runId) });
          const applicable = applicableBindings(index, message.subject);
          options.post({ type: 'table', runId: message.runId, queryId: message.queryId, table: permissionTable(index, message.subject, applicable), findings: findDangers(index, message.subject, applicable) });
          return;
        }
        const question = parseAccessQuestion(message.question);
        if (message.type === 'ask') {
          const result: Result<AccessAnswer & { kubectl: string | null }> = !index
            ? { ok: false, error: noDump(message.runId) }
            : !question.ok
              ? question
              : { ok: true, value: { ...checkAccess(index, message.subject, question.value), kubectl: kubectlCanICommand(question.value.request, message.subject) } };
          options.post({ type: 'answer', runId: message.runId, queryId: message.queryId, result });
          return;
        }
        const result: Result<WhoCanResult> = !index ? { ok: false, error: noDump(message.runId) } : !question.ok ? question : { ok: true, value: whoCan(index, question.value.request) };
        options.post({ type: 'who', runId: message.runId, queryId: message.queryId, result });
      }
    }
  }

  return { handle };
}
