import { mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OWNERSHIP_FILE } from 'acp-play/inventory/ownership-record.js';
import type { SimPlatformId } from '../sim/sim-types.js';

/** One device of the lab as the inventory needs it. */
export interface LabDevice {
  readonly name: string;
  readonly port: number;
  /** `ssh-ed25519 AAAA…`. */
  readonly hostKeyPublic: string;
}

/** What {@link writeSiteLabInventory} writes. */
export interface SiteLabInventory {
  readonly dir: string;
  readonly platform: SimPlatformId;
  readonly switch: LabDevice;
  readonly nodes: readonly LabDevice[];
  /** Absolute path of the lab's client private key. */
  readonly keyFile: string;
  readonly labId: string;
  /** Extra host variables of the switch (YAML lines), e.g. its become settings. */
  readonly switchVars?: readonly string[];
}

/** The switch platform of the default lab: the example site's NX-OS switch. */
export const DEFAULT_LAB_SWITCH: SimPlatformId = 'cisco_nxos';

/** Login of the simulated nodes (as RHCOS's `core`) and of the switch. */
export const NODE_USER = 'core';
export const SWITCH_USER = 'admin';
/**
 * Nodes the default lab can have: the site's VM trunks are Ethernet1/3, 1/7, 1/11, … (4 ports per node) below the
 * uplink 1/48.
 */
export const MAX_LAB_NODES = 12;

/** The front-panel port `n` (1-48) in the platform's naming. */
export function portName(platform: SimPlatformId, n: number): string {
  return platform === 'cisco_nxos'
    ? `Ethernet1/${n}`
    : platform === 'arista_eos'
      ? `Ethernet${n}`
      : `GigabitEthernet1/0/${n}`;
}

/** Node i's ports, as the site cables them: cluster 4i+1, storage 4i+2, VM trunk 4i+3. */
export function nodePorts(platform: SimPlatformId, i: number): { cluster: string; storage: string; trunk: string } {
  return {
    cluster: portName(platform, 4 * i + 1),
    storage: portName(platform, 4 * i + 2),
    trunk: portName(platform, 4 * i + 3),
  };
}

/**
 * The site of inventories/site1 (the pattern's VLANs 2000-2005, VM VLANs 2003-2005), for group_vars/all.yaml, without
 * its day-0 `cluster`: the lab's nodes are simulators that are already running (and `--nodes N` varies their number).
 */
export const LAB_SITE_YAML = `# The site of inventories/site1 (the "bridging VMs directly to a network" pattern), without its day-0 cluster.
site:
  name: site1
  nad:
    namespace: default
    cni: cnv-bridge
    macspoofchk: true
    labels: {app.kubernetes.io/instance: acp-standard-services}
  vlans:
    - {id: 2000, name: out-of-band, subnet: 172.16.0.0/24, gateway: 172.16.0.1, description: Out of band management interfaces of hardware}
    - {id: 2001, name: Storage, subnet: 172.16.1.0/24, gateway: 172.16.1.1, description: Hyperconverged storage network}
    - {id: 2002, name: cluster, subnet: 172.16.2.0/23, gateway: 172.16.2.1, description: "Cluster primary network for ingress, load balanced services, and MetalLB pools"}
    - {id: 2003, name: virtual-machines-1, subnet: 172.16.4.0/24, gateway: 172.16.4.1, description: First dedicated network for bridged virtual machines, vm: true}
    - {id: 2004, name: virtual-machines-2, subnet: 172.16.5.0/24, gateway: 172.16.5.1, description: Second dedicated network for bridged virtual machines, vm: true}
    - {id: 2005, name: virtual-machines-3, subnet: 172.16.6.0/24, gateway: 172.16.6.1, description: Third dedicated network for bridged virtual machines, vm: true}
`;

