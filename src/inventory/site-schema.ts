import type { Problem } from '../core/errors.js';
import { CLUSTER_LINK_SCHEMA, CLUSTER_SCHEMA } from './day0-schema.js';
import type { Host, Inventory } from '../core/inventory.js';
import type { PlatformCatalog, PlatformVar } from '../core/platform.js';
import { findKeyTypo } from './key-typos.js';
import { checkSchema, type Schema, type SchemaIssue } from './schema-check.js';
import { suggest } from '../core/did-you-mean.js';

/** The declarative schema of acp-play's own host variables (see docs/inventory.md). */

const str: Schema = { kind: 'string' };
const int: Schema = { kind: 'integer' };
const bool: Schema = { kind: 'boolean' };
/** VLAN sets: `2003-2005`, `2003`, or a list of ids and ranges. */
const vlanSet: Schema = {
  kind: 'oneOf',
  options: [str, int, { kind: 'list', items: { kind: 'oneOf', options: [int, str] } }],
};

const nadFields = {
  namespace: { schema: str },
  cni: { schema: { kind: 'enum', values: ['cnv-bridge', 'bridge'] } },
  macspoofchk: { schema: bool },
  labels: { schema: { kind: 'dict', values: str } },
} as const;

export const SITE_SCHEMA: Schema = {
  kind: 'map',
  fields: {
    name: { schema: str },
    nad: { schema: { kind: 'map', fields: nadFields } },
    cluster: { schema: CLUSTER_SCHEMA },
    vlans: {
      schema: {
        kind: 'list',
        items: {
          kind: 'map',
          fields: {
            id: { schema: int, required: true },
            name: { schema: str, required: true },
            subnet: { schema: str },
            gateway: { schema: str },
            description: { schema: str },
            vm: { schema: bool },
            nad: { schema: { kind: 'map', fields: { name: { schema: str }, ...nadFields } } },
          },
        },
      },
      required: true,
    },
  },
};

export const NODE_SCHEMA: Schema = {
  kind: 'map',
  fields: {
    trunk_nic: { schema: str, required: true },
    mtu: { schema: int },
    vlans: {
      schema: {
        kind: 'list',
        items: {
          kind: 'oneOf',
          options: [
            int,
            {
              kind: 'map',
              fields: { id: { schema: int, required: true }, interface: { schema: str }, bridge: { schema: str } },
            },
          ],
        },
      },
    },
    // Passed through to nmstate as written; only the names are checked (validate-site).
    interfaces: { schema: { kind: 'list', items: { kind: 'dict', values: { kind: 'any' } } } },
    uplink: {
      schema: {
        kind: 'map',
        fields: { switch: { schema: str, required: true }, port: { schema: str, required: true } },
      },
    },
    cluster_link: { schema: CLUSTER_LINK_SCHEMA },
    root_device: { schema: str },
  },
};

export const SWITCH_SCHEMA: Schema = {
  kind: 'map',
  fields: {
    vlans: {
      schema: {
        kind: 'oneOf',
        options: [
          str,
          int,
          {
            kind: 'list',
            items: {
              kind: 'oneOf',
              options: [
                int,
                str,
                { kind: 'map', fields: { id: { schema: int, required: true }, name: { schema: str, required: true } } },
              ],
            },
          },
        ],
      },
    },
    save: { schema: bool },
    ports: {
      schema: {
        kind: 'dict',
        values: {
          kind: 'map',
          fields: {
            description: { schema: str },
            // Required unless channel_group makes the port a port-channel member (build-switch.ts says so).
            mode: { schema: { kind: 'enum', values: ['access', 'trunk'] } },
            channel_group: { schema: int },
            access_vlan: { schema: int },
            native_vlan: { schema: int },
            allowed_vlans: { schema: vlanSet },
            policy: { schema: { kind: 'enum', values: ['replace', 'merge'] } },
            faces: { schema: str },
            enabled: { schema: bool },
          },
        },
      },
    },
  },
};

const portValue: Schema = { kind: 'oneOf', options: [int, str] };
const boolValue: Schema = { kind: 'oneOf', options: [bool, str] };

/** Every top-level key acp-play reads, with its schema. Ansible aliases share the schema of their key. */
export const HOST_KEY_SCHEMAS: Readonly<Record<string, Schema>> = {
  site: SITE_SCHEMA,
  node: NODE_SCHEMA,
  switch: SWITCH_SCHEMA,
  address: str,
  ansible_host: str,
  ansible_ssh_host: str,
  port: portValue,
  ansible_port: portValue,
  ansible_ssh_port: portValue,
  user: str,
  ansible_user: str,
  ansible_ssh_user: str,
  platform: str,
  ansible_network_os: str,
  // A password may be a vault-encrypted value, which the loader may hand over as an object.
  password: { kind: 'any' },
  ansible_password: { kind: 'any' },
  ansible_ssh_pass: { kind: 'any' },
  password_env: str,
  become: boolValue,
  ansible_become: boolValue,
  // sudo on nodes; enable on a switch CLI (its become password is the enable secret).
  become_method: { kind: 'enum', values: ['sudo', 'enable'] },
  ansible_become_method: { kind: 'enum', values: ['sudo', 'enable'] },
  become_password: { kind: 'any' },
  ansible_become_password: { kind: 'any' },
  ansible_become_pass: { kind: 'any' },
  become_password_env: str,
  ssh_private_key_file: str,
  ansible_ssh_private_key_file: str,
  ansible_private_key_file: str,
  proxy_jump: str,
  proxy_command: str,
  // Checked in full (option names, algorithm names) when the inventory is loaded: host-ssh-options.ts.
  ssh_options: { kind: 'dict', values: str },
  ansible_ssh_args: str,
  ansible_ssh_common_args: str,
  ansible_ssh_extra_args: str,
};

