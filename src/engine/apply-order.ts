import type { Change } from '../core/change.js';
import type { ModulePlan } from '../core/module.js';
import type { Play } from '../core/playbook.js';
import type { ApplyPass, HostPlan, OrderStep } from '../core/run.js';

/**
 * The pass each change of a task's plan runs in. A removal (`action: 'delete'`) runs in the reverse pass, everything
 * else in the forward pass. A plan that is one document (a Cumulus interfaces file) cannot be split: it runs whole, in
 * the forward pass when it adds or updates anything, else in the reverse pass.
 */
export function passesOf(plan: Pick<ModulePlan, 'changes' | 'document'>): ApplyPass[] {
  if (plan.document !== undefined) {
    const pass: ApplyPass = plan.changes.every(isRemoval) ? 'reverse' : 'forward';
    return plan.changes.map(() => pass);
  }
  return plan.changes.map((c) => (isRemoval(c) ? 'reverse' : 'forward'));
}

export function isRemoval(change: Pick<Change, 'action'>): boolean {
  return change.action === 'delete';
}

/** The part of a task's plan that runs in `pass`, or undefined when it has no change there. */
export function planForPass<P extends ModulePlan>(plan: P, pass: ApplyPass): P | undefined {
  const passes = passesOf(plan);
  const changes = plan.changes.filter((_, i) => passes[i] === pass);
  if (changes.length === 0) return undefined;
  return { ...plan, changes };
}

/** The changes of `plan` that run in passes after `pass` (what a forward step leaves for the reverse pass). */
export function heldBackAfter(plan: ModulePlan, pass: ApplyPass): readonly Change[] {
  if (pass === 'reverse') return [];
  const passes = passesOf(plan);
  return plan.changes.filter((_, i) => passes[i] === 'reverse');
}

/** The plays of a pass, in the order the pass runs them, each with its tasks in that order. */
export function playsInPass<T extends Pick<Play, 'tasks'>>(
  plays: readonly T[],
  pass: ApplyPass,
): { play: T; tasks: T['tasks'] }[] {
  const ordered = pass === 'forward' ? [...plays] : [...plays].reverse();
  return ordered.map((play) => ({ play, tasks: pass === 'forward' ? play.tasks : [...play.tasks].reverse() }));
}

/**
 * The apply order of a plan, as the change board reads it: the forward pass (plays in order), then the reverse pass
 * (plays and their tasks in reverse order); each step is a task and the hosts that have changes in that pass.
 */
export function applyOrder(plays: readonly Pick<Play, 'name' | 'tasks'>[], hosts: readonly HostPlan[]): OrderStep[] {
  const steps: OrderStep[] = [];
  for (const pass of ['forward', 'reverse'] as const) {
    for (const { play, tasks } of playsInPass(plays, pass)) {
      for (const task of tasks) {
        const onHosts: string[] = [];
        let changes = 0;
        for (const host of hosts) {
          const n = host.tasks
            .filter((t) => t.play === play.name && t.task === task.name)
            .reduce((sum, t) => sum + t.changes.filter((c) => c.pass === pass).length, 0);
          if (n > 0) {
            onHosts.push(host.host);
            changes += n;
          }
        }
        if (onHosts.length > 0) steps.push({ pass, play: play.name, task: task.name, hosts: onHosts, changes });
      }
    }
  }
  return steps;
}
