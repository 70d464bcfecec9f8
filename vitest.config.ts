import { defineConfig } from 'vitest/config';

// Unit tests run the pure core in Node (WebCrypto, TextEncoder and Intl are all there).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
  },
});
