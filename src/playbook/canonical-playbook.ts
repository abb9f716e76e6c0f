import type { YamlPath } from '../inventory/yaml-path.js';
import { freeFormArgument, moduleForKey, splitFreeForm } from './ansible-task-forms.js';

/**
 * A playbook with every task in one form, `module: NAME` + `args: {...}`, so one schema checks it: the module as
 * the key (`nmstate: {...}`, `ansible.builtin.shell: ls`) becomes `module:`, a free-form line becomes its
 * arguments, and `args:` beside the module adds to them (the arguments under the module win, as before). Each
 * place in the result is traced back to where the user wrote it, to point at that line.
 */

/**
 * Where a value of the canonical playbook was written: a path in the YAML, and whether its key is meant (true), its
 * value (false), or either (undefined: the caller says, the key for an unknown key).
 */
export interface WrittenAt {
  readonly path: YamlPath;
  readonly key?: boolean;
}

/** The canonical playbook and, for any path in it, where its value was written. */
export interface CanonicalPlaybook {
  readonly value: unknown;
  writtenAt(path: YamlPath): WrittenAt;
}

const TASK_KEYWORDS = new Set(['name', 'tags', 'module', 'args']);

/** Where a task's module name and each of its arguments were written, relative to the task. */
interface TaskTrace {
  readonly module: WrittenAt;
  readonly args: WrittenAt;
  readonly arg: ReadonlyMap<string, WrittenAt>;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function canonicalPlaybook(playbook: unknown): CanonicalPlaybook {
  const traces = new Map<string, TaskTrace>();
  const value = !Array.isArray(playbook)
    ? playbook
    : playbook.map((play: unknown, p) => {
        if (!isMapping(play) || !Array.isArray(play['tasks'])) return play;
        const tasks = play['tasks'].map((task: unknown, t) => {
          if (!isMapping(task)) return task;
          const { canonical, trace } = canonicalTask(task);
          traces.set(`${p}/${t}`, trace);
          return canonical;
        });
        return { ...play, tasks };
      });
  const writtenAt = (path: YamlPath): WrittenAt => {
    const trace = path[1] === 'tasks' ? traces.get(`${path[0]}/${path[2]}`) : undefined;
    if (!trace || path.length < 4) return { path };
    const task = path.slice(0, 3);
    const [field, name, ...rest] = path.slice(3);
    if (field === 'module') return { path: [...task, ...trace.module.path], key: trace.module.key };
    if (field !== 'args') return { path };
    const arg = name === undefined ? undefined : trace.arg.get(String(name));
    if (arg) return { path: [...task, ...arg.path, ...rest], ...(rest.length === 0 ? { key: arg.key } : {}) };
    return { path: [...task, ...trace.args.path], key: trace.args.key };
  };
  return { value, writtenAt };
}

function canonicalTask(task: Record<string, unknown>): { canonical: unknown; trace: TaskTrace } {
  const { module: named, args: beside, ...rest } = task;
  // As in Ansible, the first key that is no task keyword names the module; any other is an unknown key.
  const moduleKey = 'module' in task ? undefined : Object.keys(rest).find((key) => !TASK_KEYWORDS.has(key));
  const canonical: Record<string, unknown> = { ...rest };
  if (moduleKey !== undefined) delete canonical[moduleKey];
  const module =
    moduleKey !== undefined ? moduleForKey(moduleKey) : typeof named === 'string' ? moduleForKey(named) : named;
  if (module !== undefined) canonical['module'] = module;
  const sources: [unknown, YamlPath][] = [
    ...(moduleKey !== undefined ? [[task[moduleKey], [moduleKey]] as [unknown, YamlPath]] : []),
    [beside, ['args']],
  ];
  const args: Record<string, unknown> = {};
  const arg = new Map<string, WrittenAt>();
  let argsAt: WrittenAt = moduleKey !== undefined ? { path: [moduleKey], key: true } : { path: ['args'] };
  const freeForm = typeof module === 'string' ? freeFormArgument(module) : undefined;
  for (const [value, at] of sources) {
    if (value === undefined || value === null) continue;
    let entries: [string, unknown, WrittenAt][];
    if (typeof value === 'string' && freeForm) entries = freeFormEntries(value, freeForm, at);
    else if (isMapping(value))
      entries = Object.entries(value).map(([key, inner]) => [key, inner, { path: [...at, key] }]);
    else {
      // Not arguments at all (a list, a number, a line for a module without a free form): the schema says so.
      canonical['args'] = value;
      argsAt = { path: at };
      break;
    }
    for (const [key, inner, path] of entries) {
      if (Object.hasOwn(args, key)) continue;
      args[key] = inner;
      arg.set(key, path);
    }
  }
  if (!('args' in canonical) && (moduleKey !== undefined || beside !== undefined)) canonical['args'] = args;
  const moduleAt: WrittenAt = moduleKey !== undefined ? { path: [moduleKey], key: true } : { path: ['module'] };
  return { canonical, trace: { module: moduleAt, args: argsAt, arg } };
}

/** The arguments of a free-form line, each written at the line itself. */
function freeFormEntries(line: string, argument: string, at: YamlPath): [string, unknown, WrittenAt][] {
  const { command, params } = splitFreeForm(line);
  const written = { path: at, key: false };
  return [
    [argument, command, written],
    ...Object.entries(params).map(([k, v]): [string, unknown, WrittenAt] => [k, v, written]),
  ];
}
