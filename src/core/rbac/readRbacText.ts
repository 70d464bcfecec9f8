/**
 * Reads pasted RBAC objects: `kubectl get clusterroles,clusterrolebindings,roles,rolebindings -A
 * -o json|yaml`, a single object, several YAML documents, or JSON lines. JSON takes the fast path
 * (the engine's JSON.parse); YAML is parsed document by document and List item by List item (see
 * yamlUnits.ts) with a parser the caller injects, so core never imports `yaml` and a worker can
 * bundle it statically (core/audit/yamlDocuments.ts makes one from `yaml`'s parseAllDocuments).
 *
 * `readRbacSteps` is a generator: it yields progress between pieces and returns the result, so a
 * worker can drive it to the end while posting progress, and a page can run it a slice per frame.
 * `readRbacText` drives it in one go. Neither throws.
 */
import type { ParseYaml } from '../audit/readAuditInput';
import type { Problem, Result } from '../result';
import { MAX_RBAC_TEXT } from './limits';
import { createRbacCollector, isListDocument, type RbacCollector } from './readRbacObjects';
import type { RbacDump } from './rbacTypes';
import { yamlUnits } from './yamlUnits';

export interface RbacProgress {
  /** `parsing`: turning text into documents (done/total in characters); `reading`: objects. */
  phase: 'parsing' | 'reading';
  done: number;
  total: number;
}

export interface ReadRbacOptions {
  /** Required for YAML; JSON needs none. */
  parseYaml?: ParseYaml;
  /** Yield progress about this often (characters of YAML parsed). */
  progressEvery?: number;
}

const fail = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } satisfies Problem });

/** The first line of a parser's message, and where it points, if it says. */
function yamlError(error: unknown, text: string, firstLine: number): { message: string; line: number } {
  const message = String((error as { message?: unknown })?.message ?? error).split('\n')[0] ?? '';
  const pos = (error as { pos?: unknown })?.pos;
  let line = firstLine;
  if (Array.isArray(pos) && typeof pos[0] === 'number') {
    const upTo = Math.min(pos[0], text.length);
    for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) line++;
  }
  return { message: message.replace(/\.$/, ''), line };
}

function tryParse(parseYaml: ParseYaml, text: string, line: number): { ok: true; value: unknown } | { ok: false; message: string; line: number } {
  try {
    return { ok: true, value: parseYaml(text) };
  } catch (e) {
    return { ok: false, ...yamlError(e, text, line) };
  }
}

function parseJsonLines(text: string): unknown[] | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('{'))) return null;
  const values: unknown[] = [];
  for (const l of lines) {
    try {
      values.push(JSON.parse(l));
    } catch {
      return null;
    }
  }
  return values;
}

function* readYaml(text: string, parseYaml: ParseYaml, collector: RbacCollector, every: number): Generator<RbacProgress, string | null> {
  const units = yamlUnits(text);
  if (units === null) {
    const whole = tryParse(parseYaml, text, 1);
    if (!whole.ok) return `This looks like YAML but does not parse: line ${whole.line}: ${whole.message}.`;
    collector.add(whole.value, 1);
    return null;
  }
  let reported = 0;
  let firstError: string | null = null;
  const broken = (line: number, message: string) => {
    firstError ??= `This looks like YAML but does not parse: line ${line}: ${message}.`;
    collector.addProblem({ code: 'bad-yaml', message: `Line ${line}: this part does not parse as YAML (${message}); it was skipped.`, source: { index: collector.count, line } });
  };
  for (const unit of units) {
    const header = unit.list ? tryParse(parseYaml, unit.list.header, unit.line) : null;
    const listHeader = header?.ok && isListHeader(header.value) ? header.value : null;
    if (!unit.list || !listHeader) {
      const whole = tryParse(parseYaml, unit.text, unit.line);
      if (whole.ok) collector.add(whole.value, unit.line);
      else broken(whole.line, whole.message);
    } else {
      const parsed: ({ ok: true; value: unknown; line: number } | { ok: false; message: string; line: number })[] = [];
      for (const item of unit.list.items) {
        const r = tryParse(parseYaml, item.text, item.line);
        parsed.push(r.ok ? { ...r, line: item.line } : r);
        if (item.end - reported >= every) {
          reported = item.end;
          yield { phase: 'parsing', done: item.end, total: text.length };
        }
      }
      const whole = parsed.some((p) => !p.ok) ? tryParse(parseYaml, unit.text, unit.line) : null;
      if (whole?.ok) collector.add(whole.value, unit.line);
      else {
        const kind = (listHeader as { kind?: unknown }).kind;
        for (const p of parsed) {
          if (p.ok) collector.add({ kind, items: [p.value] }, p.line);
          else broken(p.line, p.message);
        }
      }
    }
    if (unit.end - reported >= every) {
      reported = unit.end;
      yield { phase: 'parsing', done: unit.end, total: text.length };
    }
  }
  return collector.count === 0 ? firstError : null;
}

