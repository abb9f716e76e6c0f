import type { Host } from '../../../src/core/inventory.js';
import type { Nad, NodeModel, Site, SwitchModel, SwitchPort, Vlan } from '../../../src/core/site.js';

/**
 * The seed's site, built by hand as a Site model (test/fixtures/template/MANIFEST.tsv names the sources):
 * VLANs 2000-2005 (2003-2005 VM networks), node0-2 trunked on enp4s0f0, switch1 (NX-OS) with the VM trunks
 * Ethernet1/3, 1/7, 1/11 (2003-2005), access ports for cluster (2002) and storage (2001), the uplink trunk
 * Ethernet1/48 (2000-2005, native 2000), and one NAD per VM VLAN.
 * The example's extra-vars also give the VM trunks native VLAN 2003; that is left out, as in the pattern's own
 * switch block, because a VLAN the nodes bridge tagged must not also be the untagged one.
 */

export function host(name: string, platform: string, groups: readonly string[] = ['all']): Host {
  return { name, address: name, platform, groups, vars: {}, origins: {} };
}

const VLAN_NAMES: Record<number, string> = {
  2000: 'out-of-band',
  2001: 'storage',
  2002: 'cluster',
  2003: 'virtual-machines-1',
  2004: 'virtual-machines-2',
  2005: 'virtual-machines-3',
};
const SUBNETS: Record<number, string> = {
  2000: '172.16.0.0/24',
  2001: '172.16.1.0/24',
  2002: '172.16.2.0/23',
  2003: '172.16.4.0/24',
  2004: '172.16.5.0/24',
  2005: '172.16.6.0/24',
};
const NAD_DEFAULTS = {
  namespace: 'default',
  cni: 'cnv-bridge',
  macspoofchk: true,
  labels: { 'app.kubernetes.io/instance': 'acp-standard-services' },
} as const;
const VM_VLANS = [2003, 2004, 2005];

export const site1Vlans: Vlan[] = Object.keys(VLAN_NAMES).map((key) => {
  const id = Number(key);
  const vm = VM_VLANS.includes(id);
  return {
    id,
    name: VLAN_NAMES[id]!,
    subnet: SUBNETS[id]!,
    vm,
    ...(vm ? { nad: { ...NAD_DEFAULTS, name: `vlan${id}` } } : {}),
  };
});

export function site1Node(index: number, port: string, extra: Partial<NodeModel> = {}): NodeModel {
  const name = `node${index}`;
  return {
    name,
    host: host(name, 'nmstate', ['all', 'nodes']),
    platform: 'nmstate',
    trunkNic: 'enp4s0f0',
    bridges: VM_VLANS.map((vlan) => ({ vlan, interface: `enp4s0f0.${vlan}`, bridge: `bridge${vlan}` })),
    interfaces: [],
    uplink: { switch: 'switch1', port },
    ...extra,
  };
}

export function trunk(
  name: string,
  description: string,
  allowedVlans: number[],
  extra: Partial<SwitchPort> = {},
): SwitchPort {
  return { name, description, enabled: true, mode: 'trunk', allowedVlans, policy: 'replace', ...extra };
}

export function access(name: string, description: string, accessVlan: number): SwitchPort {
  return { name, description, enabled: true, mode: 'access', accessVlan, policy: 'replace' };
}

export function site1Switch(platform = 'cisco_nxos', ports?: SwitchPort[]): SwitchModel {
  const vms = [2003, 2004, 2005];
  return {
    name: 'switch1',
    host: host('switch1', platform, ['all', 'switches']),
    platform,
    vlans: site1Vlans.map((v) => ({ id: v.id, name: v.name })),
    save: false,
    ports: ports ?? [
      trunk('Ethernet1/48', 'uplink-to-unifi', [2000, 2001, 2002, 2003, 2004, 2005], { nativeVlan: 2000 }),
      access('Ethernet1/1', 'node0-cluster', 2002),
      access('Ethernet1/2', 'node0-storage', 2001),
      trunk('Ethernet1/3', 'node0-virtualization', vms, { faces: { node: 'node0', nic: 'enp4s0f0' } }),
      access('Ethernet1/5', 'node1-cluster', 2002),
      access('Ethernet1/6', 'node1-storage', 2001),
      trunk('Ethernet1/7', 'node1-virtualization', vms, { faces: { node: 'node1', nic: 'enp4s0f0' } }),
      access('Ethernet1/9', 'node2-cluster', 2002),
      access('Ethernet1/10', 'node2-storage', 2001),
      trunk('Ethernet1/11', 'node2-virtualization', vms, { faces: { node: 'node2', nic: 'enp4s0f0' } }),
    ],
  };
}

export const site1Nads: Nad[] = VM_VLANS.map((vlan) => ({
  ...NAD_DEFAULTS,
  name: `vlan${vlan}`,
  vlan,
  bridge: `bridge${vlan}`,
}));

/** The whole seed site. */
export function site1(extra: Partial<Site> = {}): Site {
  return {
    name: 'site1',
    vlans: site1Vlans,
    nodes: [site1Node(0, 'Ethernet1/3'), site1Node(1, 'Ethernet1/7'), site1Node(2, 'Ethernet1/11')],
    switches: [site1Switch()],
    nads: site1Nads,
    others: [],
    ...extra,
  };
}
