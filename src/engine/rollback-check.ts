import type { ModulePlan, TaskModule, TaskStep } from '../core/module.js';
import type { Transport } from '../core/transport.js';

/** The words of a rollback the runner read back and found complete. */
export const ROLLBACK_VERIFIED = 'rolled back (verified: the device matches its state before the run)';

/** The words of a rollback after which the host still differs from its state before the run. */
export const ROLLBACK_NOT_VERIFIED = 'ROLLBACK NOT VERIFIED';

/**
 * After a rollback, gathers the host again and compares with the state gathered before the change (`step.current`),
 * through the module's own notion of "the same state" (`compareStates`), else by the plans made from both. Returns
 * what differs; empty means the host is back in its state before the run. A host that cannot be read on its
 * connection (a node the change cut off) is read once more on a new one; a host that cannot be read at all is not
 * verified.
 */
export async function checkRollback<D, C, T>(module: TaskModule<D, C, T>, step: TaskStep<D, C, T>): Promise<string[]> {
  const { ctx, desired } = step;
  let after: C;
  try {
    after = await gatherAgain(module, step);
  } catch (error) {
    return [`could not read ${ctx.host.name} again after the rollback: ${firstLine(error)}`];
  }
  if (module.compareStates) return [...module.compareStates(step.current, after, desired)];
  return compareDrift(module.plan(desired, step.current, ctx), module.plan(desired, after, ctx));
}

async function gatherAgain<D, C, T>(module: TaskModule<D, C, T>, step: TaskStep<D, C, T>): Promise<C> {
  const { ctx, conn, desired } = step;
  try {
    return await module.gather(conn, desired, ctx);
  } catch (error) {
    ctx.note(`reading the host again on a new connection (${firstLine(error)})`);
    let fresh: Transport | undefined;
    try {
      fresh = await ctx.openConnection();
      return await module.gather(fresh, desired, ctx);
    } finally {
      await fresh?.close().catch(() => undefined);
    }
  }
}

/**
 * The generic "same state": the plan from the state before the run and the plan from the state now must propose the
 * same changes (resource, action and diff). Lists each resource whose planned change differs.
 */
export function compareDrift(before: ModulePlan, after: ModulePlan): string[] {
  const key = (plan: ModulePlan) =>
    new Map(plan.changes.map((c) => [c.resource, `${c.action}: ${c.diff.split('\n').join(' ')}`]));
  const was = key(before);
  const now = key(after);
  const differences: string[] = [];
  for (const resource of new Set([...was.keys(), ...now.keys()])) {
    const a = was.get(resource);
    const b = now.get(resource);
    if (a === b) continue;
    differences.push(`${resource}: before the run the plan was ${a ?? 'in sync'}, now it is ${b ?? 'in sync'}`);
  }
  return differences;
}

function firstLine(error: unknown): string {
  return ((error as Error)?.message ?? String(error)).split('\n')[0]!;
}
