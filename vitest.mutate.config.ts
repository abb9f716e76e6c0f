import { defineConfig } from 'vitest/config';
import suites from './vitest.config.js';

// The test scope of `npm run mutate` (stryker.config.mjs): the unit suites of the mutated modules (planners,
// parsers, VLAN sets, nmstate comparison). Stryker runs the covering tests once per mutant, so the slow property
// and whole-site suites are left out: a mutant only they would kill counts as survived, and the score is a floor.
// Stryker runs these in worker threads and drives them itself, so none of the CI reporters are wanted here.
export default defineConfig({
  // The same module resolution as the suites (the lab package's `acp-play/...` imports are the product's sources).
  resolve: suites.resolve,
  test: {
    include: [
      'test/unit/platforms/**/*.test.ts',
      'test/unit/nmstate/**/*.test.ts',
      'test/unit/inventory/vlan-set.test.ts',
    ],
    testTimeout: 30_000,
  },
});
