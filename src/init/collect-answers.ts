import { ConfigError } from '../core/errors.js';
import type { InitAnswers, InitSite } from './init-answers.js';
import type { Question } from './init-questions.js';
import type { Prompter } from './line-prompter.js';

/** `switch-platform` -> `switchPlatform`: the key commander gives an option's value under. */
export function optionKey(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Answers every question in order: from its flag when given (a bad value is a ConfigError naming the flag), else
 * from the user when there is a prompter and the question is interactive (asked again until the answer reads),
 * else its default.
 */
export async function collectAnswers(
  questions: readonly Question[],
  flags: Readonly<Record<string, unknown>>,
  prompter?: Prompter,
): Promise<InitSite> {
  const answers: Record<string, unknown> = {};
  const given = new Set<keyof InitAnswers>();
  for (const q of questions) {
    const flag = flags[optionKey(q.flag)];
    if (typeof flag === 'string') {
      const parsed = q.parse(flag, answers);
      if ('error' in parsed)
        throw new ConfigError({
          severity: 'error',
          message: `--${q.flag} ${JSON.stringify(flag)}: ${parsed.error}`,
          fix: `correct --${q.flag} ${q.arg}${q.interactive ? ', or leave it out to be asked' : ''}`,
        });
      answers[q.key] = parsed.value;
      given.add(q.key);
    } else if (prompter && q.interactive) {
      const { value, typed } = await ask(q, answers, prompter);
      answers[q.key] = value;
      if (typed) given.add(q.key);
    } else {
      const fallback = q.fallback(answers);
      const parsed = q.parse(fallback, answers);
      if ('error' in parsed)
        throw new ConfigError({
          severity: 'error',
          message: `--${q.flag} is needed: ${fallback === '' ? 'there is no default' : `its default ${JSON.stringify(fallback)} does not fit`} (${parsed.error})`,
          fix: `give --${q.flag} ${q.arg}`,
        });
      answers[q.key] = parsed.value;
    }
  }
  return { answers: answers as unknown as InitAnswers, given };
}

async function ask(
  q: Question,
  answers: Record<string, unknown>,
  prompter: Prompter,
): Promise<{ value: unknown; typed: boolean }> {
  const fallback = q.fallback(answers);
  const defaults = q.perNode && fallback !== '' ? fallback.split(',') : [];
  for (;;) {
    let text: string;
    let typed = false;
    if (q.perNode) {
      const parts: string[] = [];
      for (const [i, node] of (answers['nodes'] as string[]).entries()) {
        const line = (await prompter.ask(promptText(q.perNode(node, answers), defaults[i] ?? ''))).trim();
        typed ||= line !== '';
        parts.push(line === '' ? (defaults[i] ?? '') : line);
      }
      text = parts.every((p) => p === '') ? '' : parts.join(',');
    } else {
      const line = (await prompter.ask(promptText(q.prompt, fallback))).trim();
      typed = line !== '';
      text = typed ? line : fallback;
    }
    const parsed = q.parse(text, answers);
    if ('value' in parsed) return { value: parsed.value, typed };
    prompter.say(`  ! ${parsed.error}`);
  }
}

function promptText(prompt: string, fallback: string): string {
  return fallback === '' ? `${prompt}: ` : `${prompt} [${fallback}]: `;
}
