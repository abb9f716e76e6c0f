import { Option } from 'commander';
import type { RegisterCommand } from './register-command.js';
import { addRunOptions } from './run-options.js';
import { addFleetOptions } from './fleet-options.js';
import type { PlanFlags } from './plan-action.js';

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
    .action(async (dir: string, flags: PlanFlags) =>
      (await import('./plan-action.js')).planAction(dir, flags, setExit),
    );
};
