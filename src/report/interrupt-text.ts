import type { AbandonedWork, RunEvent } from '../core/run.js';

/** The words for an interrupt event, the same in every reporter. */
export function interruptText(event: Extract<RunEvent, { kind: 'interrupt' }>): string {
  const work = (list: readonly AbandonedWork[] = []) =>
    list.map((w) => `${w.host} (${w.phase} "${w.task}" since ${w.since.slice(11, 19)})`).join(', ');
  if (event.count === 2)
    return (
      `interrupt: still waiting for ${work(event.inFlight)}: it finishes or rolls back, so no device is left ` +
      'half-changed; Ctrl-C once more abandons it (not recommended)'
    );
  if (event.count === 3)
    return `interrupt: ABANDONED ${work(event.inFlight)}: these hosts may be half-changed; check them (the run record lists them)`;
  return 'interrupt: no new work starts; work in flight finishes or rolls back (Ctrl-C again shows what is running)';
}
