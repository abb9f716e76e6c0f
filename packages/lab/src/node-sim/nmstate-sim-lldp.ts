import { createHash } from 'node:crypto';
import type { SimIface, SimValue } from './sim-iface.js';

/** What a node's NIC hears over LLDP in the lab: the switch and its port on the other end of the cable. */
export interface SimLldpPeer {
  readonly systemName: string;
  /** The switch's interface name, sent as Port ID subtype 5 (interface name), as NX-OS, EOS and IOS send it. */
  readonly portId: string;
}

/**
 * The `lldp` section nmstate 2.2 reports for an interface with `lldp: {enabled: true}`: one list of TLVs per
 * neighbour (nmstate's rust/src/lib/lldp.rs: system name type 5, chassis ID type 1 subtype 4, port ID type 2 subtype
 * 5). NetworkManager listens only where LLDP is enabled, so a NIC without it reports no neighbours.
 */
export function lldpShown(iface: SimIface, peer: SimLldpPeer | undefined): SimIface {
  const lldp = iface['lldp'];
  const enabled = typeof lldp === 'object' && lldp !== null && !Array.isArray(lldp) && lldp['enabled'] === true;
  if (!enabled || !peer) return iface;
  const tlvs: SimValue[] = [
    { type: 5, 'system-name': peer.systemName },
    { type: 1, _description: 'MAC address', 'chassis-id': chassisMac(peer.systemName), 'chassis-id-type': 4 },
    { type: 2, _description: 'Interface name', 'port-id': peer.portId, 'port-id-type': 5 },
  ];
  return { ...iface, lldp: { enabled: true, neighbors: [tlvs] } };
}

/** A stable locally administered MAC for the switch's chassis ID. */
function chassisMac(system: string): string {
  const h = createHash('sha256').update(system).digest();
  return ['02', ...[h[0]!, h[1]!, h[2]!, h[3]!, h[4]!].map((b) => b.toString(16).padStart(2, '0'))]
    .join(':')
    .toUpperCase();
}
