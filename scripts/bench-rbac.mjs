#!/usr/bin/env node
// Run with `node --expose-gc scripts/bench-rbac.mjs` so every run starts from a collected heap.
// Figures for the Access engine (issue 15), in Node: a generated dump of 10,000 RBAC objects as
// `-o json` and as YAML; parse + index + the full effective-permission table (and dangerous
// permissions) for one subject; the YAML reading on its own; single can-i and who-can questions.
// The TypeScript sources are loaded with jiti, as src/testing/runInWorker.ts does.
//   --count N   objects (default 10000)   --runs N   repetitions for medians (default 5)
import { loadavg } from 'node:os';
import { createJiti } from 'jiti';
import { parseAllDocuments, stringify } from 'yaml';
import { generateRbacDump } from './generate-rbac-dump.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const count = arg('--count', 10000);
const runs = arg('--runs', 5);

const jiti = createJiti(import.meta.url);
const load = (path) => jiti.import(new URL(`../src/core/${path}`, import.meta.url).pathname);
const { readRbacText } = await load('rbac/readRbacText.ts');
const { buildRbacIndex } = await load('rbac/rbacIndex.ts');
const { applicableBindings } = await load('rbac/visitRules.ts');
const { permissionTable } = await load('rbac/permissionTable.ts');
const { findDangers } = await load('rbac/findDangers.ts');
const { parseSubject } = await load('rbac/accessSubject.ts');
const { parseAccessQuestion } = await load('rbac/accessQuestion.ts');
const { checkAccess } = await load('rbac/checkAccess.ts');
const { whoCan } = await load('rbac/whoCan.ts');
const { yamlDocumentsParser } = await load('audit/yamlDocuments.ts');
const parseYaml = yamlDocumentsParser(parseAllDocuments);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const must = (r) => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const list = generateRbacDump({ count });
const json = `${JSON.stringify(list, null, 4)}\n`;
// kubectl writes no anchors or aliases, and neither does this.
const yaml = stringify(list, { indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false });
const subjectText = 'team-042/deployer';
const subject = must(parseSubject(subjectText));

// With --expose-gc, each run starts without the previous run's garbage, as a fresh paste would.
const collect = () => globalThis.gc?.();

/** CPU milliseconds this process has used (all threads): what the work costs on an idle core. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function fullTable(text, options = {}) {
  collect();
  const c0 = cpu();
  const t0 = performance.now();
  const dump = must(readRbacText(text, options));
  const t1 = performance.now();
  const index = buildRbacIndex(dump);
  const t2 = performance.now();
  const applicable = applicableBindings(index, subject);
  const table = permissionTable(index, subject, applicable);
  const t3 = performance.now();
  const findings = findDangers(index, subject, applicable);
  const t4 = performance.now();
  const c4 = cpu();
  return { read: t1 - t0, index: t2 - t1, table: t3 - t2, findings: t4 - t3, total: t4 - t0, totalCpu: c4 - c0, rows: table.rows.length, found: findings.length, indexValue: index };
}

const jsonRuns = [];
let index = null;
for (let i = 0; i < runs; i++) {
  const { indexValue, ...times } = fullTable(json);
  jsonRuns.push(times);
  index = indexValue; // only the last dump is kept
}
const pick = (key) => median(jsonRuns.map((r) => r[key]));
const { rows, found } = jsonRuns[0];
const parseTimes = [];
for (let i = 0; i < runs; i++) {
  collect();
  const t = performance.now();
  JSON.parse(json);
  parseTimes.push(performance.now() - t);
}

let progressEvents = 0;
collect();
const yamlCpu = cpu();
const yamlStart = performance.now();
must(readRbacText(yaml, { parseYaml, onProgress: () => progressEvents++ }));
const yamlRead = performance.now() - yamlStart;
const yamlReadCpu = cpu() - yamlCpu;
const wholeStart = performance.now();
parseYaml(yaml);
const yamlWhole = performance.now() - wholeStart;

function timeQuestion(input, fn) {
  const question = must(parseAccessQuestion(input));
  const times = [];
  let result;
  let cpuUsed = 0;
  for (let i = 0; i < 220; i++) {
    const c = cpu();
    const t = performance.now();
    result = fn(question);
    if (i >= 20) {
      times.push(performance.now() - t);
      cpuUsed += cpu() - c;
    }
  }
  return { median: median(times), p95: p95(times), cpuMean: cpuUsed / 200, result };
}
const allowed = timeQuestion({ verb: 'update', resource: 'deployments.apps/scale', namespace: 'team-042' }, (q) => checkAccess(index, subject, q));
const denied = timeQuestion({ verb: 'get', resource: 'secrets', namespace: 'team-043' }, (q) => checkAccess(index, subject, q));
const who = timeQuestion({ verb: 'get', resource: 'secrets', namespace: 'team-042' }, (q) => whoCan(index, q.request));

const worst = must(parseSubject('ci/builder'));
const worstStart = performance.now();
const worstTable = permissionTable(index, worst);
const worstMs = performance.now() - worstStart;

const table = [
  ['Dump', `${count.toLocaleString('en')} objects: ${(json.length / 1e6).toFixed(1)} MB as -o json, ${(yaml.length / 1e6).toFixed(1)} MB as YAML`],
  [`JSON: parse + read (median of ${runs})`, `${ms(pick('read'))} (JSON.parse alone: ${ms(median(parseTimes))})`],
  ['JSON: index (aggregation, bindings by subject)', ms(pick('index'))],
  [`JSON: permission table for ${subjectText} (${rows} rows)`, ms(pick('table'))],
  [`JSON: dangerous permissions (${found} findings)`, ms(pick('findings'))],
  ['JSON: total, paste to table (target < 1 s)', `${ms(pick('total'))} (best ${ms(Math.min(...jsonRuns.map((r) => r.total)))}; CPU time ${ms(pick('totalCpu'))})`],
  [`YAML: read item by item (${progressEvents} progress events)`, `${ms(yamlRead)} (CPU time ${ms(yamlReadCpu)})`],
  ['YAML: the parser alone on the whole text, for comparison', ms(yamlWhole)],
  [`can-i allowed (${allowed.result.allowed ? 'yes' : 'no'}): median / p95 of 200 (target < 5 ms)`, `${ms(allowed.median)} / ${ms(allowed.p95)} (CPU time ${ms(allowed.cpuMean)})`],
  [`can-i denied with ${denied.result.nearMisses.length} near misses (${denied.result.allowed ? 'yes' : 'no'}): median / p95`, `${ms(denied.median)} / ${ms(denied.p95)} (CPU time ${ms(denied.cpuMean)})`],
  [`who-can get secrets in team-042 (${who.result.entries.length} subjects): median / p95`, `${ms(who.median)} / ${ms(who.p95)} (CPU time ${ms(who.cpuMean)})`],
  [`Worst subject ci/builder (edit in every team): table of ${worstTable.rows.length} rows${worstTable.truncated ? ', cut at the row limit' : ''}`, ms(worstMs)],
  ['Load average (1 min) while measuring', loadavg()[0].toFixed(2)],
];
const width = Math.max(...table.map((r) => r[0].length));
console.log(`\n${'Measure'.padEnd(width)} | Result\n${'-'.repeat(width)}-|-${'-'.repeat(30)}`);
for (const [k, v] of table) console.log(`${k.padEnd(width)} | ${v}`);
