import type { RegisterCommand } from 'acp-play/cli/register-command.js';
import { registerLabCommand } from './lab-command.js';
import { registerLabHostsCommand } from './lab-hosts-command.js';

/**
 * The lab's subcommands (`lab sim`, `lab up`, `lab status`, `lab down`, `lab stop`, `lab start`), added to the
 * product's `lab` command. The product's CLI imports this module only when the command line is a `lab` command.
 */
export const registerLabCommands: RegisterCommand = (program, setExit) => {
  registerLabCommand(program, setExit);
  registerLabHostsCommand(program, setExit);
};
