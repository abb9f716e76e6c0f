import type { RegisterCommand } from './register-command.js';
import type { InitFlags } from './init-action.js';

/**
 * `acp-play init DIR [flags]`: writes a new site inventory into DIR (which must not exist) in the layout of
 * inventories/site1. On a terminal it asks what no flag answers, with defaults; elsewhere (or with --yes) the
 * defaults answer. The site is validated before DIR is created; exit 3 on bad answers or an existing DIR, 130 when
 * the questions are cancelled, and nothing is written in either case.
 */
export const registerInitCommand: RegisterCommand = (program, setExit) => {
  const command = program
    .command('init')
    .description('write a new site inventory (asks on a terminal, with defaults; flags answer everything for scripts)')
    .argument('<dir>', 'the new inventory directory (created; an existing one is refused)');
  // One option per question; the questions list the platform registry, so they load only when `init` is run.
  program.hook('preSubcommand', async (_program, sub) => {
    if (sub !== command) return;
    const { initQuestions } = await import('../init/init-questions.js');
    for (const q of initQuestions('DIR')) command.option(`--${q.flag} ${q.arg}`, q.prompt);
    command.option('-y, --yes', 'ask nothing, even on a terminal: the defaults answer what no flag does');
  });
  command.action(async (dir: string, flags: InitFlags) =>
    (await import('./init-action.js')).initAction(dir, flags, setExit),
  );
};
