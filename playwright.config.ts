import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4174);
// Which build to serve (default dist/); lets several builds be tested side by side.
const DIST = process.env.E2E_DIST ?? 'dist';

// The suite runs against the production build (`vite preview`), as users get it.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  // Generous: CI machines have 2 cores and two workers share them with a production server.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium', testIgnore: '**/*.perf.spec.ts' },
    // Responsiveness is measured in wall-clock time, so it runs alone, after everything else.
    { name: 'responsiveness', testMatch: '**/*.perf.spec.ts', dependencies: ['chromium'] },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