function switchYaml(inv: SiteLabInventory): string {
  const p = inv.platform;
  const lines = [
    `# switch1: a ${p} simulator on 127.0.0.1, ports as in inventories/site1.`,
    `platform: ${p}`,
    ...(inv.switchVars ?? []),
    'switch:',
    '  save: false',
    '  ports:',
    `    ${portName(p, 48)}: {description: uplink-to-unifi, mode: trunk, native_vlan: 2000, allowed_vlans: 2000-2005}`,
  ];
  inv.nodes.forEach((node, i) => {
    const ports = nodePorts(p, i);
    lines.push(
      `    ${ports.trunk}: {description: ${node.name}-virtualization, mode: trunk, allowed_vlans: 2003-2005, faces: "${node.name}:enp4s0f0"}`,
      `    ${ports.cluster}: {description: ${node.name}-cluster, mode: access, access_vlan: 2002, faces: "${node.name}:eno1"}`,
      `    ${ports.storage}: {description: ${node.name}-storage, mode: access, access_vlan: 2001, faces: "${node.name}:enp4s0f1"}`,
    );
  });
  return `${lines.join('\n')}\n`;
}

/** Every file the lab writes into its inventory folder (removed again by `lab down`). */
function inventoryFiles(inv: SiteLabInventory): Record<string, string> {
  const key = relative(inv.dir, inv.keyFile);
  const hosts = [
    `# Written by \`acp-play lab up\` (lab ${inv.labId}): the site of inventories/site1 on simulators at 127.0.0.1.`,
    '# Generated: `acp-play lab down` removes it. Try `acp-play plan inventories/lab`.',
    'all:',
    '  vars:',
    `    ssh_private_key_file: ${key}`,
    '  children:',
    '    nodes:',
    '      hosts:',
    ...inv.nodes.map((n) => `        ${n.name}: {address: 127.0.0.1, port: ${n.port}}`),
    '    switches:',
    '      hosts:',
    `        ${inv.switch.name}: {address: 127.0.0.1, port: ${inv.switch.port}}`,
  ];
  const files: Record<string, string> = {
    'hosts.yaml': `${hosts.join('\n')}\n`,
    'group_vars/all.yaml': LAB_SITE_YAML,
    'group_vars/nodes.yaml': [
      '# Simulated nodes: a real shell with a fake nmstatectl (packages/lab/src/node-sim/); the login user runs it, no sudo.',
      'platform: nmstate',
      `user: ${NODE_USER}`,
      'become: false',
      'node:',
      '  trunk_nic: enp4s0f0',
      '',
    ].join('\n'),
    'group_vars/switches.yaml': `user: ${SWITCH_USER}\n`,
    [`host_vars/${inv.switch.name}.yaml`]: switchYaml(inv),
    known_hosts: [inv.switch, ...inv.nodes].map((d) => `[127.0.0.1]:${d.port} ${d.hostKeyPublic}\n`).join(''),
  };
  inv.nodes.forEach((n, i) => {
    files[`host_vars/${n.name}.yaml`] =
      `node:\n  uplink: {switch: ${inv.switch.name}, port: ${nodePorts(inv.platform, i).trunk}}\n`;
  });
  return files;
}

/**
 * Writes inventories/lab: hosts, connection settings, the site, the switch ports and the pinned host keys. Returns
 * every file `lab down` removes, the ownership record that apply writes among them; a record left from an earlier
 * lab is removed now, since the new lab's switch starts empty.
 */
export function writeSiteLabInventory(inv: SiteLabInventory): string[] {
  const files = inventoryFiles(inv);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(inv.dir, path, '..'), { recursive: true });
    writeFileSync(join(inv.dir, path), text);
  }
  rmSync(join(inv.dir, OWNERSHIP_FILE), { force: true });
  return [...Object.keys(files), OWNERSHIP_FILE];
}

/**
 * Removes the files the lab wrote, and a site lock a killed run left behind (the lab's devices are going away),
 * then every folder left empty (the inventory folder too).
 */
export function removeSiteLabInventory(dir: string, files: readonly string[]): void {
  for (const file of [...files, '.acp-play.lock']) rmSync(join(dir, file), { force: true });
  for (const sub of ['group_vars', 'host_vars', '.']) {
    try {
      if (readdirSync(join(dir, sub)).length === 0) rmdirSync(join(dir, sub));
    } catch {
      // already gone
    }
  }
}
