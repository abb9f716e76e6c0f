import { AcpError } from '../core/errors.js';
import type { RegisterCommand } from './register-command.js';

/**
 * The lab's commands live in the lab package (packages/lab), imported only when the command line is a `lab`
 * command: every other command, `--help` and `--version` load no lab code. The specifier is a variable so the
 * product's build does not depend on the lab's (the lab depends on the product).
 */
const LAB_COMMANDS: string = '@acp-play/lab/cli/lab-commands.js';

/** What `acp-play --help` says of `lab`, with or without the lab package loaded. */
export const LAB_DESCRIPTION = 'local lab: simulated site, switch simulators, namespace hosts, kernel data plane';

/** Whether `argv` runs a lab command or asks for its help (`lab ...`, `help lab`). */
export function namesLab(argv: readonly string[]): boolean {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'lab' || (words[0] === 'help' && words[1] === 'lab');
}

/** Registers `lab`: its description always, its subcommands from the lab package when `argv` names it. */
export async function labRegistration(argv: readonly string[]): Promise<RegisterCommand> {
  const lab = namesLab(argv) ? ((await importLab()) as { registerLabCommands: RegisterCommand }) : undefined;
  return (program, setExit) => {
    program.command('lab').description(LAB_DESCRIPTION);
    lab?.registerLabCommands(program, setExit);
  };
}

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
