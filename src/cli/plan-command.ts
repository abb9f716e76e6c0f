import { writeFileSync } from 'node:fs';
import { Option } from 'commander';
import { planRun } from '../engine/plan-run.js';
import { ConnectionPool } from '../engine/connection-pool.js';
import { formatApplyOrder } from '../report/apply-order-text.js';
import { formatPlan } from '../report/plan-text.js';
import { runJson } from '../report/run-json.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';
import { addRunOptions, prepareRun, type RunFlags } from './run-setup.js';
import { writeReports } from './plan-reports.js';
import { runFleetPlan } from './fleet-plan-command.js';
import { addFleetOptions, fleetTarget, type FleetFlags } from './fleet-target.js';

interface PlanFlags extends RunFlags, FleetFlags {
  readonly detailedExitcode?: boolean;
  readonly out?: string;
  readonly diff?: boolean;
  readonly format: 'text' | 'markdown';
  readonly html?: string;
}

/**
 * `acp-play plan INVENTORY`: gathers every host and prints per-host diffs and the order apply would run them in;
 * changes nothing. With --out, saves the plan for `acp-play apply PLANFILE`. With --detailed-exitcode: 0 in sync,
 * 2 changes present, 1 a host failed (Terraform's convention); 130 when interrupted, whatever the flags.
 * `--format markdown` prints the change report for a pull request or change ticket instead of the text plan;
 * `--html FILE` also writes the self-contained page with the picture of the site. Given a fleet (a folder of site
 * folders), plans every site (or those of --sites and --shard) in one run: see fleet-plan-command.ts.
 */
export const registerPlanCommand: RegisterCommand = (program, setExit) => {
  addFleetOptions(
    addRunOptions(
      program.command('plan').description('gather every host and show what apply would change (changes nothing)'),
      'a site inventory directory (hosts.yaml, group_vars/, ...), or a fleet: a directory of site inventories',
    ),
  )
    .option('--detailed-exitcode', 'exit 2 when changes are present, 0 when in sync, 1 when a host failed')
    .option('-o, --out <planfile>', 'save the plan to PLANFILE, for `acp-play apply PLANFILE` in the change window')
    .option('--diff', "show every change's full diff (nmstate's YAML before/after), not only its one-line summary")
    .addOption(
      new Option('--format <format>', 'text, or markdown (a summary table per host, details collapsed)')
        .choices(['text', 'markdown'])
        .default('text'),
    )
    .option('--html <file>', 'also write the plan as one self-contained HTML page with a picture of the site')
    .action(async (dir: string, flags: PlanFlags) => {
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
          process.stderr.write(
            `${flags.out} was not written: an interrupted plan is incomplete and cannot be applied\n`,
          );
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
    });
};
