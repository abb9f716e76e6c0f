// Mutation testing of the pure core: `npm run mutate`. Not part of `npm test` (too slow for CI); see docs/mutation.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  mutate: ['src/inventory/vlan-set.ts'],
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'out', 'reports', '.acp-play', 'coverage', 'bench', 'fuzz', 'deploy'],
  thresholds: { high: 90, low: 85, break: 85 },
};
