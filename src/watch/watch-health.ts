import { formatDuration } from './duration.js';

/** What the health check looks at. */
export interface HealthFacts {
  readonly intervalMs: number;
  readonly startedAt: number;
  /** When the last round finished; undefined before the first one has. */
  readonly lastRoundAt?: number;
  readonly now: number;
}

/** Rounds missed before the watch calls itself unhealthy (a round stuck on a host that never answers). */
const MISSED_ROUNDS = 3;
/** Never stricter than this, so a short interval with a slow first round is not a restart loop. */
const MIN_GRACE_MS = 60_000;

/**
 * `/healthz`: healthy while rounds keep finishing. Hosts being down or drifted do not make the watch unhealthy (the
 * metrics say so); a watch whose rounds stopped finishing does, so an orchestrator restarts it.
 */
export function watchHealth(facts: HealthFacts): { readonly ok: boolean; readonly text: string } {
  const limit = Math.max(MISSED_ROUNDS * facts.intervalMs, MIN_GRACE_MS);
  const since = facts.lastRoundAt ?? facts.startedAt;
  const age = facts.now - since;
  if (age <= limit)
    return {
      ok: true,
      text:
        facts.lastRoundAt === undefined
          ? `ok: first round running for ${formatDuration(age)}`
          : `ok: last round finished ${formatDuration(age)} ago`,
    };
  return {
    ok: false,
    text: `unhealthy: no round has finished for ${formatDuration(age)} (interval ${formatDuration(facts.intervalMs)})`,
  };
}
