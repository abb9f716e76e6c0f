import type { AbandonedWork, Reporter } from '../core/run.js';
import type { InFlight } from '../engine/in-flight.js';

/** What the signal handler drives. */
export interface InterruptTargets {
  readonly abort: AbortController;
  readonly reporter: Reporter;
  readonly inFlight: Pick<InFlight, 'list'>;
  /** A plan changes nothing, so its second interrupt leaves at once; an apply waits for the work in flight. */
  readonly changesDevices: boolean;
  /** Records the abandoned work (run record) before the process leaves with 130. */
  readonly abandon: (work: readonly AbandonedWork[]) => void;
}

/**
 * Ctrl-C (SIGINT) and SIGTERM, counted together:
 * 1. stop: nothing new starts; the work in flight finishes, or rolls back, and the run ends with exit 130.
 * 2. during an apply with work in flight: say what is still running and that it is being waited for (a device left
 *    half-changed is worse than a wait); with nothing in flight, or during a plan, leave at once (130).
 * 3. abandon: record the work in flight in the run record as abandoned, print it, leave (130) without waiting.
 * Returns the function that removes the handlers.
 */
export function handleInterrupts(targets: InterruptTargets): () => void {
  let count = 0;
  const onSignal = (): void => {
    count++;
    if (count === 1) {
      targets.abort.abort();
      targets.reporter.emit({ kind: 'interrupt', count: 1 });
      return;
    }
    const inFlight = targets.inFlight.list();
    if (inFlight.length > 0 && targets.changesDevices && count === 2) {
      targets.reporter.emit({ kind: 'interrupt', count: 2, inFlight });
      return;
    }
    if (inFlight.length > 0) targets.reporter.emit({ kind: 'interrupt', count: 3, inFlight });
    targets.abandon(inFlight);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
