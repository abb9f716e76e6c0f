import type { Inventory } from '../core/inventory.js';
import type { ModulePlan, PlannedStep, TaskModule } from '../core/module.js';
import type { Play, Task } from '../core/playbook.js';
import type { Fingerprint, PlannedChange, TaskPlan } from '../core/run.js';
import { changeAddress, taskAddress } from './addresses.js';
import { passesOf } from './apply-order.js';
import { snapshotDesired } from './desired-snapshot.js';
import { fingerprintOf } from './fingerprint.js';

/** The task's address on `host`: a module with several targets per host names the target. */
export function addressOf(module: TaskModule<any, any, any> | undefined, host: string, task: Task, desired?: unknown) {
  const target = module?.target && desired !== undefined ? module.target(desired) : undefined;
  return taskAddress(host, task.module, target);
}

/** The fingerprint of what a task gathered: its module's facts (default: the whole gathered state), hashed. */
export function fingerprintStep(module: TaskModule<any, any, any>, current: unknown, desired: unknown): Fingerprint {
  return fingerprintOf(module.facts ? module.facts(current, desired) : { state: current });
}

/** A module plan's changes with their addresses and passes. */
export function plannedChanges(host: string, module: string, plan: ModulePlan): PlannedChange[] {
  const passes = passesOf(plan);
  return plan.changes.map((c, i) => ({ ...c, address: changeAddress(host, module, c.resource), pass: passes[i]! }));
}

/** The saved form of one planned task: its changes, desired state, document and fingerprint. */
export function describePlannedTask(
  play: Play,
  task: Task,
  module: TaskModule<any, any, any>,
  step: PlannedStep<unknown, unknown>,
  inventory: Inventory,
): TaskPlan {
  const host = step.ctx.host.name;
  return {
    play: play.name,
    task: task.name,
    module: task.module,
    address: addressOf(module, host, task, step.desired),
    changes: plannedChanges(host, task.module, step.plan),
    inSync: step.plan.inSync,
    ...(step.plan.held && step.plan.held.length > 0 ? { held: step.plan.held } : {}),
    desired: snapshotDesired(step.desired, inventory),
    ...(step.plan.document !== undefined ? { document: step.plan.document } : {}),
    fingerprint: fingerprintStep(module, step.current, step.desired),
  };
}
