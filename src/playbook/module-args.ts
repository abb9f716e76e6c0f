import * as v from 'valibot';
import { InternalError } from '../core/errors.js';
import type { ModuleName, Task } from '../core/playbook.js';

/**
 * The arguments of each module, as valibot schemas: what the playbook loader checks, what
 * schema/playbook.schema.json publishes, and (inferred) the argument types the modules read.
 */

const about = <S extends v.GenericSchema>(schema: S, description: string) => v.pipe(schema, v.description(description));
const flag = (description: string) => v.optional(about(v.boolean(), description));
const text = (description: string) => v.optional(about(v.string(), description));
const save = flag('copy running-config startup-config after a good apply (default: switch.save)');
const configureArchive = flag('IOS: configure `archive` / `path flash:acp-play` when missing (revert timer needs it)');

/** `command`: one command line on a node. */
export const COMMAND_ARGS = v.strictObject({
  cmd: about(v.string(), 'the command line, run by the login shell'),
  creates: text('skip when this path exists on the host'),
  changed_when: flag('report changed when the command ran (default true)'),
  become: flag('run through sudo'),
});

/** `file`: one file on a node, from a template or literal content. */
export const FILE_ARGS = v.strictObject({
  template: text('a template under templates/, rendered with the host vars'),
  content: text('literal content (instead of template)'),
  dest: about(v.string(), 'remote path'),
  owner: text('owner user name'),
  group: text('owner group name'),
  mode: v.optional(
    about(
      v.pipe(v.string(), v.regex(/^0?[0-7]{3,4}$/, "an octal mode in quotes such as '0644'")),
      "octal mode as a string, e.g. '0644'",
    ),
  ),
  backup: flag('keep a timestamped copy of the previous file'),
  become: flag('write through sudo'),
});

/** `nmstate`: a node's VLAN interfaces and bridges, applied under a checkpoint. */
export const NMSTATE_ARGS = v.strictObject({
  prune: flag(
    'remove interfaces acp-play created (its mark) that the inventory no longer has (default true; false keeps them)',
  ),
  timeout: v.optional(
    about(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(5, 'a whole number of seconds, 5-3600'),
        v.maxValue(3600, 'a whole number of seconds, 5-3600'),
      ),
      'checkpoint timeout in seconds (commit-confirm window), 5-3600, default 60',
    ),
  ),
  probes: v.optional(
    about(
      v.array(v.record(v.string(), v.any())),
      'checks run before committing: {ping: ADDRESS}, {ping_gateway: VLAN}, {interface_up: NAME}, {command: TEXT}',
    ),
  ),
});

/** `switch_vlans`: a switch's VLAN definitions. */
export const SWITCH_VLANS_ARGS = v.strictObject({
  prune: flag(
    'remove VLAN definitions acp-play created (its ownership record) that the inventory no longer has (default true)',
  ),
  save,
  configure_archive: configureArchive,
});

/** `switch_ports`: a switch's access and trunk ports. */
export const SWITCH_PORTS_ARGS = v.strictObject({
  ports: v.optional(
    about(
      v.picklist(['day0', 'day1', 'all']),
      'which ports: day0 (cluster links, out-of-band, uplinks), day1 (VM trunks, storage links) or all (default); docs/day0.md',
    ),
  ),
  save,
  configure_archive: configureArchive,
});

/** The argument schema of every module. */
export const MODULE_ARGS = {
  command: COMMAND_ARGS,
  file: FILE_ARGS,
  nmstate: NMSTATE_ARGS,
  switch_vlans: SWITCH_VLANS_ARGS,
  switch_ports: SWITCH_PORTS_ARGS,
} as const satisfies Readonly<Record<ModuleName, v.GenericSchema>>;

export const MODULE_NAMES = Object.keys(MODULE_ARGS) as ModuleName[];

/** The arguments of `command`, as the loader hands them over. */
export type CommandArgs = v.InferOutput<typeof COMMAND_ARGS>;
/** The arguments of `file`. */
export type FileArgs = v.InferOutput<typeof FILE_ARGS>;
/** The arguments of `nmstate`. */
export type NmstateArgs = v.InferOutput<typeof NMSTATE_ARGS>;
/** The arguments of `switch_vlans`. */
export type SwitchVlansArgs = v.InferOutput<typeof SWITCH_VLANS_ARGS>;
/** The arguments of `switch_ports`. */
export type SwitchPortsArgs = v.InferOutput<typeof SWITCH_PORTS_ARGS>;
/** Each module's arguments by its name. */
export type ModuleArgs = { readonly [M in ModuleName]: v.InferOutput<(typeof MODULE_ARGS)[M]> };

// The same schemas, each typed by its module's name, which TypeScript cannot follow through MODULE_ARGS[module].
const TYPED_ARGS: { readonly [M in ModuleName]: v.GenericSchema<unknown, ModuleArgs[M]> } = MODULE_ARGS;

/**
 * The arguments of a task of `module`, typed by its schema. The loader checked them against that schema already;
 * they are checked again here (a few keys) so that a task made another way (a test, a plan file) cannot hand a
 * module arguments of another shape.
 */
export function moduleArgs<M extends ModuleName>(task: Task, module: M): ModuleArgs[M] {
  const schema: v.GenericSchema<unknown, ModuleArgs[M]> = TYPED_ARGS[module];
  const result = v.safeParse(schema, task.args);
  if (task.module !== module || !result.success) {
    const problem = result.issues?.[0]?.message ?? `it is a ${task.module} task`;
    throw new InternalError(`task "${task.name}" has no valid ${module} arguments: ${problem}`);
  }
  return result.output;
}
