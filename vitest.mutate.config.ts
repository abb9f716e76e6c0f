import { defineConfig } from 'vitest/config';

// The test scope of `npm run mutate` (stryker.config.mjs): the pure, fast unit suite only. Stryker runs it in
// worker threads and drives it itself, so none of the CI reporters are wanted here.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // These change the working directory, which worker threads cannot; neither tests a mutated module.
    exclude: ['test/unit/inventory/hostile-inventories.test.ts', 'test/unit/template/template-env.test.ts'],
    testTimeout: 30_000,
  },
});
