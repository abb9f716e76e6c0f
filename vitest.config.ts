import { defineConfig } from 'vitest/config';

// Slow suites (real sshd, UML guests) live under test/integration and test/lab and can run on their own
// with `npm run test:integration`; unit tests are pure and fast.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
