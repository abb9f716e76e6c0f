/**
 * LLDP neighbours as every platform reports them (switches from `show lldp neighbors detail` or `lldpctl`, nodes from
 * lldpd or nmstate): what the cabling check compares with the inventory's wiring.
 */

/** How the neighbour identified its port (LLDP Port ID subtype): by interface name, by MAC, or otherwise. */
export type LldpPortIdType = 'ifname' | 'mac' | 'other';

/** One neighbour heard on one local port. */
export interface LldpNeighbor {
  /** The port it was heard on: the switch port (canonical name) or the node's NIC. */
  readonly localPort: string;
  /** System Name TLV (`node0`, `switch1.example.com`); absent when not advertised. */
  readonly systemName?: string;
  /** Port ID TLV: the neighbour's interface name, or its MAC (lldpd's default on Linux). */
  readonly portId?: string;
  readonly portIdType?: LldpPortIdType;
  /** Port Description TLV (lldpd puts the interface name here when the Port ID is a MAC). */
  readonly portDescription?: string;
  /** Chassis ID TLV (a MAC on most systems). */
  readonly chassisId?: string;
}