const BATCH = 1000;

/** A large List or array is read a batch of items at a time, with progress between batches. */
function* addInBatches(collector: RbacCollector, value: unknown): Generator<RbacProgress, void> {
  const list = isListDocument(value) ? value : null;
  const items = list ? (list.items as unknown[]) : Array.isArray(value) ? value : null;
  if (!items || items.length <= BATCH) {
    collector.add(value);
    return;
  }
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    // Kind-less items of a typed list (ClusterRoleList) keep the list's kind.
    collector.add(list ? { kind: list.kind, items: batch } : batch);
    yield { phase: 'reading', done: Math.min(i + BATCH, items.length), total: items.length };
  }
}

/** The document around the items is a List (or kind-less, as a jq-built list is). */
function isListHeader(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const kind = (value as Record<string, unknown>).kind;
  return kind === undefined || (typeof kind === 'string' && kind.endsWith('List'));
}

function describeIgnored(dump: RbacDump): string {
  const kinds = Object.entries(dump.ignored)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([kind, n]) => `${n} ${kind}`);
  return kinds.length ? ` It holds ${kinds.join(', ')}.` : '';
}

export function* readRbacSteps(text: string, options: ReadRbacOptions = {}): Generator<RbacProgress, Result<RbacDump>> {
  if (text.length > MAX_RBAC_TEXT) return fail('too-large', `This paste is ${(text.length / 1048576).toFixed(0)} MB; at most ${MAX_RBAC_TEXT / 1048576} MB is read.`);
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty', 'Paste the output of kubectl get clusterroles,clusterrolebindings,roles,rolebindings -A -o yaml (or -o json).');
  const collector = createRbacCollector();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    yield { phase: 'parsing', done: 0, total: text.length };
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      const lines = parseJsonLines(trimmed);
      if (!lines) return fail('bad-json', `This looks like JSON but does not parse: ${(e as Error).message}.`);
      value = lines;
    }
    yield { phase: 'parsing', done: text.length, total: text.length };
    yield* addInBatches(collector, value);
  } else {
    if (!options.parseYaml) return fail('needs-yaml', 'This is YAML, and the YAML reader is not loaded.');
    const error = yield* readYaml(text, options.parseYaml, collector, options.progressEvery ?? 256 * 1024);
    if (error) return fail('bad-yaml', error);
  }
  const dump = collector.finish();
  yield { phase: 'reading', done: dump.objects, total: dump.objects };
  if (dump.roles.length + dump.bindings.length === 0) {
    return fail('no-rbac-objects', `No Role, ClusterRole, RoleBinding or ClusterRoleBinding was found.${describeIgnored(dump)} Paste the output of kubectl get clusterroles,clusterrolebindings,roles,rolebindings -A -o yaml.`);
  }
  return { ok: true, value: dump };
}

/** Reads the whole text at once, calling `onProgress` as it goes. */
export function readRbacText(text: string, options: ReadRbacOptions & { onProgress?: (p: RbacProgress) => void } = {}): Result<RbacDump> {
  const steps = readRbacSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}
