import type { AbandonedWork } from '../core/run.js';

/**
 * The work running right now, per host: what a second Ctrl-C lists ("still applying switch1: Access and trunk
 * ports") and what a run abandoned by a third one records.
 */
export class InFlight {
  private readonly work = new Map<string, AbandonedWork>();

  /** `phase`: planning, applying, ... A new phase of a host replaces its previous one. */
  start(host: string, task: string, phase: string): void {
    this.work.set(host, { host, task, phase, since: new Date().toISOString() });
  }

  end(host: string): void {
    this.work.delete(host);
  }

  list(): AbandonedWork[] {
    return [...this.work.values()];
  }
}
