import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { ConfigError, type SourceLocation } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import { readUserFile } from '../inventory/user-file.js';
import { parseYaml } from '../inventory/yaml-document.js';
import { is } from 'valibot';
import { readArgs, type Ctx } from './task-args.js';
import { MODULE_NAMES } from './module-args.js';
import {
  MAX_FAIL_PERCENTAGE,
  PLAY_SCHEMA,
  SERIAL_COUNT,
  SERIAL_PERCENT,
  TAGS,
  TASK_FIELDS,
} from './playbook-schema.js';
import { moduleForKey } from './ansible-task-forms.js';
import type { ModuleName, Play, Playbook, SerialStep, Task } from '../core/playbook.js';

const PLAY_KEYS = Object.keys(PLAY_SCHEMA.entries);
const TASK_KEYS = [...Object.keys(TASK_FIELDS), 'module', 'args'];

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

/** Parses playbook text (exported for tests). */
export function parsePlaybook(text: string, file: string): Playbook {
  const { doc, lines, problems, isReadable } = parseYaml(file, text, { uniqueKeys: true });
  const at = (node: Node | Pair | null | undefined): SourceLocation => {
    const range = (node as Node | undefined)?.range ?? ((node as Pair | undefined)?.key as Node | undefined)?.range;
    const pos = lines.linePos(range?.[0] ?? 0);
    return { file, line: pos.line, col: pos.col };
  };
  const fail = (node: Node | Pair | null | undefined, message: string, fix?: string): void => {
    problems.push({ severity: 'error', location: at(node), message, ...(fix ? { fix } : {}) });
  };
  if (!isReadable || problems.some((p) => p.severity === 'error')) throw new ConfigError(problems);
  problems.length = 0; // YAML warnings do not stop a playbook

  const plays: Play[] = [];
  const root = doc.contents;
  if (!isSeq(root)) {
    fail(root, 'a playbook is a list of plays', 'start each play with "- name: ..." at the top level');
    throw new ConfigError(problems);
  }
  root.items.forEach((item, index) => {
    const play = readPlay(item as Node, index, { fail, at });
    if (play) plays.push(play);
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return { file, plays };
}

function readPlay(node: Node, index: number, ctx: Ctx): Play | undefined {
  if (!isMap(node)) {
    ctx.fail(
      node,
      `play ${index + 1} is not a mapping`,
      'write a play as "- name: ...\\n  hosts: ...\\n  tasks: [...]"',
    );
    return undefined;
  }
  checkKeys(node, PLAY_KEYS, `play ${index + 1}`, ctx);
  const name = optionalString(node, 'name', ctx) ?? `play ${index + 1}`;
  const hosts = optionalString(node, 'hosts', ctx);
  if (hosts === undefined)
    ctx.fail(node, `play "${name}" has no hosts`, 'add "hosts: PATTERN" (a group, host or Ansible pattern)');
  const tasksNode = node.get('tasks', true) as Node | undefined;
  const tasks: Task[] = [];
  if (!isSeq(tasksNode)) {
    ctx.fail(
      tasksNode ?? node,
      `play "${name}" needs a list of tasks`,
      'add "tasks:" with at least one "- module: ..." entry',
    );
  } else {
    tasksNode.items.forEach((t, i) => {
      const task = readTask(t as Node, `${name}, task ${i + 1}`, ctx);
      if (task) tasks.push(task);
    });
  }
  const mfp = node.get('max_fail_percentage', true) as Node | undefined;
  let maxFailPercentage = 100;
  if (mfp !== undefined) {
    const v = isScalar(mfp) ? mfp.value : undefined;
    if (!is(MAX_FAIL_PERCENTAGE, v))
      ctx.fail(
        mfp,
        `max_fail_percentage must be a number 0-100, found ${JSON.stringify(v ?? null)}`,
        'e.g. max_fail_percentage: 0 stops the play at the first failed host',
      );
    else maxFailPercentage = v;
  }
  const serial = readSerial(node.get('serial', true) as Node | undefined, ctx);
  return {
    name,
    hosts: hosts ?? '',
    ...(serial ? { serial } : {}),
    maxFailPercentage,
    tags: readTags(node, ctx),
    tasks,
    location: ctx.at(node),
  };
}

function readSerial(node: Node | undefined, ctx: Ctx): SerialStep[] | undefined {
  if (node === undefined) return undefined;
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const steps: SerialStep[] = [];
  for (const item of items) {
    const v = isScalar(item) ? item.value : undefined;
    if (is(SERIAL_COUNT, v)) steps.push({ count: v });
    else if (is(SERIAL_PERCENT, v)) steps.push({ percent: parseFloat(v) });
    else
      ctx.fail(
        item,
        `serial must be a positive host count or a percentage, found ${JSON.stringify(v ?? null)}`,
        'e.g. serial: 1, serial: "30%" or serial: [1, "50%"]',
      );
  }
  return steps.length > 0 ? steps : undefined;
}

function readTask(node: Node, label: string, ctx: Ctx): Task | undefined {
  if (!isMap(node)) {
    ctx.fail(node, `${label} is not a mapping`, 'write a task as "- name: ...\\n  module: nmstate"');
    return undefined;
  }
  // Two spellings: `module: nmstate` + `args: {...}`, or Ansible's `nmstate: {...}` (with `args:` beside it, as
  // Ansible allows, adding to the arguments).
  const moduleKeys = node.items
    .map((p) => String((p.key as Node & { value?: unknown })?.toJSON?.() ?? ''))
    .filter((k) => !TASK_KEYS.includes(k));
  const given = optionalString(node, 'module', ctx);
  let module = given === undefined ? undefined : moduleForKey(given);
  const argsNodes: (Node | undefined)[] = [node.get('args', true) as Node | undefined];
  if (module === undefined && moduleKeys.length === 1) {
    module = moduleForKey(moduleKeys[0]!);
    argsNodes.unshift(node.get(moduleKeys[0]!, true) as Node | undefined);
  } else {
    for (const key of moduleKeys) {
      const pair = node.items.find((p) => String((p.key as Node).toJSON()) === key);
      ctx.fail(
        pair,
        `${label}: unknown key "${key}"`,
        didYouMean(key, [...TASK_KEYS, ...MODULE_NAMES]) ?? `allowed keys: ${TASK_KEYS.join(', ')}`,
      );
    }
  }
  if (module === undefined) {
    ctx.fail(node, `${label} names no module`, `add "module: NAME" (one of ${MODULE_NAMES.join(', ')})`);
    return undefined;
  }
  if (!(MODULE_NAMES as string[]).includes(module)) {
    const target = node.get('module', true) ?? node.items.find((p) => String((p.key as Node).toJSON()) === module);
    ctx.fail(
      target as Node,
      `${label}: unknown module "${module}"`,
      didYouMean(module, MODULE_NAMES) ?? `known modules: ${MODULE_NAMES.join(', ')}`,
    );
    return undefined;
  }
  const args = readArgs(module as ModuleName, argsNodes, label, ctx);
  return {
    name: optionalString(node, 'name', ctx) ?? module,
    module: module as ModuleName,
    args,
    tags: readTags(node, ctx),
    location: ctx.at(node),
  };
}

function optionalString(map: YAMLMap, key: string, ctx: Ctx): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    ctx.fail(node, `"${key}" must be a non-empty string, found ${JSON.stringify(node.toJSON())}`);
    return undefined;
  }
  return value;
}

function readTags(map: YAMLMap, ctx: Ctx): string[] {
  const node = map.get('tags', true) as Node | undefined;
  if (node === undefined) return [];
  const value = node.toJSON() as unknown;
  if (!is(TAGS, value)) {
    ctx.fail(node, 'tags must be a string or a list of strings', 'e.g. tags: [switches, vlans]');
    return [];
  }
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

function checkKeys(map: YAMLMap, allowed: string[], label: string, ctx: Ctx): void {
  for (const pair of map.items) {
    const key = String((pair.key as Node).toJSON());
    if (allowed.includes(key)) continue;
    ctx.fail(pair, `${label}: unknown key "${key}"`, didYouMean(key, allowed) ?? `allowed keys: ${allowed.join(', ')}`);
  }
}
