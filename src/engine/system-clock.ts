import type { Clock } from '../core/clock.js';

/** Real time, for runs (tests pass a virtual clock in the run options instead). */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
