import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The dependency rules of README "How it is built", as lint errors:
// app → features → components/hooks/lib → core; features never import each other; workers → core.
// Every folder under src/features is a feature, so a new one is covered the day it is made.
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const UI = '^(react|react-dom)(/|$)|^@tanstack/';
const UI_FOLDERS = '(^|/)(features|components|hooks|lib|app|workers)(/|$)';
const FEATURE_OR_APP = '(^|/)(features|app)(/|$)';

/**
 * One restriction, for static imports (`no-restricted-imports`) and for `import()` with a literal
 * path, which that rule does not see (`no-restricted-syntax`; esquery's regex literal cannot hold
 * a "/", so it is written as \u002F).
 */
function restrict(...groups) {
  return {
    'no-restricted-imports': ['error', { patterns: groups.map(({ regex, message }) => ({ regex, message })) }],
    'no-restricted-syntax': [
      'error',
      ...groups.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\u002F')}/]`, message })),
    ],
  };
}

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
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: restrict(
      { regex: UI, message: 'src/core is pure TypeScript: no React or TanStack.' },
      { regex: UI_FOLDERS, message: 'src/core never imports the UI folders, browser helpers or workers.' },
    ),
  },
  {
    files: ['src/{components,hooks,lib}/**/*.{ts,tsx}'],
    rules: restrict({ regex: FEATURE_OR_APP, message: 'Shared code (components, hooks, lib) never imports a feature or the app shell.' }),
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: restrict(
      {
        regex: `^\\.\\./(${FEATURES.filter((other) => other !== feature).join('|')})(/|$)|/features/(?!${feature}/)`,
        message: 'Features never import each other: promote what both need to components, hooks, lib or core.',
      },
      { regex: '(^|/)app(/|$)', message: 'Features never import the app shell; the app composes them.' },
    ),
  })),
  {
    files: ['src/workers/**/*.ts'],
    rules: restrict(
      { regex: UI, message: 'Workers run the core: no React or TanStack.' },
      { regex: '^\\.\\./(?!core/)', message: 'Workers import only src/core (and npm packages such as yaml).' },
    ),
  },
);
