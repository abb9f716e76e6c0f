import type { HostOutcome, HostStatus, RunPlan, TaskOutcome } from '../core/run.js';

/** Per-host outcomes across all plays of a run; failed and unreachable hosts stay so and are skipped later. */
export class HostOutcomes {
  private readonly byHost = new Map<string, HostOutcome>();

  get(host: string): HostOutcome {
    let outcome = this.byHost.get(host);
    if (!outcome) {
      outcome = { host, status: 'skipped', tasks: [], durationMs: 0 };
      this.byHost.set(host, outcome);
    }
    return outcome;
  }

  isDown(host: string): boolean {
    const s = this.get(host).status;
    return s === 'failed' || s === 'unreachable';
  }

  addTask(host: string, task: TaskOutcome): void {
    const outcome = this.get(host);
    outcome.tasks.push(task);
    outcome.durationMs += task.durationMs;
    if (task.status === 'changed' && outcome.status !== 'failed' && outcome.status !== 'unreachable')
      outcome.status = 'changed';
    if (task.status === 'ok' && outcome.status === 'skipped') outcome.status = 'unchanged';
  }

  markDown(host: string, status: Extract<HostStatus, 'failed' | 'unreachable'>, error: string): void {
    const outcome = this.get(host);
    outcome.status = status;
    outcome.error = error;
  }

  /** A host the interrupt stopped before all its work ran: `not-applied`, unless it failed. */
  markNotApplied(host: string): void {
    if (!this.isDown(host)) this.get(host).status = 'not-applied';
  }

  /**
   * Starts from the approved plan: hosts it found in sync are `unchanged` (and are not contacted), hosts it could not
   * plan keep their failure, and each planned task without changes is `ok`.
   */
  seed(plan: RunPlan): void {
    for (const h of plan.hosts) {
      const outcome = this.get(h.host);
      // A host whose plan failed only by holding changes back (a miswired port: the task that holds them is its last)
      // still gets the rest applied; the apply fails it again when it reaches that task.
      const heldOnly = h.status === 'failed' && h.tasks.at(-1)?.held !== undefined;
      if ((h.status === 'failed' && !heldOnly) || h.status === 'unreachable')
        this.markDown(h.host, h.status, h.error ?? h.status);
      for (const t of h.tasks.filter((t) => t.changes.length === 0))
        this.addTask(h.host, {
          play: t.play,
          task: t.task,
          status: t.skipped ? 'skipped' : 'ok',
          changes: [],
          message: t.skipped ?? 'in sync when planned',
          durationMs: 0,
        });
      if (h.status === 'in-sync' && outcome.status === 'skipped') outcome.status = 'unchanged';
    }
  }

  all(): HostOutcome[] {
    return [...this.byHost.values()];
  }
}
