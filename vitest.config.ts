import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Suites: test/unit (pure, fast), test/integration (real sshd and simulators on loopback), test/lab (UML guests,
// real kernel data plane). Each can run alone: `npm run test:unit`, `npm run test:integration`, `npm run test:lab`.
// In CI a JSON report is written too, so .ci/run can print its plain `N passed, N failed` line, and any skipped
// test fails the run.
const reporters: (string | [string, Record<string, unknown>])[] = ['default'];
if (process.env.CI) {
  reporters.push(['json', { outputFile: '.acp-play/test-results.json' }]);
  // In CI a skipped test fails the run (see the reporter).
  reporters.push('./test/helpers/no-skips-reporter.ts');
}

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // The tests run the TypeScript sources: the lab package's `acp-play/...` imports (the product's dist/ when built)
  // and the CLI's import of the lab package resolve to the sources too, so both share one copy of every module.
  resolve: {
    alias: [
      { find: /^acp-play\/(.*)\.js$/, replacement: `${root}src/$1.ts` },
      { find: /^@acp-play\/lab\/(.*)\.js$/, replacement: `${root}packages/lab/src/$1.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // A mutation run's sandbox copy of the project (npm run mutate) is not a suite.
    exclude: [...configDefaults.exclude, '.stryker-tmp/**'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters,
  },
});
