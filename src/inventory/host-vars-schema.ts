import * as v from 'valibot';
import type { PlatformCatalog, PlatformVar } from '../core/platform.js';
import { NODE_SCHEMA, SITE_SCHEMA, SWITCH_SCHEMA } from './site-vars-schema.js';

/**
 * Every top-level host variable acp-play reads, with its schema (docs/inventory.md); Ansible's aliases share the
 * schema of their key. Other variables are free: they feed templates, as in Ansible.
 */

const str = v.string();
const described = <S extends v.GenericSchema>(schema: S, description: string) =>
  v.pipe(schema, v.description(description));
const portValue = v.union([v.pipe(v.number(), v.integer()), str]);
const boolValue = v.union([v.boolean(), str]);
// A password may be a vault-encrypted value, which the loader hands over as an object.
const secret = v.any();

const CONNECTION = {
  address: described(str, 'address to connect to (default: the host name)'),
  ansible_host: described(str, 'address to connect to (alias of address)'),
  ansible_ssh_host: described(str, 'address to connect to (alias of address)'),
  port: described(portValue, 'SSH port'),
  ansible_port: described(portValue, 'SSH port (alias of port)'),
  ansible_ssh_port: described(portValue, 'SSH port (alias of port)'),
  user: described(str, 'login user'),
  ansible_user: described(str, 'login user (alias of user)'),
  ansible_ssh_user: described(str, 'login user (alias of user)'),
  platform: described(str, 'nmstate, cisco_nxos, arista_eos, cisco_ios, cumulus, linux, or an Ansible network_os'),
  ansible_network_os: described(str, 'the platform (alias of platform)'),
  password: described(secret, 'prefer password_env or a vault value'),
  ansible_password: described(secret, 'login password (alias of password)'),
  ansible_ssh_pass: described(secret, 'login password (alias of password)'),
  password_env: described(str, 'the environment variable holding the login password'),
  become: described(boolValue, 'run node commands through sudo'),
  ansible_become: described(boolValue, 'run node commands through sudo (alias of become)'),
  become_method: described(v.picklist(['sudo', 'enable']), 'sudo on nodes; enable on a switch CLI (the enable secret)'),
  ansible_become_method: described(v.picklist(['sudo', 'enable']), 'how to become privileged (alias of become_method)'),
  become_password: secret,
  ansible_become_password: secret,
  ansible_become_pass: secret,
  become_password_env: str,
  ssh_private_key_file: str,
  ansible_ssh_private_key_file: str,
  ansible_private_key_file: str,
  proxy_jump: str,
  proxy_command: str,
  // Checked in full (option names, algorithm names) when the inventory is loaded: host-ssh-options.ts.
  ssh_options: described(v.record(v.string(), str), 'KexAlgorithms, HostKeyAlgorithms, Ciphers, MACs'),
  ansible_ssh_args: str,
  ansible_ssh_common_args: str,
  ansible_ssh_extra_args: str,
};

export const HOST_KEY_SCHEMAS: Readonly<Record<string, v.GenericSchema>> = {
  site: described(SITE_SCHEMA, 'the site: its name, VLANs, NAD defaults and cluster'),
  node: described(NODE_SCHEMA, "a node's trunk NIC, VLANs, uplink and day-0 link"),
  switch: described(SWITCH_SCHEMA, "a switch's VLANs and ports"),
  ...CONNECTION,
};

const PLATFORM_VAR_TYPES: Readonly<Record<PlatformVar['type'], v.GenericSchema>> = {
  string: str,
  boolean: v.boolean(),
};

/** The schema of a host variable a platform declares (its `hostVars`). */
export function platformVarSchema(declared: PlatformVar): v.GenericSchema {
  return described(PLATFORM_VAR_TYPES[declared.type], declared.description);
}

/**
 * The schema of a vars map (a group_vars or host_vars file, a group's or host's vars in a hosts file): acp-play's
 * keys and every platform's host variables, other keys free. A variable two platforms declare with different types
 * takes either.
 */
export function varsMapSchema(platforms: PlatformCatalog): v.GenericSchema {
  const entries: Record<string, v.GenericSchema> = {};
  const platformVars = new Map<string, v.GenericSchema[]>();
  for (const p of platforms.all) {
    for (const [name, declared] of Object.entries(p.hostVars ?? {})) {
      const list = platformVars.get(name) ?? [];
      list.push(platformVarSchema({ ...declared, description: `${p.id}: ${declared.description}` }));
      platformVars.set(name, list);
    }
  }
  for (const [name, list] of platformVars) entries[name] = v.optional(list.length === 1 ? list[0]! : v.union(list));
  for (const [name, schema] of Object.entries(HOST_KEY_SCHEMAS)) entries[name] = v.optional(schema);
  return v.looseObject(entries);
}
