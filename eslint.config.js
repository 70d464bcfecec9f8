import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** A run of "any character" in a regex: `[\s\S]*`, `[\S\s]+`, `[\w\W]*`, `[\d\D]{1,}`, `[^]*`. */
const ANY_RUN = '\\[(?:\\\\s\\\\S|\\\\S\\\\s|\\\\w\\\\W|\\\\W\\\\w|\\\\d\\\\D|\\\\D\\\\d|\\^)\\][*+{]';
/** An unescaped `.` repeated: with the s flag it matches line breaks too. */
const DOT_RUN = '(?:^|[^\\\\])\\.[*+{]';
const message = 'A run of "any character" in a regex rescans hostile input from every start (quadratic or worse). Match within a line ([ \\t], [^\\n]) or use indexOf.';
const UNBOUNDED_ANY_CHARACTER_RUNS = [
  { selector: `Literal[regex.pattern=/${ANY_RUN}/]`, message },
  { selector: `Literal[regex.flags=/s/][regex.pattern=/${DOT_RUN}/]`, message },
  // new RegExp('…') and RegExp('…'), with a string or a template.
  ...['NewExpression', 'CallExpression'].flatMap((call) => [
    { selector: `${call}[callee.name='RegExp'] > Literal[value=/${ANY_RUN}/]`, message },
    { selector: `${call}[callee.name='RegExp'] > TemplateLiteral > TemplateElement[value.cooked=/${ANY_RUN}/]`, message },
  ]),
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
    // The CEL library (~65 KB gzip) loads only with the Trust engine, which the UI loads lazily.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/trust/cel/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@bufbuild/*'], message: 'Only src/core/trust/cel may import the CEL library, so it stays out of the first screen.' }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Every regex in the app runs on pasted, hostile text. `[\s\S]*` (or `[^]*`, or `.*` under the
    // s flag) between anchors rescans the rest of the text from every place it could start:
    // 40 KB took 100 s. Scan lines, or use indexOf; see README, "Security and privacy".
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts', 'src/testing/**'],
    rules: {
      'no-restricted-syntax': ['error', ...UNBOUNDED_ANY_CHARACTER_RUNS],
    },
  },
);
