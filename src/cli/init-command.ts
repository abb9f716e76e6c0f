import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectAnswers } from '../init/collect-answers.js';
import { initFiles } from '../init/init-files.js';
import { initQuestions } from '../init/init-questions.js';
import { InitCancelled, LinePrompter } from '../init/line-prompter.js';
import { refuseExisting, writeNewSite } from '../init/write-new-site.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';

interface InitFlags {
  readonly yes?: boolean;
  readonly [flag: string]: unknown;
}

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
  for (const q of initQuestions('DIR')) command.option(`--${q.flag} ${q.arg}`, q.prompt);
  command
    .option('-y, --yes', 'ask nothing, even on a terminal: the defaults answer what no flag does')
    .action(async (dir: string, flags: InitFlags) => {
      await refuseExisting(dir); // before a single question
      const interactive = !flags.yes && process.stdin.isTTY === true && process.stdout.isTTY === true;
      const prompter = interactive ? new LinePrompter(process.stdin, process.stdout) : undefined;
      if (prompter)
        prompter.say(`New site in ${dir}. Enter takes the default [in brackets]; Ctrl-C stops, writing nothing.`);
      let site;
      try {
        site = await collectAnswers(initQuestions(dir), flags, prompter);
      } catch (error) {
        if (!(error instanceof InitCancelled)) throw error;
        process.stderr.write(`\n${error.message}\n`);
        setExit(130);
        return;
      } finally {
        prompter?.close();
      }
      const files = initFiles(site);
      await writeNewSite(dir, files);
      process.stdout.write(`Wrote ${dir}: ${[...files.keys()].join(', ')}\n`);
      const todos = [...files.keys()].flatMap((file) => todoLines(dir, file));
      if (todos.length > 0) process.stdout.write(`Still to fill in or check:\n${todos.join('\n')}\n`);
      process.stdout.write(`Next: edit the site, then \`acp-play validate ${dir}\` and \`acp-play render ${dir}\`.\n`);
      setExit(EXIT.ok);
    });
};

/** `  DIR/FILE:LINE: text` for every TODO line of a written file. */
function todoLines(dir: string, file: string): string[] {
  const path = join(dir, file);
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      const todo = /# (TODO (?:fill in|check): .*)$/.exec(line)?.[1];
      return todo === undefined ? [] : [`  ${path}:${i + 1}: ${todo}`];
    });
}
