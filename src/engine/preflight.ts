import type { Host } from '../core/inventory.js';
import { ApprovedPlan } from './approved-plan.js';
import type { ConnectionPool } from './connection-pool.js';
import type { RunPlay } from './play-hosts.js';
import { restoreDesired } from './desired-snapshot.js';
import { movedResources } from './fingerprint.js';
import type { ApplyOptions } from './run-options.js';
import { fingerprintStep } from './task-plan.js';
import { connectFor, stepEnv, taskContext } from './task-step.js';
import { forkLimitOf } from './fork-limit.js';

/**
 * Before any change of `apply PLANFILE`: gathers every planned task of every host that has changes (with the saved
 * desired states) and compares it with the plan's fingerprints. Returns what moved (`switch1/switch_ports:
 * Ethernet1/7 changed since the plan`), or an empty list. Hosts whose plan is empty are not contacted.
 */
export async function preflightSavedPlan(
  opts: ApplyOptions,
  plays: readonly RunPlay[],
  pool: ConnectionPool,
): Promise<string[]> {
  const approved = new ApprovedPlan(opts.approved!, plays);
  const env = stepEnv(opts, pool);
  const wanted = new Set(approved.hostsWithChanges());
  const limit = forkLimitOf(opts);
  const moved: string[][] = await Promise.all(
    [...wanted].map((name) =>
      limit(async () => {
        const host = opts.inventory.hosts.get(name) as Host | undefined;
        if (!host) return [`${name} is in the plan but not in the inventory`];
        const lines: string[] = [];
        try {
          const conn = await connectFor(env, host);
          for (const { tasks } of plays) {
            for (const task of tasks) {
              if (opts.signal.aborted) return [...lines, `${name}: interrupted before it was checked`];
              const saved = approved.taskPlan(task, name);
              const module = opts.modules.get(task.module);
              if (!saved || saved.skipped || !saved.fingerprint || !module) continue;
              opts.inFlight?.start(name, task.name, 'checking');
              const ctx = taskContext(env, host, task);
              const desired = restoreDesired(saved.desired, opts.inventory);
              const current: unknown = await module.gather(conn, desired, ctx);
              const diff = movedResources(saved.fingerprint, fingerprintStep(module, current, desired));
              if (diff.length > 0) lines.push(`${saved.address} changed since the plan: ${diff.join(', ')}`);
            }
          }
        } catch (error) {
          lines.push(`${name}: could not be checked: ${(error as Error).message}`);
        } finally {
          opts.inFlight?.end(name);
        }
        return lines;
      }),
    ),
  );
  return moved.flat();
}