/** `node.vlans[1].id` */
export function formatKeyPath(key: string, path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`), key);
}

const PLATFORM_VAR_SCHEMAS: Readonly<Record<PlatformVar['type'], Schema>> = { string: str, boolean: bool };

// Host variables are frozen and mostly shared (every host sees the one `site` of group_vars/all): each object is
// checked once, not once per host.
const checked = new WeakMap<object, Map<Schema, SchemaIssue[]>>();

function checkSharedValue(value: unknown, schema: Schema): SchemaIssue[] {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return checkSchema(value, schema);
  let bySchema = checked.get(value);
  if (!bySchema) {
    bySchema = new Map();
    checked.set(value, bySchema);
  }
  let issues = bySchema.get(schema);
  if (!issues) {
    issues = checkSchema(value, schema);
    bySchema.set(schema, issues);
  }
  return issues;
}

/**
 * Checks one host's variables against the schema, and against the host variables its platform declares: every
 * problem, located in the file that set the variable. The platform names come from `platforms`.
 */
export function checkHostSchema(host: Host, inventory: Inventory, platforms: PlatformCatalog): Problem[] {
  const problems: Problem[] = [];
  const platformVars = (host.platform !== undefined && platforms.resolve(host.platform)?.hostVars) || {};
  for (const [key, value] of Object.entries(host.vars)) {
    const origin = Object.hasOwn(host.origins, key) ? host.origins[key] : undefined;
    const locate = (path: readonly (string | number)[]) => (origin ? inventory.locate(origin, path) : undefined);
    const platformVar = Object.hasOwn(platformVars, key) ? platformVars[key] : undefined;
    const schema = Object.hasOwn(HOST_KEY_SCHEMAS, key)
      ? HOST_KEY_SCHEMAS[key]
      : platformVar && PLATFORM_VAR_SCHEMAS[platformVar.type];
    if (schema) {
      for (const issue of checkSharedValue(value, schema))
        problems.push({ severity: 'error', location: locate(issue.path), ...describeIssue(key, issue) });
      if (
        (key === 'platform' || key === 'ansible_network_os') &&
        typeof value === 'string' &&
        !platforms.resolve(value)
      )
        problems.push({ severity: 'error', location: locate([]), ...unknownPlatform(value, host, platforms) });
      continue;
    }
    const typo = findKeyTypo(key, value);
    if (typo) {
      problems.push({
        severity: 'error',
        location: locate([]),
        message: `variable ${key} looks like a misspelling of acp-play's key ${typo}, so acp-play would ignore it`,
        fix: `did you mean ${typo}? rename it (or rename the variable if it is really a template variable)`,
      });
    }
  }
  return problems;
}

function unknownPlatform(value: string, host: Host, platforms: PlatformCatalog): { message: string; fix: string } {
  const names = platforms.all.flatMap((p) => [p.id, ...p.aliases]);
  const hint = suggest(value, names);
  const ids = platforms.all.map((p) => p.id).join(', ');
  const ansible = platforms.all.flatMap((p) => p.aliases.filter((a) => a.includes('.')));
  const understood = ansible.length ? ` (Ansible names such as ${ansible.join(', ')} are understood)` : '';
  return {
    message: `unknown platform ${JSON.stringify(value)} on ${host.name}`,
    fix: `${hint ? `did you mean ${hint}? ` : ''}use one of: ${ids}${understood}`,
  };
}

function describeIssue(key: string, issue: SchemaIssue): { message: string; fix: string } {
  const where = formatKeyPath(key, issue.path);
  switch (issue.kind) {
    case 'unknown-key': {
      const parent = formatKeyPath(key, issue.path.slice(0, -1));
      const hint = suggest(issue.word!, issue.candidates!);
      const known = `known keys of ${parent}: ${issue.candidates!.join(', ') || '(none)'}`;
      return {
        message: `unknown key ${issue.word} in ${parent}`,
        fix: hint ? `did you mean ${hint}? (${known})` : known,
      };
    }
    case 'wrong-type':
      return {
        message: `${where} must be ${issue.expected}, found ${issue.found}`,
        fix: `write ${issue.expected} there`,
      };
    case 'missing':
      return {
        message: `${where} is missing the required key ${issue.word}`,
        fix: `add ${issue.word}: under ${where}`,
      };
    case 'bad-enum': {
      const hint = suggest(issue.word!, issue.candidates!);
      return {
        message: `${where} is ${JSON.stringify(issue.word)}; allowed values: ${issue.candidates!.join(', ')}`,
        fix: hint ? `did you mean ${hint}?` : `use one of: ${issue.candidates!.join(', ')}`,
      };
    }
  }
}
