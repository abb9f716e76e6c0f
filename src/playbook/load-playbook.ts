import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { ConfigError } from '../core/errors.js';
import { readUserFile } from '../inventory/user-file.js';
import { parseYaml } from '../inventory/yaml-document.js';
import type { Play, Playbook, SerialStep, Task } from '../core/playbook.js';
import { canonicalPlaybook } from './canonical-playbook.js';
import { locateWritten, playbookProblems, type PlaybookSource } from './playbook-problems.js';
import { MODULE_TASK_SCHEMA, PLAYBOOK_SCHEMA } from './playbook-schema.js';

/** The packaged playbooks folder (works from src/ and from dist/). */
export const PACKAGED_PLAYBOOKS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'playbooks');

/** `-p FILE` as given; else the user's `playbooks/site.yaml` in the working directory; else the packaged one. */
export function resolvePlaybookPath(given: string | undefined, cwd = process.cwd()): string {
  if (given !== undefined) return given;
  const own = join(cwd, 'playbooks', 'site.yaml');
  return existsSync(own) ? relative(cwd, own) : join(PACKAGED_PLAYBOOKS, 'site.yaml');
}

/** Loads and validates a playbook; every problem at once as a ConfigError (exit 3). */
export async function loadPlaybook(file: string): Promise<Playbook> {
  const { text, invalidAt } = readUserFile(file, 'playbook');
  if (invalidAt !== undefined) {
    throw new ConfigError({
      severity: 'error',
      location: { file, line: text.slice(0, invalidAt).split('\n').length, col: 1 },
      message: `playbook ${file} is not UTF-8 text (an invalid byte on this line)`,
      fix: 'save the file as UTF-8',
    });
  }
  return parsePlaybook(text, file);
}

/**
 * Parses playbook text (exported for tests): YAML, then every task in the `module:` + `args:` form
 * (canonical-playbook.ts), then the playbook schema, the one check, with every problem at its line.
 */
export function parsePlaybook(text: string, file: string): Playbook {
  const { doc, lines, problems, isReadable } = parseYaml(file, text, { uniqueKeys: true });
  // YAML warnings do not stop a playbook.
  if (!isReadable || problems.some((p) => p.severity === 'error')) throw new ConfigError(problems);
  const source: PlaybookSource = { file, doc, lines };
  const canonical = canonicalPlaybook(doc.toJS({ maxAliasCount: -1 }) as unknown);
  const found = playbookProblems(canonical, source);
  if (found.length > 0) throw new ConfigError(found);
  const at = (...path: (string | number)[]) => locateWritten(source, { path });
  const plays = v.parse(PLAYBOOK_SCHEMA, canonical.value).map((play, p): Play => ({
    name: play.name ?? `play ${p + 1}`,
    hosts: play.hosts,
    ...(play.serial === undefined ? {} : { serial: serialSteps(play.serial) }),
    maxFailPercentage: play.max_fail_percentage ?? 100,
    tags: tagList(play.tags),
    tasks: play.tasks.map((written, t): Task => {
      const task = v.parse(MODULE_TASK_SCHEMA, written);
      return {
        name: task.name ?? task.module,
        module: task.module,
        args: task.args ?? {},
        tags: tagList(task.tags),
        location: at(p, 'tasks', t),
      };
    }),
    location: at(p),
  }));
  return { file, plays };
}

function serialSteps(serial: number | string | readonly (number | string)[]): SerialStep[] {
  return (Array.isArray(serial) ? serial : [serial]).map((step: number | string) =>
    typeof step === 'number' ? { count: step } : { percent: parseFloat(step) },
  );
}

/** `tags: a, b` is two tags, as in Ansible. */
function tagList(tags: string | readonly string[] | undefined): string[] {
  if (tags === undefined) return [];
  if (typeof tags !== 'string') return [...tags];
  return tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}
