import { statSync } from 'node:fs';
import { applyRun } from '../engine/apply-run.js';
import { ConnectionPool } from '../engine/connection-pool.js';
import { planRun } from '../engine/plan-run.js';
import { ConfigError } from '../core/errors.js';
import type { RunResult } from '../core/run.js';
import { formatApplyOrder } from '../report/apply-order-text.js';
import { formatPlan } from '../report/plan-text.js';
import { formatRecap } from '../report/recap.js';
import { runJson } from '../report/run-json.js';
import { EXIT } from './exit-codes.js';
import type { ApplyFlags } from './apply-flags.js';
import { applySavedPlan, planFileRun, type PlanFileRun } from './apply-plan-file.js';
import { confirmApply } from './confirm-apply.js';
import { nothingApplied } from './nothing-applied.js';
import { prepareRun, type PreparedRun } from './run-setup.js';
import { runFleetApply } from './fleet-apply-command.js';
import { fleetTarget } from './fleet-target.js';

/** What `acp-play apply` does; apply-command.ts imports this only when it runs (--help stays light). */
export async function applyAction(target: string, flags: ApplyFlags, setExit: (code: number) => void): Promise<void> {
  if (!flags.yes && !flags.check && !process.stdin.isTTY) {
    throw new ConfigError({
      severity: 'error',
      message: 'apply asks for confirmation, and there is no terminal to ask on',
      fix: 'review with `acp-play plan`, then run apply with --yes',
    });
  }
  const commandLine = `acp-play apply ${process.argv.slice(3).join(' ')}`.trim();
  const isPlanFile = statSync(target, { throwIfNoEntry: false })?.isFile() ?? false;
  const fleet = isPlanFile ? undefined : fleetTarget(target, flags);
  if (fleet) return setExit(await runFleetApply(fleet, flags, commandLine));
  if (isPlanFile && (flags.sites !== undefined || flags.shard !== undefined))
    throw new ConfigError({
      severity: 'error',
      message: `--sites and --shard choose sites of a fleet, and ${target} is a plan file of one site`,
      fix: 'apply the plan file alone',
    });
  const run: PlanFileRun = isPlanFile
    ? await planFileRun(target, flags, commandLine)
    : await prepareRun(target, flags, commandLine, { changesDevices: !flags.check });
  const pool = new ConnectionPool(run.options.connect);
  try {
    run.options.reporter.emit({
      kind: 'run-start',
      runId: run.options.runId,
      mode: flags.check ? 'check' : 'apply',
      hosts: run.options.inventory.hosts.size,
      plays: run.options.playbook.plays.length,
    });
    const result = run.savedPlan
      ? await applySavedPlan(run, run.savedPlan, flags, pool)
      : await applyInventory(run, flags, pool);
    await run.options.reporter.close();
    if (!result) {
      run.out.write('Apply cancelled; nothing was changed.\n');
      setExit(EXIT.ok);
      return;
    }
    run.record.writeResult(result);
    if (flags.diff)
      for (const h of result.hosts)
        for (const t of h.tasks)
          for (const c of t.changes) run.out.write(`${h.host}: ${c.resource}\n${c.diff.replace(/^/gm, '    ')}\n`);
    if (flags.json) process.stdout.write(runJson(result, run.redact));
    run.out.write(`\n${formatRecap(result, run.color)}\n`);
    run.out.write(run.color.dim(`run record: ${run.record.dir}\n`));
    setExit(exitOf(result));
  } finally {
    await pool.closeAll();
    run.dispose();
  }
}

function exitOf(result: RunResult): number {
  if (result.interrupted) return EXIT.interrupted;
  return result.hosts.some((h) => h.status === 'failed' || h.status === 'unreachable') ? EXIT.failed : EXIT.ok;
}

/** `apply INVENTORY`: plan, show, confirm, apply the approved plan. Undefined when the user said no. */
async function applyInventory(
  run: PreparedRun,
  flags: ApplyFlags,
  pool: ConnectionPool,
): Promise<RunResult | undefined> {
  const { options, out, color } = run;
  if (flags.check) return applyRun({ ...options, check: true }, pool);
  const plan = await planRun(options, pool);
  run.record.writePlan(plan);
  out.write(`\n${formatPlan(plan, color)}\n`);
  if (plan.interrupted || plan.summary.changes === 0) return nothingApplied(run, plan);
  const order = formatApplyOrder(plan, color);
  if (order) out.write(`\n${order}\n`);
  if (!flags.yes && !(await confirmApply(plan.summary.changes, options.signal, () => run.abort.abort()))) {
    if (options.signal.aborted) return nothingApplied(run, plan);
    return undefined;
  }
  return applyRun({ ...options, approved: plan }, pool);
}
