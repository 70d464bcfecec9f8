#!/usr/bin/env node
// Fails (exit 1) when the built first screen exceeds the budget. Run by `npm run build` and CI.
//   node scripts/check-budget.mjs [distDir]
import { budgetProblems, BUDGET, measureFirstLoad } from './budget.mjs';

const dist = process.argv[2] ?? 'dist';
const measure = measureFirstLoad(dist);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const f of measure.files) console.log(`  ${f.path.padEnd(40)} ${kb(f.gzip).padStart(9)} gzip ${kb(f.raw).padStart(9)} raw`);
console.log(
  `First load: ${kb(measure.totalGzip)} gzip (budget ${kb(BUDGET.totalGzipBytes)}), CSS ${kb(measure.cssGzip)} (budget ${kb(BUDGET.cssGzipBytes)}), ${measure.requests} requests (budget ${BUDGET.requests})`,
);
const problems = budgetProblems(measure);
if (problems.length) {
  console.error(`Over budget: ${problems.join('; ')}.`);
  process.exit(1);
}
