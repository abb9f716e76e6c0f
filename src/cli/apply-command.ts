import type { RegisterCommand } from './register-command.js';
import type { ApplyFlags } from './apply-flags.js';
import { addRunOptions } from './run-options.js';
import { addFleetOptions } from './fleet-options.js';

/**
 * `acp-play apply PLANFILE`: applies exactly a plan saved by `plan --out` (the change-window workflow), after
 * checking that nothing it was made from moved. `acp-play apply INVENTORY`: plans, shows the plan, asks for
 * confirmation on a terminal (unless --yes), then applies exactly the reviewed changes. Either way in two passes
 * (additions and updates in play order, then removals in reverse), each host's step verified and rolled back on
 * failure. Exit 0 when every host ended ok, 1 when one failed or was unreachable (or the plan is stale), 130 when
 * interrupted. `acp-play apply FLEET`: the same for every site of a folder of sites (fleet-apply-command.ts).
 */
export const registerApplyCommand: RegisterCommand = (program, setExit) => {
  addFleetOptions(
    addRunOptions(
      program
        .command('apply')
        .description(
          'apply a saved plan (PLANFILE), or plan, confirm and apply (INVENTORY or FLEET); verify, roll back on failure',
        ),
      'a plan file written by `plan --out`, an inventory directory, or a fleet (a directory of site inventories)',
    ),
  )
    .option('--check', 'check mode: run the plays and report what would change, apply nothing')
    .option('--diff', 'print each change as it is applied')
    .option('-y, --yes', 'apply without asking (required when not on a terminal)')
    .action(async (target: string, flags: ApplyFlags) =>
      (await import('./apply-action.js')).applyAction(target, flags, setExit),
    );
};
