import pLimit, { type LimitFunction } from 'p-limit';

/** The hosts worked on at once: one per run, or one shared by every site of a fleet run. */
export type ForkLimit = LimitFunction;

/** The run's fork budget: the shared one when a fleet run gave one, else a new one of `forks`. */
export function forkLimitOf(opts: { readonly forks: number; readonly forkLimit?: ForkLimit }): ForkLimit {
  return opts.forkLimit ?? pLimit(opts.forks);
}

/** One budget of `forks` for a whole fleet run. */
export function sharedForkLimit(forks: number): ForkLimit {
  return pLimit(forks);
}
