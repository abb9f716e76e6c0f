import type { RunPlan, RunResult } from '../core/run.js';
import { HostOutcomes } from '../engine/host-outcomes.js';
import type { PreparedRun } from './run-setup.js';

/**
 * The result of an apply that changed nothing (no changes, or interrupted before the first): hosts the plan found in
 * sync are unchanged, hosts that failed to plan keep their failure, every other host is `not-applied`.
 */
export function nothingApplied(run: PreparedRun, plan: RunPlan): RunResult {
  const outcomes = new HostOutcomes();
  outcomes.seed(plan);
  for (const h of plan.hosts) if (h.status === 'changes' || h.status === 'not-planned') outcomes.markNotApplied(h.host);
  return {
    format: 'acp-play/result@1',
    runId: run.options.runId,
    mode: 'apply',
    startedAt: plan.createdAt,
    finishedAt: new Date().toISOString(),
    hosts: outcomes.all(),
    notStarted: [],
    interrupted: run.options.signal.aborted,
  };
}
