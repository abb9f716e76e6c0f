import { writeFileSync } from 'node:fs';
import { ConnectionPool } from '../engine/connection-pool.js';
import { planPreparedRun } from './plan-prepared-run.js';
import { formatApplyOrder } from '../report/apply-order-text.js';
import { formatPlan } from '../report/plan-text.js';
import { runJson } from '../report/run-json.js';
import { EXIT } from './exit-codes.js';
import type { RunFlags } from './run-options.js';
import { prepareRun } from './run-setup.js';
import { writeReports } from './plan-reports.js';
import { runFleetPlan } from './fleet-plan-command.js';
import { fleetTarget } from './fleet-target.js';
import type { FleetFlags } from './fleet-options.js';

export interface PlanFlags extends RunFlags, FleetFlags {
  readonly detailedExitcode?: boolean;
  readonly out?: string;
  readonly diff?: boolean;
  readonly format: 'text' | 'markdown';
  readonly html?: string;
}

/** What `acp-play plan` does; plan-command.ts imports this only when it runs (--help stays light). */
export async function planAction(dir: string, flags: PlanFlags, setExit: (code: number) => void): Promise<void> {
  const commandLine = `acp-play plan ${process.argv.slice(3).join(' ')}`.trim();
  const fleet = fleetTarget(dir, flags);
  if (fleet) return setExit(await runFleetPlan(fleet, flags, commandLine));
  // The markdown report goes to stdout alone, like --json: progress goes to stderr.
  const setup = { ...flags, json: flags.json === true || flags.format === 'markdown' };
  const run = await prepareRun(dir, setup, commandLine, {
    changesDevices: false,
  });
  const pool = new ConnectionPool(run.options.connect);
  try {
    const plan = await planPreparedRun(run, pool);
    const reports = writeReports(plan, run.options.site, flags, run.redact);
    if (flags.json) process.stdout.write(runJson(plan, run.redact));
    else if (reports.markdown !== undefined) process.stdout.write(reports.markdown);
    else {
      run.out.write(`\n${formatPlan(plan, run.color, { diff: flags.diff === true })}\n`);
      if (!plan.interrupted) {
        const order = formatApplyOrder(plan, run.color);
        if (order) run.out.write(`\n${order}\n`);
      }
    }
    if (reports.html) run.out.write(run.color.dim(`report: ${reports.html}\n`));
    if (flags.out && plan.interrupted)
      process.stderr.write(`${flags.out} was not written: an interrupted plan is incomplete and cannot be applied\n`);
    else if (flags.out) {
      writeFileSync(flags.out, runJson(plan, run.redact));
      run.out.write(
        run.color.dim(`plan saved to ${flags.out}: apply exactly this plan with acp-play apply ${flags.out}\n`),
      );
    }
    if (plan.interrupted) setExit(EXIT.interrupted);
    else if (plan.summary.failed > 0) setExit(EXIT.failed);
    else setExit(flags.detailedExitcode && plan.summary.changes > 0 ? EXIT.changes : EXIT.ok);
  } finally {
    await pool.closeAll();
    run.dispose();
  }
}
