import * as v from 'valibot';
import type { ModuleName } from '../core/playbook.js';

/** The arguments each module accepts, with their expected types (checked by the playbook loader). */
export type ArgType = 'string' | 'boolean' | 'integer' | 'string-list' | 'object-list' | 'mode';

export interface ArgSpec {
  readonly type: ArgType;
  readonly required?: boolean;
  readonly description: string;
}

export const MODULE_ARGS: Readonly<Record<ModuleName, Readonly<Record<string, ArgSpec>>>> = {
  command: {
    cmd: { type: 'string', required: true, description: 'the command line, run by the login shell' },
    creates: { type: 'string', description: 'skip when this path exists on the host' },
    changed_when: { type: 'boolean', description: 'report changed when the command ran (default true)' },
    become: { type: 'boolean', description: 'run through sudo' },
  },
  file: {
    template: { type: 'string', description: 'a template under templates/, rendered with the host vars' },
    content: { type: 'string', description: 'literal content (instead of template)' },
    dest: { type: 'string', required: true, description: 'remote path' },
    owner: { type: 'string', description: 'owner user name' },
    group: { type: 'string', description: 'owner group name' },
    mode: { type: 'mode', description: "octal mode as a string, e.g. '0644'" },
    backup: { type: 'boolean', description: 'keep a timestamped copy of the previous file' },
    become: { type: 'boolean', description: 'write through sudo' },
  },
  nmstate: {
    prune: {
      type: 'boolean',
      description:
        'remove interfaces acp-play created (its mark) that the inventory no longer has (default true; false keeps them)',
    },
    timeout: { type: 'integer', description: 'checkpoint timeout in seconds (commit-confirm window), default 60' },
    probes: {
      type: 'object-list',
      description:
        'checks run before committing: {ping: ADDRESS}, {ping_gateway: VLAN}, {interface_up: NAME}, {command: TEXT}',
    },
  },
  switch_vlans: {
    prune: {
      type: 'boolean',
      description:
        'remove VLAN definitions acp-play created (its ownership record) that the inventory no longer has (default true)',
    },
    save: {
      type: 'boolean',
      description: 'copy running-config startup-config after a good apply (default: switch.save)',
    },
    configure_archive: {
      type: 'boolean',
      description: 'IOS: configure `archive` / `path flash:acp-play` when missing (revert timer needs it)',
    },
  },
  switch_ports: {
    ports: {
      type: 'string',
      description:
        'which ports: day0 (cluster links, out-of-band, uplinks), day1 (VM trunks, storage links) or all (default); docs/day0.md',
    },
    save: {
      type: 'boolean',
      description: 'copy running-config startup-config after a good apply (default: switch.save)',
    },
    configure_archive: {
      type: 'boolean',
      description: 'IOS: configure `archive` / `path flash:acp-play` when missing (revert timer needs it)',
    },
  },
};

export const MODULE_NAMES = Object.keys(MODULE_ARGS) as ModuleName[];

/** The valibot schema of each argument type: what the playbook loader checks and the JSON Schema publishes. */
export const ARG_TYPE_SCHEMAS: Readonly<Record<ArgType, v.GenericSchema>> = {
  string: v.string(),
  boolean: v.boolean(),
  integer: v.pipe(v.number(), v.integer(), v.minValue(1)),
  'string-list': v.array(v.string()),
  'object-list': v.array(v.record(v.string(), v.any())),
  mode: v.pipe(v.string(), v.regex(/^0?[0-7]{3,4}$/)),
};

/** The schema of a module's arguments (a closed mapping); with `allOptional`, none is required. */
export function moduleArgsSchema(module: ModuleName, allOptional = false): v.GenericSchema {
  const entries = Object.entries(MODULE_ARGS[module]).map(([key, spec]) => {
    const schema = v.pipe(ARG_TYPE_SCHEMAS[spec.type], v.description(spec.description));
    return [key, spec.required && !allOptional ? schema : v.optional(schema)] as const;
  });
  return v.strictObject(Object.fromEntries(entries));
}
