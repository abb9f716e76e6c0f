import { createInterface } from 'node:readline/promises';
import { applyRun } from '../engine/apply-run.js';
import { ConnectionPool } from '../engine/connection-pool.js';
import { outcomesFromPlan } from '../engine/host-outcomes.js';
import { planRun } from '../engine/plan-run.js';
import { ConfigError } from '../core/errors.js';
import { formatPlan } from '../report/plan-text.js';
import { formatRecap } from '../report/recap.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';
import { addRunOptions, prepareRun, type RunFlags } from './run-setup.js';

interface ApplyFlags extends RunFlags {
  readonly check?: boolean;
  readonly diff?: boolean;
  readonly yes?: boolean;
}

/**
 * `acp-play apply INVENTORY`: plans, shows the plan, asks for confirmation on a terminal (unless --yes), then
 * applies exactly the reviewed changes, play by play (`serial` batches), each host's step verified and rolled back
 * on failure. Exit 0 when every host ended ok, 1 when one failed or was unreachable.
 */
export const registerApplyCommand: RegisterCommand = (program, setExit) => {
  addRunOptions(
    program.command('apply').description('plan, confirm, and apply the changes (verify, roll back on failure)'),
  )
    .option('--check', 'check mode: run the plays and report what would change, apply nothing')
    .option('--diff', 'print each change as it is applied')
    .option('-y, --yes', 'apply without asking (required when not on a terminal)')
    .action(async (dir: string, flags: ApplyFlags) => {
      if (!flags.yes && !flags.check && !process.stdin.isTTY) {
        throw new ConfigError({
          severity: 'error',
          message: 'apply asks for confirmation, and there is no terminal to ask on',
          fix: 'review with `acp-play plan`, then run apply with --yes',
        });
      }
      const run = await prepareRun(dir, flags, `acp-play apply ${process.argv.slice(3).join(' ')}`.trim());
      const { options, out, color } = run;
      const pool = new ConnectionPool(options.connect);
      try {
        options.reporter.emit({
          kind: 'run-start',
          runId: options.runId,
          mode: flags.check ? 'check' : 'apply',
          hosts: options.inventory.hosts.size,
          plays: options.playbook.plays.length,
        });
        if (flags.check) {
          const result = await applyRun({ ...options, check: true }, pool);
          await options.reporter.close();
          run.record.writeResult(result);
          finish(result);
          return;
        }
        const plan = await planRun(options, pool);
        run.record.writePlan(plan);
        out.write(`\n${formatPlan(plan, color)}\n`);
        if (plan.summary.changes === 0) {
          await options.reporter.close();
          const now = new Date().toISOString();
          const result = {
            format: 'acp-play/result@1' as const,
            runId: options.runId,
            mode: 'apply' as const,
            startedAt: plan.createdAt,
            finishedAt: now,
            hosts: outcomesFromPlan(plan),
            notStarted: [],
            interrupted: options.signal.aborted,
          };
          run.record.writeResult(result);
          finish(result);
          return;
        }
        if (!flags.yes && !(await confirm(plan.summary.changes))) {
          await options.reporter.close();
          out.write('Apply cancelled; nothing was changed.\n');
          setExit(EXIT.ok);
          return;
        }
        const result = await applyRun({ ...options, approved: plan }, pool);
        await options.reporter.close();
        run.record.writeResult(result);
        if (flags.diff)
          for (const h of result.hosts)
            for (const t of h.tasks)
              for (const c of t.changes) out.write(`${h.host}: ${c.resource}\n${c.diff.replace(/^/gm, '    ')}\n`);
        finish(result);
      } finally {
        await pool.closeAll();
        run.dispose();
      }

      function finish(result: Awaited<ReturnType<typeof applyRun>>): void {
        if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        out.write(`\n${formatRecap(result, color)}\n`);
        out.write(color.dim(`run record: ${run.record.dir}\n`));
        setExit(result.hosts.some((h) => h.status === 'failed' || h.status === 'unreachable') ? EXIT.failed : EXIT.ok);
      }
    });
};

async function confirm(changes: number): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`\nApply these ${changes} change(s)? Only 'yes' is accepted: `);
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}
