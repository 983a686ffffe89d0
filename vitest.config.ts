import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Simulation suites are CPU-bound; two forks match the two cores CI has.
    pool: 'forks',
    maxWorkers: 2,
    // The JSON summary lets .ci/run print its closing line.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest.json' }]],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
