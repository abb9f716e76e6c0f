import { writeFileSync } from 'node:fs';
import { planRun } from '../engine/plan-run.js';
import { ConnectionPool } from '../engine/connection-pool.js';
import { formatPlan } from '../report/plan-text.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';
import { addRunOptions, prepareRun, type RunFlags } from './run-setup.js';

interface PlanFlags extends RunFlags {
  readonly detailedExitcode?: boolean;
  readonly out?: string;
  readonly diff?: boolean;
}

/**
 * `acp-play plan INVENTORY`: gathers every host and prints per-host diffs; changes nothing. With
 * --detailed-exitcode: 0 in sync, 2 changes present, 1 a host failed (Terraform's convention).
 */
export const registerPlanCommand: RegisterCommand = (program, setExit) => {
  addRunOptions(
    program.command('plan').description('gather every host and show what apply would change (changes nothing)'),
  )
    .option('--detailed-exitcode', 'exit 2 when changes are present, 0 when in sync, 1 when a host failed')
    .option('-o, --out <planfile>', 'also save the plan as JSON to PLANFILE')
    .option('--diff', "show every change's full diff (nmstate's YAML before/after), not only its one-line summary")
    .action(async (dir: string, flags: PlanFlags) => {
      const run = await prepareRun(dir, flags, `acp-play plan ${process.argv.slice(3).join(' ')}`.trim());
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
        if (flags.out) writeFileSync(flags.out, `${JSON.stringify(plan, null, 2)}\n`);
        if (flags.json) process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
        else run.out.write(`\n${formatPlan(plan, run.color, { diff: flags.diff === true })}\n`);
        if (plan.summary.failed > 0) setExit(EXIT.failed);
        else setExit(flags.detailedExitcode && plan.summary.changes > 0 ? EXIT.changes : EXIT.ok);
      } finally {
        await pool.closeAll();
        run.dispose();
      }
    });
};
