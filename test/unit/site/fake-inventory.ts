import type { Host, Inventory, ValueOrigin } from '../../../src/core/inventory.js';

/** A host for {@link fakeInventory}: its merged vars, groups, and the file each top-level var came from. */
export interface FakeHost {
  readonly vars: Record<string, unknown>;
  readonly groups?: string[];
  /** File per top-level var; default `host_vars/<name>.yaml`, and `group_vars/all.yaml` for `site`. */
  readonly files?: Record<string, string>;
}

/**
 * A hand-built Inventory for unit tests. `locate` answers with the origin's file and the YAML path joined by
 * dots after a `#` (`host_vars/node0.yaml#node.uplink.port`), so a test can assert exactly what was pointed at.
 */
export function fakeInventory(hosts: Record<string, FakeHost>, dir = 'inventories/test'): Inventory {
  const map = new Map<string, Host>();
  for (const [name, spec] of Object.entries(hosts)) {
    const origins: Record<string, ValueOrigin> = {};
    for (const key of Object.keys(spec.vars)) {
      const file = spec.files?.[key] ?? (key === 'site' ? 'group_vars/all.yaml' : `host_vars/${name}.yaml`);
      origins[key] = { file, yamlPath: [key] };
    }
    const vars = spec.vars;
    const platform = (vars.platform ?? vars.ansible_network_os) as string | undefined;
    const address = (vars.address ?? vars.ansible_host ?? name) as string;
    map.set(name, {
      name,
      address,
      ...(platform !== undefined ? { platform } : {}),
      groups: ['all', ...(spec.groups ?? [])],
      vars,
      origins,
    });
  }
  return {
    dir,
    hosts: map,
    groups: new Map(),
    files: [],
    locate(origin, subPath = []) {
      return { file: `${origin.file}#${[...(origin.yamlPath ?? []), ...subPath].join('.')}`, line: 1, col: 1 };
    },
  };
}

/** The seed's site as hand-built vars: VLANs 2000-2005 (2003-2005 VM), node0-2 on switch1 Ethernet1/3, 1/7, 1/11. */
export function siteVars(): Record<string, unknown> {
  const vlan = (id: number, name: string, third: number, vm = false) => ({
    id,
    name,
    subnet: `172.16.${third}.0/${id === 2002 ? 23 : 24}`,
    gateway: `172.16.${third}.1`,
    ...(vm ? { vm: true } : {}),
  });
  return {
    name: 'site1',
    vlans: [
      vlan(2000, 'out-of-band', 0),
      vlan(2001, 'Storage', 1),
      vlan(2002, 'cluster', 2),
      vlan(2003, 'virtual-machines-1', 4, true),
      vlan(2004, 'virtual-machines-2', 5, true),
      vlan(2005, 'virtual-machines-3', 6, true),
    ],
  };
}

/** A three-node, one-switch site; `tweak` edits the vars (a deep copy) before the inventory is made. */
export function seedInventory(tweak?: (hosts: Record<string, { vars: Record<string, any> }>) => void): Inventory {
  const hosts: Record<string, { vars: Record<string, any>; groups?: string[] }> = {};
  const ports: Record<string, unknown> = {
    'Ethernet1/48': { description: 'uplink-to-unifi', mode: 'trunk', native_vlan: 2000, allowed_vlans: '2000-2005' },
  };
  ['Ethernet1/3', 'Ethernet1/7', 'Ethernet1/11'].forEach((port, i) => {
    hosts[`node${i}`] = {
      vars: {
        site: siteVars(),
        platform: 'nmstate',
        address: `172.16.0.1${i}`,
        node: { trunk_nic: 'enp4s0f0', uplink: { switch: 'switch1', port } },
      },
      groups: ['nodes'],
    };
    ports[port] = {
      description: `node${i}-virtualization`,
      mode: 'trunk',
      allowed_vlans: '2003-2005',
      faces: `node${i}:enp4s0f0`,
    };
  });
  hosts.switch1 = {
    vars: { site: siteVars(), platform: 'cisco_nxos', address: '172.16.0.2', switch: { ports } },
    groups: ['switches'],
  };
  tweak?.(hosts);
  return fakeInventory(hosts);
}
