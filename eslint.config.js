import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// House rules as lint errors. In flat config a later block's options for a rule replace an earlier
// block's for the same file, so every file of src gets ONE block below that lists all that applies
// to it: the dependency boundaries of its folder, the CEL-library fence and (outside tests) the
// regex guard.

// ── Dependency rules of README "How it is built" ─────────────────────────────────────────────────
// app → features → components/hooks/lib → core; features never import each other; workers → core.
// Every folder under src/features is a feature, so a new one is covered the day it is made.
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const UI = '^(react|react-dom)(/|$)|^@tanstack/';
const UI_FOLDERS = '(^|/)(features|components|hooks|lib|app|workers)(/|$)';
const FEATURE_OR_APP = '(^|/)(features|app)(/|$)';

const AREAS = [
  {
    files: ['src/core/**/*.{ts,tsx}'],
    groups: [
      { regex: UI, message: 'src/core is pure TypeScript: no React or TanStack.' },
      { regex: UI_FOLDERS, message: 'src/core never imports the UI folders, browser helpers or workers.' },
    ],
  },
  {
    files: ['src/{components,hooks,lib}/**/*.{ts,tsx}'],
    groups: [{ regex: FEATURE_OR_APP, message: 'Shared code (components, hooks, lib) never imports a feature or the app shell.' }],
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    groups: [
      {
        regex: `^\\.\\./(${FEATURES.filter((other) => other !== feature).join('|')})(/|$)|/features/(?!${feature}/)`,
        message: 'Features never import each other: promote what both need to components, hooks, lib or core.',
      },
      { regex: '(^|/)app(/|$)', message: 'Features never import the app shell; the app composes them.' },
    ],
  })),
  {
    files: ['src/workers/**/*.ts'],
    groups: [
      { regex: UI, message: 'Workers run the core: no React or TanStack.' },
      { regex: '^\\.\\./(?!core/)', message: 'Workers import only src/core (and npm packages such as yaml).' },
    ],
  },
  // The shell, the entry and test helpers: no boundary of their own, but the fences below apply.
  { files: ['src/app/**/*.{ts,tsx}', 'src/*.{ts,tsx}', 'src/testing/**/*.ts'], groups: [] },
];

// ── The CEL library (~65 KB gzip) loads only with the Trust engine, which the UI loads lazily ────
const CEL_HOME = 'src/core/trust/cel/**';
const CEL_FENCE = { group: ['@bufbuild/*'], message: 'Only src/core/trust/cel may import the CEL library, so it stays out of the first screen.' };

// ── Regex guard: every regex in the app runs on pasted, hostile text ──────────────────────────────
// `[\s\S]*` (or `[^]*`, or `.*` under the s flag) between anchors rescans the rest of the text from
// every place it could start: 40 KB took 100 s. Scan lines, or use indexOf; see README, "Security
// and privacy". Tests may use such patterns on their own fixed strings.
/** A run of "any character" in a regex: `[\s\S]*`, `[\S\s]+`, `[\w\W]*`, `[\d\D]{1,}`, `[^]*`. */
const ANY_RUN = '\\[(?:\\\\s\\\\S|\\\\S\\\\s|\\\\w\\\\W|\\\\W\\\\w|\\\\d\\\\D|\\\\D\\\\d|\\^)\\][*+{]';
/** An unescaped `.` repeated: with the s flag it matches line breaks too. */
const DOT_RUN = '(?:^|[^\\\\])\\.[*+{]';
const regexMessage = 'A run of "any character" in a regex rescans hostile input from every start (quadratic or worse). Match within a line ([ \\t], [^\\n]) or use indexOf.';
const UNBOUNDED_ANY_CHARACTER_RUNS = [
  { selector: `Literal[regex.pattern=/${ANY_RUN}/]`, message: regexMessage },
  { selector: `Literal[regex.flags=/s/][regex.pattern=/${DOT_RUN}/]`, message: regexMessage },
  // new RegExp('…') and RegExp('…'), with a string or a template.
  ...['NewExpression', 'CallExpression'].flatMap((call) => [
    { selector: `${call}[callee.name='RegExp'] > Literal[value=/${ANY_RUN}/]`, message: regexMessage },
    { selector: `${call}[callee.name='RegExp'] > TemplateLiteral > TemplateElement[value.cooked=/${ANY_RUN}/]`, message: regexMessage },
  ]),
];
const TESTS = ['**/*.test.ts', 'src/testing/**'];

/**
 * The rules of one block: boundary groups for static imports (`no-restricted-imports`) and for
 * `import()` with a literal path, which that rule does not see (`no-restricted-syntax`; esquery's
 * regex literal cannot hold a "/", so it is written as \u002F); plus the fences that apply.
 */
function houseRules(groups, { cel, regexGuard }) {
  const patterns = groups.map(({ regex, message }) => ({ regex, message }));
  const syntax = groups.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\u002F')}/]`, message }));
  if (cel) {
    patterns.push(CEL_FENCE);
    syntax.push({ selector: 'ImportExpression[source.value=/^@bufbuild\\u002F/]', message: CEL_FENCE.message });
  }
  if (regexGuard) syntax.push(...UNBOUNDED_ANY_CHARACTER_RUNS);
  const rules = {};
  if (patterns.length) rules['no-restricted-imports'] = ['error', { patterns }];
  if (syntax.length) rules['no-restricted-syntax'] = ['error', ...syntax];
  return rules;
}

/** Code and tests of an area (a `files` entry that is an array must match all its patterns). */
const blocksFor = (files, groups, { cel, ignores = [] }) => [
  { files, ignores: [...TESTS, ...ignores], rules: houseRules(groups, { cel, regexGuard: true }) },
  { files: files.flatMap((f) => TESTS.map((t) => [f, t])), ignores, rules: houseRules(groups, { cel, regexGuard: false }) },
];

const houseBlocks = [
  ...AREAS.flatMap(({ files, groups }) => blocksFor(files, groups, { cel: true, ignores: [CEL_HOME] })),
  ...blocksFor([CEL_HOME], AREAS[0].groups, { cel: false }),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  ...houseBlocks,
);
