import { Command, CommanderError } from 'commander';
import { AcpError, ConfigError, formatProblem } from '../core/errors.js';
import { commandModules } from './commands.js';

import { EXIT } from './exit-codes.js';
import { packageVersion } from './package-version.js';

export { EXIT };

/** What a command handler returns: the process exit code. */
export type CommandResult = number;

/** Runs the CLI with the given arguments and returns the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('acp-play')
    .description(
      'Desired-state runner over SSH for ACP edge sites (nmstate nodes, NX-OS / EOS / IOS / Cumulus switches)',
    )
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commandModules) {
    register(program, (code) => {
      exitCode = code;
    });
  }
  try {
    await program.parseAsync(helpAsFlag(argv), { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error);
  }
}

/**
 * `help CMD` as `CMD --help`: the same help, but through the command's dispatch, where the commands that load their
 * options or subcommands on demand (`init`, `lab`) add them first.
 */
function helpAsFlag(argv: readonly string[]): string[] {
  return argv[0] === 'help' && argv[1] !== undefined && !argv[1].startsWith('-') ? [argv[1], '--help'] : [...argv];
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version exit through here with code 0; usage errors are invalid input.
    return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
  }
  if (error instanceof ConfigError) {
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    const errors = error.problems.filter((p) => p.severity === 'error').length;
    process.stderr.write(`${errors} error${errors === 1 ? '' : 's'}; nothing was contacted.\n`);
    return EXIT.invalid;
  }
  if (error instanceof AcpError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.failed;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`internal error (a bug in acp-play, please report it):\n${text}\n`);
  return EXIT.failed;
}
