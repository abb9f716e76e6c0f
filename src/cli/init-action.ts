import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectAnswers } from '../init/collect-answers.js';
import { initFiles } from '../init/init-files.js';
import { initQuestions } from '../init/init-questions.js';
import { InitCancelled, LinePrompter } from '../init/line-prompter.js';
import { refuseExisting, writeNewSite } from '../init/write-new-site.js';
import { EXIT } from './exit-codes.js';

export interface InitFlags {
  readonly yes?: boolean;
  readonly [flag: string]: unknown;
}

/** What `acp-play init` does; init-command.ts imports this only when it runs (--help stays light). */
export async function initAction(dir: string, flags: InitFlags, setExit: (code: number) => void): Promise<void> {
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
}

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
