import type { RegisterCommand } from './register-command.js';

/** `acp-play runs [--show ID]`: the recorded plans and applies of this working directory. */
export const registerRunsCommand: RegisterCommand = (program, setExit) => {
  program
    .command('runs')
    .description('list recorded runs (.acp-play/runs), or show one with its per-host transcripts')
    .option('--show <id>', 'a run id, or a unique prefix of it, or "last"')
    .action(async (flags: { show?: string }) => (await import('./runs-action.js')).runsAction(flags, setExit));
};
