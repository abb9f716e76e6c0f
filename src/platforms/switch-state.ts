import { allVlans, VLAN_MAX, VLAN_MIN } from '../inventory/vlan-set.js';

/**
 * The typed state of a switch, as gathered (parsed from running-config text or a Cumulus interfaces file) and as
 * planned against. Parsers for every platform produce this one shape.
 */

/** Options shared by the parsers. Problems (unreadable values) are pushed to `warnings`, never thrown. */
export interface ParseOptions {
  readonly warnings?: string[];
}

/** A VLAN definition on the switch. `name` is absent when the device shows none (its default name). */
export interface VlanState {
  id: number;
  name?: string;
}

/**
 * Switchport mode. `routed` = `no switchport`; other device modes (`dot1q-tunnel`, `dynamic auto`,
 * `private-vlan trunk secondary`) are kept whole, as the device wrote them, so the planner sees they differ from
 * access/trunk.
 */
export type PortMode = 'access' | 'trunk' | 'routed' | (string & {});

/** One interface as the device has it. */
export interface PortState {
  name: string;
  description?: string;
  shutdown: boolean;
  /** Absent when nothing says whether the port is a switchport (a bare interface on a platform defaulting to L3). */
  mode?: PortMode;
  /** Absent = the device default (VLAN 1). */
  accessVlan?: number;
  /** Absent = the device default (VLAN 1; on Cumulus the bridge's `bridge-pvid`, else 1). */
  nativeVlan?: number;
  /**
   * Sorted set of allowed VLAN ids. When `allowedIsDefault` is true this is what the default means on the platform:
   * ALL 1-4094 on NX-OS / EOS / IOS (no allowed-vlan line), the bridge's `bridge-vids` on Cumulus.
   */
  allowedVlans: number[];
  /** No explicit allowed list on the port: it follows the default. */
  allowedIsDefault: boolean;
  /**
   * The port-channel the port is a member of (`channel-group 10` on NX-OS: `port-channel10`), by its canonical
   * name: its switchport settings then come from the port-channel.
   */
  memberOf?: string;
  /**
   * IOS trunk encapsulation, where the port has a choice: `negotiate` (the default of an ISL-capable port, which
   * refuses `switchport mode trunk`), `isl` or `dot1q`. Absent where the device has only 802.1Q.
   */
  trunkEncapsulation?: 'dot1q' | 'isl' | 'negotiate';
}

/** The whole gathered switch. Interface keys are canonical names (see normaliseInterfaceName). */
export interface SwitchState {
  vlans: Map<number, VlanState>;
  interfaces: Map<string, PortState>;
}

export function emptySwitchState(): SwitchState {
  return { vlans: new Map(), interfaces: new Map() };
}

/** A port with nothing configured: enabled, no mode known, all VLANs allowed by default. */
export function defaultPortState(name: string): PortState {
  return { name, shutdown: false, allowedVlans: allVlans(), allowedIsDefault: true };
}

/** True for the full 1-4094 set (what a trunk with no allowed-vlan line, or `allowed vlan all`, carries). */
export function isAllVlans(ids: readonly number[]): boolean {
  return ids.length === VLAN_MAX - VLAN_MIN + 1;
}

/** Deep copy, so an apply model can change a state without touching the caller's. */
export function cloneSwitchState(state: SwitchState): SwitchState {
  const vlans = new Map<number, VlanState>();
  for (const [id, v] of state.vlans) vlans.set(id, { ...v });
  const interfaces = new Map<string, PortState>();
  for (const [name, p] of state.interfaces) interfaces.set(name, { ...p, allowedVlans: [...p.allowedVlans] });
  return { vlans, interfaces };
}
