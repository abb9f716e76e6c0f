import { createHash } from 'node:crypto';
import { loopback, nicDefaults } from './nmstate-sim-defaults.js';
import { lldpShown, type SimLldpPeer } from './nmstate-sim-lldp.js';

import type { SimIface } from './sim-iface.js';

export type { SimIface, SimValue } from './sim-iface.js';

/** An open NetworkManager checkpoint: what a rollback restores, and when NetworkManager does it by itself. */
export interface SimCheckpoint {
  /** `/org/freedesktop/NetworkManager/Checkpoint/N`. */
  readonly path: string;
  readonly createdAt: number;
  /** Epoch ms at which NetworkManager rolls back on its own (created + timeout). */
  readonly deadline: number;
  /** The interfaces as they were when the checkpoint was created. */
  readonly interfaces: SimIface[];
}

/** `<node dir>/state.json`: everything the fake nmstatectl knows about one node. */
export interface SimNodeState {
  readonly format: 'acp-play/node-sim@1';
  readonly hostname: string;
  interfaces: SimIface[];
  checkpoints: SimCheckpoint[];
  /** NetworkManager numbers checkpoints with one counter for its whole lifetime. */
  nextCheckpoint: number;
  /** Checkpoints NetworkManager rolled back by timeout (path and when), newest last, for tests and `lab status`. */
  expired: { path: string; at: number }[];
  /** The lab's cabling: what each NIC hears over LLDP (shown where the interface has `lldp: {enabled: true}`). */
  lldp?: Record<string, SimLldpPeer>;
}

/** The NIC that carries the VM VLANs in the site (`node.trunk_nic`). */
export const TRUNK_NIC = 'enp4s0f0';
/** The node's management NIC (cluster network, untagged). */
export const MGMT_NIC = 'eno1';

/** A stable, locally administered MAC per node and NIC. */
export function simMac(node: string, nic: string): string {
  const h = createHash('sha256').update(`${node}/${nic}`).digest();
  return ['52', '54', ...[h[0]!, h[1]!, h[2]!, h[3]!].map((b) => b.toString(16).padStart(2, '0'))]
    .join(':')
    .toUpperCase();
}

/**
 * A freshly installed node: lo, the management NIC with its address, and the trunk NIC up with no address and no
 * VLANs (like the recorded 'before' state). `index` picks the management address (172.16.2.10 + index).
 */
export function baseNodeState(hostname: string, index: number): SimNodeState {
  const mgmt = nicDefaults(MGMT_NIC, simMac(hostname, MGMT_NIC));
  mgmt['ipv4'] = {
    enabled: true,
    address: [{ ip: `172.16.2.${10 + index}`, 'prefix-length': 23 }],
    dhcp: false,
    forwarding: false,
  };
  return {
    format: 'acp-play/node-sim@1',
    hostname,
    interfaces: [mgmt, nicDefaults(TRUNK_NIC, simMac(hostname, TRUNK_NIC)), loopback()],
    checkpoints: [],
    nextCheckpoint: 1,
    expired: [],
  };
}

/**
 * nmstate's field order for an interface (BaseInterface, then the type's own section). Unknown keys keep their
 * order after these.
 */
const KEY_ORDER = [
  'name',
  'profile-name',
  'description',
  'type',
  'driver',
  'state',
  'identifier',
  'mac-address',
  'permanent-mac-address',
  'pci-address',
  'mtu',
  'min-mtu',
  'max-mtu',
  'wait-ip',
  'ipv4',
  'ipv6',
  'mptcp',
  'controller',
  'accept-all-mac-addresses',
  'copy-mac-from',
  'ovs-db',
  '802.1x',
  'lldp',
  'ethtool',
  'dispatch',
  'alt-names',
  'bridge',
  'vlan',
  'ethernet',
  'veth',
];

/** The interface with its keys in nmstate's order; `topNameType` moves name and type first (full `show`). */
export function orderIface(iface: SimIface, topNameType: boolean): SimIface {
  const rank = (k: string): number => {
    if (topNameType && (k === 'name' || k === 'type')) return k === 'name' ? -2 : -1;
    const i = KEY_ORDER.indexOf(k);
    return i < 0 ? KEY_ORDER.length : i;
  };
  const keys = Object.keys(iface).filter((k) => iface[k] !== undefined);
  keys.sort((a, b) => rank(a) - rank(b));
  const out: SimIface = { name: iface.name };
  for (const k of keys) out[k] = iface[k];
  return out;
}

/**
 * `nmstatectl show --json [IFNAME]` as nmstatectl 2.2.62 prints it. Without a name: every section, interfaces sorted
 * by name with name and type first. With a name: nmstatectl 2.2.62 keeps the interfaces whose name EQUALS the
 * argument (no comma lists, no globs: query.rs `filter_net_state_with_iface`) and prints only `interfaces`, in the
 * struct's own key order.
 */
export function showText(state: SimNodeState, ifname?: string): string {
  if (ifname !== undefined) {
    const interfaces = state.interfaces
      .filter((i) => i.name === ifname)
      .map((i) => orderIface(lldpShown(i, state.lldp?.[i.name]), false));
    return JSON.stringify({ interfaces }, null, 2);
  }
  const interfaces = [...state.interfaces]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((i) => orderIface(lldpShown(i, state.lldp?.[i.name]), true));
  const doc = {
    hostname: { running: state.hostname, config: state.hostname },
    'dns-resolver': { running: { server: [] }, config: {} },
    'route-rules': { config: [] },
    routes: { running: [], config: [] },
    interfaces,
    ovn: {},
  };
  return JSON.stringify(doc, null, 2);
}
