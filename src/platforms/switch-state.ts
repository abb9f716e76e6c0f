import type { SwitchPlatform } from '../core/inventory.js';
import { allVlans, VLAN_MAX, VLAN_MIN } from '../inventory/vlan-set.js';
import type { EniDocument } from './cumulus/cumulus-eni.js';

/**
 * The typed state of a switch, as gathered (parsed from running-config text or a Cumulus interfaces file) and as
 * planned against. Parsers for every platform produce this one shape.
 */

/** A VLAN definition on the switch. `name` is absent when the device shows none (its default name). */
export interface VlanState {
  id: number;
  name?: string;
}

/**
 * Switchport mode. `routed` = `no switchport`; other device modes (`dot1q-tunnel`, `dynamic auto`, `monitor`)
 * are kept as the device wrote them so the planner sees they differ from access/trunk.
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
}

/** The whole gathered switch. Interface keys are canonical names (see normaliseInterfaceName). */
export interface SwitchState {
  vlans: Map<number, VlanState>;
  interfaces: Map<string, PortState>;
  /** Cumulus only: the gathered interfaces file, which the plan rewrites into the desired one (`cumulusDocument`). */
  interfacesFile?: EniDocument;
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

/**
 * Canonical interface-type names per platform, in match order: an abbreviation (case-insensitive) becomes the first
 * entry it is a prefix of, so `Gi` -> GigabitEthernet and `Tw` -> TwoGigabitEthernet (write `Twe` for TwentyFiveGigE).
 */
const INTERFACE_TYPES: Record<SwitchPlatform, readonly string[]> = {
  cisco_nxos: ['Ethernet', 'port-channel', 'loopback', 'mgmt', 'Vlan', 'nve', 'Tunnel'],
  arista_eos: ['Ethernet', 'Port-Channel', 'Loopback', 'Management', 'Vlan', 'Vxlan', 'Tunnel', 'Recirc-Channel'],
  cisco_ios: [
    'GigabitEthernet',
    'FastEthernet',
    'TenGigabitEthernet',
    'TwoGigabitEthernet',
    'TwentyFiveGigE',
    'FortyGigabitEthernet',
    'FiveGigabitEthernet',
    'HundredGigE',
    'AppGigabitEthernet',
    'Ethernet',
    'Port-channel',
    'Loopback',
    'Vlan',
    'Tunnel',
  ],
  cumulus: [],
};

/** Short forms that are not plain prefixes of the canonical name. */
const ALIASES: Partial<Record<SwitchPlatform, Record<string, string>>> = {
  cisco_nxos: { po: 'port-channel', lo: 'loopback' },
  arista_eos: { po: 'Port-Channel', ma: 'Management', vx: 'Vxlan' },
  cisco_ios: { po: 'Port-channel', hu: 'HundredGigE', twe: 'TwentyFiveGigE', te: 'TenGigabitEthernet' },
};

/**
 * `Eth1/3` -> `Ethernet1/3` (NX-OS), `et1` -> `Ethernet1` (EOS), `Gi0/1` -> `GigabitEthernet0/1` (IOS),
 * case-insensitive; spaces between type and number are dropped. Cumulus names (`swp1`) are kernel names, kept.
 * An unknown type is returned as written.
 */
export function normaliseInterfaceName(platform: SwitchPlatform, name: string): string {
  const trimmed = name.trim();
  if (platform === 'cumulus') return trimmed;
  const m = /^([A-Za-z][A-Za-z-]*)\s*(\d.*)?$/.exec(trimmed);
  if (!m) return trimmed;
  const prefix = m[1]!.toLowerCase();
  const rest = m[2] ?? '';
  const alias = ALIASES[platform]?.[prefix];
  if (alias) return alias + rest;
  const type = INTERFACE_TYPES[platform].find((t) => t.toLowerCase().startsWith(prefix));
  return type ? type + rest : trimmed;
}
