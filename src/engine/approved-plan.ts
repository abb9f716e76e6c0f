import { InternalError } from '../core/errors.js';
import type { Task } from '../core/playbook.js';
import type { ApplyPass, RunPlan, TaskPlan } from '../core/run.js';
import type { RunPlay } from './play-hosts.js';

/**
 * The approved plan, indexed by the run's own play and task objects: each host's task plans are matched, in order,
 * to the tasks the playbook gives that host (the plan was made from the same playbook, so names and order agree).
 */
export class ApprovedPlan {
  private readonly byTask = new Map<Task, Map<string, TaskPlan>>();

  constructor(
    readonly plan: RunPlan,
    plays: readonly RunPlay[],
  ) {
    for (const hostPlan of plan.hosts) {
      const expected = plays.flatMap((p) =>
        p.tasks.length > 0 && p.hosts.some((h) => h.name === hostPlan.host)
          ? p.tasks.map((task) => ({ play: p.play, task }))
          : [],
      );
      hostPlan.tasks.forEach((taskPlan, i) => {
        const at = expected[i];
        if (!at || at.play.name !== taskPlan.play || at.task.name !== taskPlan.task)
          throw new InternalError(
            `${hostPlan.host}: the plan's task "${taskPlan.play} / ${taskPlan.task}" does not match the playbook`,
          );
        const perHost = this.byTask.get(at.task) ?? new Map<string, TaskPlan>();
        perHost.set(hostPlan.host, taskPlan);
        this.byTask.set(at.task, perHost);
      });
    }
  }

  taskPlan(task: Task, host: string): TaskPlan | undefined {
    return this.byTask.get(task)?.get(host);
  }

  /** True when the task has changes on the host in this pass. */
  hasWork(task: Task, host: string, pass: ApplyPass): boolean {
    const planned = this.taskPlan(task, host);
    // Held changes (a miswired port) are work of the forward pass: the task fails there, naming them.
    if (pass === 'forward' && planned?.held) return true;
    return planned?.changes.some((c) => c.pass === pass) ?? false;
  }

  /** Hosts with changes anywhere in the plan. */
  hostsWithChanges(): string[] {
    return this.plan.hosts.filter((h) => h.tasks.some((t) => t.changes.length > 0 || t.held)).map((h) => h.host);
  }
}
