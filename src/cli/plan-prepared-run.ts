import type { RunPlan } from '../core/run.js';
import type { ConnectionPool } from '../engine/connection-pool.js';
import { planRun } from '../engine/plan-run.js';
import type { PreparedRun } from './run-setup.js';

/** Plans a prepared run over `pool`: announces it, plans every host, closes the progress view, records the plan. */
export async function planPreparedRun(run: PreparedRun, pool: ConnectionPool): Promise<RunPlan> {
  run.options.reporter.emit({
    kind: 'run-start',
    runId: run.options.runId,
    mode: 'plan',
    hosts: run.options.inventory.hosts.size,
    plays: run.options.playbook.plays.length,
  });
  const plan = await planRun(run.options, pool);
  await run.options.reporter.close();
  run.record.writePlan(plan);
  return plan;
}
