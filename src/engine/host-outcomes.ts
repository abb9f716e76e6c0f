import type { HostOutcome, HostStatus, RunPlan, TaskOutcome } from '../core/run.js';

/** Per-host outcomes across all plays of a run; failed and unreachable hosts stay so and are skipped later. */
export class HostOutcomes {
  private readonly byHost = new Map<string, HostOutcome>();

  constructor(hostNames: readonly string[]) {
    for (const host of hostNames) this.byHost.set(host, { host, status: 'skipped', tasks: [], durationMs: 0 });
  }

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

  all(): HostOutcome[] {
    return [...this.byHost.values()];
  }
}

/** The outcome of a run that stopped after planning (nothing to apply): each host as the plan left it. */
export function outcomesFromPlan(plan: RunPlan): HostOutcome[] {
  return plan.hosts.map((h) => ({
    host: h.host,
    status: h.status === 'in-sync' ? 'unchanged' : h.status === 'changes' ? 'changed' : h.status,
    tasks: h.tasks.map((t) => ({
      play: t.play,
      task: t.task,
      status: t.skipped ? 'skipped' : 'ok',
      changes: [],
      durationMs: 0,
      ...(t.skipped ? { message: t.skipped } : {}),
    })),
    ...(h.error ? { error: h.error } : {}),
    durationMs: 0,
  }));
}
