import { AcpError } from '../core/errors.js';
import type { RegisterCommand } from './register-command.js';

/**
 * The lab's commands live in the lab package (packages/lab), imported only when `lab` runs or shows its help: every
 * other command, `--help` and `--version` load no lab code. The specifier is a variable so that the product builds
 * without the lab (the lab builds against the product).
 */
const LAB_COMMANDS: string = '@acp-play/lab/cli/lab-commands.js';

/** What `acp-play --help` says of `lab`, before the lab package is loaded. */
export const LAB_DESCRIPTION = 'local lab: simulated site, switch simulators, namespace hosts, kernel data plane';

/** Registers `lab` with its description; its subcommands are added by the lab package just before `lab` runs. */
export const registerLabEntry: RegisterCommand = (program, setExit) => {
  const lab = program.command('lab').description(LAB_DESCRIPTION);
  program.hook('preSubcommand', async (_program, sub) => {
    if (sub !== lab) return;
    const { registerLabCommands } = (await importLab()) as { registerLabCommands: RegisterCommand };
    registerLabCommands(program, setExit);
  });
};

async function importLab(): Promise<unknown> {
  try {
    return await import(LAB_COMMANDS);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    if (!missing || !String((error as Error).message).includes('@acp-play/lab')) throw error;
    throw new AcpError(
      'the lab package (@acp-play/lab) is not installed or not built: in a checkout of acp-play, run `npm ci` and `npm run build`',
    );
  }
}
