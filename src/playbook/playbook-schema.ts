import * as v from 'valibot';
import type { ModuleName } from '../core/playbook.js';
import { freeFormArgument, keysForModule } from './ansible-task-forms.js';
import { MODULE_NAMES, moduleArgsSchema } from './module-args.js';

/**
 * The valibot schemas of a playbook: the keys the loader accepts (load-playbook.ts takes its key lists from here)
 * and schema/playbook.schema.json. The loader walks the YAML itself, to point at the line of each mistake.
 */

const described = <S extends v.GenericSchema>(schema: S, description: string) =>
  v.pipe(schema, v.description(description));

/** `tags:` of a play or task: a tag, a comma-separated list, or a list. */
export const TAGS = described(v.union([v.string(), v.array(v.string())]), 'a tag, a comma-separated list, or a list');
const tags = TAGS;
/** A batch of `serial:` as a host count. */
export const SERIAL_COUNT = v.pipe(v.number(), v.integer(), v.minValue(1));
/** A batch of `serial:` as a share of the play's hosts, above 0 and at most 100%. */
export const SERIAL_PERCENT = v.pipe(
  v.string(),
  v.regex(/^\d+(\.\d+)?%$/),
  v.check((text) => parseFloat(text) > 0 && parseFloat(text) <= 100, 'a percentage above 0 and at most 100'),
);
const serialStep = v.union([SERIAL_COUNT, SERIAL_PERCENT]);
/** `max_fail_percentage:`. */
export const MAX_FAIL_PERCENTAGE = v.pipe(v.number(), v.minValue(0), v.maxValue(100));

/** The keys of a task besides its module. */
export const TASK_FIELDS = {
  name: v.optional(described(v.string(), 'what the task does, shown in the plan')),
  tags: v.optional(tags),
};

/** Every way to write a task of `module`: `module: NAME` + `args:`, or its name (or an Ansible name) as the key. */
function taskForms(module: ModuleName): v.GenericSchema[] {
  const args = moduleArgsSchema(module);
  const moreArgs = moduleArgsSchema(module, true);
  const value = freeFormArgument(module) ? v.union([described(v.string(), 'the command line'), args]) : args;
  return [
    v.strictObject({ ...TASK_FIELDS, module: v.literal(module), args: v.optional(v.nullable(args)) }),
    ...keysForModule(module).map((key) =>
      v.strictObject({ ...TASK_FIELDS, [key]: v.nullable(value), args: v.optional(v.nullable(moreArgs)) }),
    ),
  ];
}

/** One task: one of its forms for one of the modules. */
export const TASK_SCHEMA = v.union(MODULE_NAMES.flatMap(taskForms));

/** One play. */
export const PLAY_SCHEMA = v.strictObject({
  name: v.optional(described(v.string(), 'the play name, shown in the plan')),
  hosts: described(v.string(), 'an Ansible host pattern: a group, a host, nodes:&site1, node*'),
  serial: v.optional(
    described(v.union([serialStep, v.array(serialStep)]), 'batch size: a host count, "30%", or a list of them'),
  ),
  max_fail_percentage: v.optional(described(MAX_FAIL_PERCENTAGE, 'stop the play when more hosts than this failed')),
  tags: v.optional(tags),
  tasks: v.array(TASK_SCHEMA),
});

/** A playbook: a list of plays. */
export const PLAYBOOK_SCHEMA = v.array(PLAY_SCHEMA);
