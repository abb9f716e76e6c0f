import * as v from 'valibot';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { PlatformCatalog } from '../core/platform.js';
import { varsMapSchema } from './host-vars-schema.js';

/**
 * The JSON Schema of an inventory's files (published as schema/inventory.schema.json), made from the same valibot
 * schemas the inventory check uses, so an editor completes and checks what `acp-play validate` checks. One schema
 * serves every file of the inventory: a hosts file (`all:` at the top, Ansible's YAML inventory) is a tree of
 * groups, any other file (group_vars, host_vars) is a vars map.
 */

type Json = Record<string, unknown>;

/** A group of a YAML inventory: its hosts (each with its vars), child groups and vars. */
function groupSchema(vars: v.GenericSchema): v.GenericSchema {
  const group: v.GenericSchema = v.strictObject({
    hosts: v.optional(v.nullable(v.record(v.string(), v.nullable(vars)))),
    children: v.optional(v.nullable(v.record(v.string(), v.nullable(v.lazy(() => group))))),
    vars: v.optional(v.nullable(vars)),
  });
  return group;
}

/**
 * `site`, `node` and `switch` are merged key by key over every level (group_vars/all, a group, the host), so one
 * file holds a part of them: a file is checked for the keys it has, and required keys only on the merged site, by
 * `acp-play validate`.
 */
function withoutRequired(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRequired);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'required')
      .map(([key, value]) => [
        key,
        key === 'properties' || key === '$defs' ? mapValues(value) : withoutRequired(value),
      ]),
  );
}

function mapValues(map: object): Json {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, withoutRequired(value)]));
}

/** The JSON Schema (draft-07) of every file of an inventory, for `platforms`' host variables. */
export function inventoryJsonSchema(platforms: PlatformCatalog): Json {
  const vars = varsMapSchema(platforms);
  const group = groupSchema(vars);
  const hostsFile = v.record(v.string(), v.nullable(group));
  const converted = withoutRequired(
    toJsonSchema(hostsFile, { definitions: { vars, group }, errorMode: 'throw' }),
  ) as Json;
  const { $schema, $defs, ...hostsFileJson } = converted;
  return {
    $schema,
    title: 'acp-play inventory file',
    description:
      'A hosts file (all: at the top, with hosts, children and vars) or a group_vars/host_vars file (a map of ' +
      "variables). acp-play's keys are checked; other variables are free, as in Ansible.",
    if: { type: 'object', required: ['all'] },
    then: { $ref: '#/$defs/hostsFile' },
    else: { anyOf: [{ $ref: '#/$defs/vars' }, { type: 'null' }] },
    $defs: { hostsFile: hostsFileJson, ...($defs as Json) },
  };
}
