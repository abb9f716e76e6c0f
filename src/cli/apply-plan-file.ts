import { ConfigError } from '../core/errors.js';
import type { RunPlan, RunResult } from '../core/run.js';
import { applyRun } from '../engine/apply-run.js';
import type { ConnectionPool } from '../engine/connection-pool.js';
import { runPlays } from '../engine/play-hosts.js';
import { preflightSavedPlan } from '../engine/preflight.js';
import { readPlanFile, staleInputs, StalePlanError } from '../engine/saved-plan.js';
import { formatApplyOrder } from '../report/apply-order-text.js';
import { formatPlan } from '../report/plan-text.js';
import type { ApplyFlags } from './apply-flags.js';
import { nothingApplied } from './nothing-applied.js';
import { confirmApply } from './confirm-apply.js';
import { prepareRun, type PreparedRun } from './run-setup.js';

/** A run of `apply PLANFILE`: the prepared run and the plan it applies. */
export type PlanFileRun = PreparedRun & { readonly savedPlan?: RunPlan; readonly planFile?: string };

/**
 * Prepares `apply PLANFILE`: the run takes the inventory, playbook, --limit and --tags the plan was made with, and
 * refuses (exit 1, before the lock is taken or any host contacted) a plan that is incomplete, was made by another
 * acp-play version, or whose inventory, playbook or templates moved, naming each file.
 */
export async function planFileRun(file: string, flags: ApplyFlags, commandLine: string): Promise<PlanFileRun> {
  const plan = readPlanFile(file);
  const fixed = (['playbook', 'limit', 'tags', 'check'] as const).filter((f) => flags[f] !== undefined);
  if (fixed.length > 0)
    throw new ConfigError({
      severity: 'error',
      message: `${fixed.map((f) => `--${f}`).join(', ')} cannot be given with a plan file: the plan is exactly what runs`,
      fix: `make a new plan with those options (acp-play plan ${plan.inventory} ... --out FILE)`,
    });
  const run = await prepareRun(
    plan.inventory,
    {
      ...flags,
      playbook: plan.playbook,
      ...(plan.limit ? { limit: plan.limit } : {}),
      ...(plan.tags ? { tags: plan.tags.join(',') } : {}),
    },
    commandLine,
    {
      changesDevices: true,
      prerender: false,
      checkInputs: (now) => {
        const moved = staleInputs(plan, now);
        if (moved.length > 0) throw new StalePlanError(file, moved);
      },
    },
  );
  return { ...run, savedPlan: plan, planFile: file };
}

/**
 * Shows the saved plan, asks (unless --yes), checks every host with changes against its fingerprint (refusing
 * everything, exit 1, when one moved), then applies exactly the plan. Hosts whose plan is empty are not contacted.
 */
export async function applySavedPlan(
  run: PlanFileRun,
  plan: RunPlan,
  flags: ApplyFlags,
  pool: ConnectionPool,
): Promise<RunResult | undefined> {
  const { options, out, color } = run;
  out.write(`\nplan ${run.planFile} (run ${plan.runId}, made ${plan.createdAt}):\n\n${formatPlan(plan, color)}\n`);
  if (plan.summary.changes === 0) return nothingApplied(run, plan);
  const order = formatApplyOrder(plan, color);
  if (order) out.write(`\n${order}\n`);
  if (!flags.yes && !(await confirmApply(plan.summary.changes, options.signal, () => run.abort.abort())))
    return options.signal.aborted ? nothingApplied(run, plan) : undefined;
  const moved = await preflightSavedPlan({ ...options, approved: plan }, runPlays(options), pool);
  if (options.signal.aborted) return nothingApplied(run, plan);
  if (moved.length > 0) throw new StalePlanError(run.planFile!, moved);
  const result = await applyRun({ ...options, approved: plan, fromPlanFile: true }, pool);
  return { ...result, planFile: run.planFile! };
}
