import * as v from 'valibot';
import type { ModuleName } from '../core/playbook.js';
import { freeFormArgument, keysForModule } from './ansible-task-forms.js';
import { MODULE_ARGS, MODULE_NAMES } from './module-args.js';

/**
 * The valibot schemas of a playbook: what the loader checks (load-playbook.ts, after it has put every task in the
 * `module:` + `args:` form) and what schema/playbook.schema.json publishes. One task schema takes every form an
 * editor may see: `module: NAME` + `args:` (a variant on `module`), or the module's name (or an Ansible name) as
 * the key.
 */

const described = <S extends v.GenericSchema>(schema: S, description: string) =>
  v.pipe(schema, v.description(description));
// JSON Schema cannot say "not blank"; the loader checks it (the JSON Schema leaves out `check` actions).
const nonBlank = v.pipe(
  v.string(),
  v.check((text) => text.trim() !== '', 'a text that is not blank'),
);

/** `tags:` of a play or task: a tag, a comma-separated list, or a list. */
const tags = described(v.union([v.string(), v.array(v.string())]), 'a tag, a comma-separated list, or a list');
/** A batch of `serial:` as a host count. */
const serialCount = v.pipe(v.number(), v.integer(), v.minValue(1, 'a positive host count'));
/** A batch of `serial:` as a share of the play's hosts, above 0 and at most 100%. */
const serialPercent = v.pipe(
  v.string(),
  v.regex(/^\d+(\.\d+)?%$/, 'a percentage such as "30%"'),
  v.check((text) => parseFloat(text) > 0 && parseFloat(text) <= 100, 'a percentage above 0 and at most 100'),
);
const serialStep = v.union([serialCount, serialPercent]);

/** The keys of a task besides its module. */
const taskFields = {
  name: v.optional(described(nonBlank, 'what the task does, shown in the plan')),
  tags: v.optional(tags),
};

/** `the arguments of file: dest (required), template, ...`: what a mapping of arguments may hold. */
function argumentList(module: ModuleName): string {
  const entries = Object.entries(MODULE_ARGS[module].entries as Readonly<Record<string, v.GenericSchema>>);
  const names = entries.map(([name, schema]) => (schema.type === 'optional' ? name : `${name} (required)`));
  return `the arguments of ${module}: ${names.join(', ')}`;
}

/** `module: NAME` + `args:`: the form the loader checks every task in. */
function moduleForm<M extends ModuleName>(module: M) {
  const args = MODULE_ARGS[module] as (typeof MODULE_ARGS)[ModuleName];
  return v.strictObject({
    ...taskFields,
    module: v.literal(module),
    args: v.optional(v.nullable(described(args, argumentList(module)))),
  });
}

/** The module's name (or an Ansible name of it) as the key, with `args:` beside adding to its arguments. */
function keyForms(module: ModuleName): v.GenericSchema[] {
  const args = MODULE_ARGS[module];
  const value = freeFormArgument(module) ? v.union([described(v.string(), 'the command line'), args]) : args;
  return keysForModule(module).map((key) =>
    v.strictObject({ ...taskFields, [key]: v.nullable(value), args: v.optional(v.nullable(v.partial(args))) }),
  );
}

/** A task as the loader hands it on: `module:` names the module. */
export const MODULE_TASK_SCHEMA = v.variant('module', MODULE_NAMES.map(moduleForm));

/** One task, in any of its forms. */
export const TASK_SCHEMA = described(
  v.union([MODULE_TASK_SCHEMA, ...MODULE_NAMES.flatMap(keyForms)]),
  'a task: its module as the key (nmstate: {...}, command: echo hi), or module: NAME with args:',
);

/** One play. */
export const PLAY_SCHEMA = described(
  v.strictObject({
    name: v.optional(described(nonBlank, 'the play name, shown in the plan')),
    hosts: described(nonBlank, 'an Ansible host pattern: a group, a host, nodes:&site1, node*'),
    serial: v.optional(
      described(v.union([serialStep, v.array(serialStep)]), 'batch size: a host count, "30%", or a list of them'),
    ),
    max_fail_percentage: v.optional(
      described(
        v.pipe(v.number(), v.minValue(0, 'a number from 0 to 100'), v.maxValue(100, 'a number from 0 to 100')),
        'stop the play when more hosts than this failed',
      ),
    ),
    tags: v.optional(tags),
    tasks: described(v.array(TASK_SCHEMA), 'the tasks, run in order on each host of the play'),
  }),
  'a play: the hosts and the tasks to run on them',
);

/** A playbook: a list of plays. */
export const PLAYBOOK_SCHEMA = v.array(PLAY_SCHEMA);
