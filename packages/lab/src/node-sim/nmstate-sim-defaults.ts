import type { SimIface } from './sim-iface.js';

/**
 * What `nmstatectl show` fills in for the interfaces the node simulator creates, copied from the real nmstate
 * 2.2.62 output recorded in test/fixtures/nmstate/recorded/show-after.json (a VLAN interface, a Linux bridge, the
 * trunk NIC and lo). Values that depend on the kernel (ethtool features, timers) are the recorded ones.
 */

function features(on: string, off: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const k of on.split(' ')) out[k] = true;
  for (const k of off.split(' ')) out[k] = false;
  // nmstate prints the features sorted by name.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const SEG =
  'tx-gre-csum-segmentation tx-gre-segmentation tx-gso-list tx-ipxip4-segmentation tx-ipxip6-segmentation tx-scatter-gather-fraglist tx-sctp-segmentation tx-tcp-ecn-segmentation tx-tcp-mangleid-segmentation tx-tcp-segmentation tx-tcp6-segmentation tx-udp-segmentation tx-udp_tnl-csum-segmentation tx-udp_tnl-segmentation';

const NIC_FEATURES = features(
  `highdma rx-checksum rx-vlan-hw-parse rx-vlan-stag-hw-parse tx-checksum-ip-generic tx-checksum-sctp tx-generic-segmentation ${SEG} tx-vlan-hw-insert tx-vlan-stag-hw-insert`,
  'rx-gro rx-gro-list rx-udp-gro-forwarding tx-nocache-copy',
);
const VLAN_FEATURES = features(
  `highdma rx-gro tx-checksum-ip-generic tx-checksum-sctp tx-generic-segmentation ${SEG}`,
  'fcoe-mtu rx-gro-list rx-udp-gro-forwarding tx-checksum-fcoe-crc tx-fcoe-segmentation tx-nocache-copy',
);
const BRIDGE_FEATURES = features(
  `highdma rx-gro tx-checksum-ip-generic tx-esp-segmentation tx-generic-segmentation tx-gso-partial tx-tunnel-remcsum-segmentation ${SEG} tx-vlan-hw-insert tx-vlan-stag-hw-insert`,
  'rx-gro-list rx-udp-gro-forwarding tx-fcoe-segmentation tx-gso-robust tx-nocache-copy',
);
const LO_FEATURES = features(
  'rx-gro tx-generic-segmentation tx-gso-list tx-sctp-segmentation tx-tcp-ecn-segmentation tx-tcp-mangleid-segmentation tx-tcp-segmentation tx-tcp6-segmentation tx-udp-segmentation',
  'rx-gro-list rx-udp-gro-forwarding',
);

/** A physical NIC as nmstate shows it (no addresses: the trunk NIC carries only tagged traffic). */
export function nicDefaults(name: string, mac: string): SimIface {
  return {
    name,
    type: 'ethernet',
    state: 'up',
    'mac-address': mac,
    mtu: 1500,
    'min-mtu': 68,
    'max-mtu': 9216,
    ipv4: { enabled: false, forwarding: false },
    ipv6: { enabled: false },
    'accept-all-mac-addresses': false,
    ethtool: { feature: { ...NIC_FEATURES } },
    ethernet: { 'auto-negotiation': false, duplex: 'full', speed: 10000 },
  };
}

/** The loopback interface exactly as recorded. */
export function loopback(): SimIface {
  return {
    name: 'lo',
    type: 'loopback',
    state: 'up',
    'mac-address': '00:00:00:00:00:00',
    mtu: 65536,
    ipv4: { enabled: true, address: [{ ip: '127.0.0.1', 'prefix-length': 8 }], forwarding: false },
    ipv6: { enabled: true, address: [{ ip: '::1', 'prefix-length': 128, protocol: 'lo' }] },
    'accept-all-mac-addresses': false,
    ethtool: { feature: { ...LO_FEATURES } },
  };
}

/** A new VLAN interface: what nmstate reports for one created with only name, type, state and vlan. */
export function vlanDefaults(name: string, mac: string): SimIface {
  return {
    name,
    type: 'vlan',
    state: 'up',
    identifier: 'name',
    'mac-address': mac,
    mtu: 1500,
    'max-mtu': 65535,
    ipv4: { enabled: false, forwarding: false },
    ipv6: { enabled: false },
    'accept-all-mac-addresses': false,
    lldp: { enabled: false },
    ethtool: { feature: { ...VLAN_FEATURES } },
    vlan: { protocol: '802.1q', 'registration-protocol': 'none', 'reorder-headers': true, 'loose-binding': false },
  };
}

/** A new Linux bridge. NetworkManager turns STP on unless the desired state says otherwise. */
export function bridgeDefaults(name: string, mac: string): SimIface {
  return {
    name,
    type: 'linux-bridge',
    state: 'up',
    identifier: 'name',
    'mac-address': mac,
    mtu: 1500,
    'min-mtu': 68,
    'max-mtu': 65535,
    'wait-ip': 'any',
    ipv4: { enabled: false, dhcp: false, 'auto-route-metric': -1, forwarding: false, 'prefix-route-metric': -1 },
    ipv6: { enabled: false },
    'accept-all-mac-addresses': false,
    lldp: { enabled: false },
    ethtool: { feature: { ...BRIDGE_FEATURES } },
    bridge: {
      options: {
        'gc-timer': 29898,
        'group-addr': '01:80:C2:00:00:00',
        'group-forward-mask': 0,
        'group-fwd-mask': 0,
        'hash-max': 4096,
        'hello-timer': 0,
        'mac-ageing-time': 300,
        'multicast-last-member-count': 2,
        'multicast-last-member-interval': 100,
        'multicast-membership-interval': 26000,
        'multicast-querier': false,
        'multicast-querier-interval': 25500,
        'multicast-query-interval': 12500,
        'multicast-query-response-interval': 1000,
        'multicast-query-use-ifaddr': false,
        'multicast-router': 'auto',
        'multicast-snooping': true,
        'multicast-startup-query-count': 2,
        'multicast-startup-query-interval': 3125,
        stp: { enabled: true, 'forward-delay': 15, 'hello-time': 2, 'max-age': 20, priority: 32768 },
        'vlan-protocol': '802.1q',
        'vlan-default-pvid': 1,
      },
      port: [],
    },
  };
}

/** A bridge port entry as `show` reports it (the recorded values for a port on a 10G-class NIC). */
export function bridgePortDefaults(name: string): SimIface {
  return { name, 'stp-hairpin-mode': false, 'stp-path-cost': 2, 'stp-priority': 32 };
}

/** Any other interface type the desired state creates: the base properties only. */
export function genericDefaults(name: string, type: string, mac: string): SimIface {
  return {
    name,
    type,
    state: 'up',
    'mac-address': mac,
    mtu: 1500,
    ipv4: { enabled: false, forwarding: false },
    ipv6: { enabled: false },
    'accept-all-mac-addresses': false,
  };
}
