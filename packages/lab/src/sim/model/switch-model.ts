/**
 * The simulated switch's own state: what the device stores after each command, in the device's terms. It is
 * independent of the tool's parsers and planner (nothing here comes from src/platforms): the simulators are the
 * tool's judges, so they must not share its reading of a device.
 */

/** Platforms the device simulators speak. */
export type SimPlatformId = 'cisco_nxos' | 'arista_eos' | 'cisco_ios';

/** A VLAN in the device's VLAN table. */
export interface SimVlan {
  readonly id: number;
  /** Configured name; absent = the default `VLAN0010` (`default` for VLAN 1). */
  name?: string;
  /** `state suspend`. */
  suspended: boolean;
}

/** `all` = no allowed list configured (the default: every VLAN); otherwise the sorted ids. */
export type AllowedVlans = 'all' | readonly number[];

/** `channel-group N mode M` on a member port. */
export interface ChannelMembership {
  readonly id: number;
  readonly mode: 'active' | 'passive' | 'on';
}

/** Kinds of interfaces, which decide defaults (`interface` may create only logical ones). */
export type PortKind = 'ethernet' | 'port-channel' | 'management' | 'loopback' | 'svi';

/** One interface as configured. */
export interface SimPort {
  readonly name: string;
  readonly kind: PortKind;
  /** Hardware: an ISL-capable Catalyst port (trunk encapsulation must be chosen before `switchport mode trunk`). */
  readonly islCapable: boolean;
  description?: string;
  /** Explicit admin state; undefined = the platform's default for the port (see PortRules.defaultShutdown). */
  shutdown?: boolean;
  /** Layer 2 (`switchport`) or routed (`no switchport`). */
  switchport: boolean;
  /** Configured `switchport mode` keyword(s); undefined = none configured (the platform's default mode). */
  mode?: string;
  accessVlan: number;
  nativeVlan: number;
  allowed: AllowedVlans;
  /** IOS `switchport trunk encapsulation`; undefined = not configured (negotiate on ISL-capable ports). */
  encapsulation?: 'dot1q' | 'isl' | 'negotiate';
  channelGroup?: ChannelMembership;
}

/** The whole configuration the simulators model. */
export interface SimSwitchState {
  /** `hostname` (the prompt). */
  hostname: string;
  vlans: Map<number, SimVlan>;
  ports: Map<string, SimPort>;
  /** NX-OS `system default switchport`: Ethernet ports default to Layer 2. */
  systemDefaultSwitchport: boolean;
  /** NX-OS `system default switchport shutdown` (a Nexus 9000's default): switchports are shut until `no shutdown`. */
  systemDefaultSwitchportShutdown: boolean;
  /** IOS VTP mode: VLANs are printed in running-config only in transparent or off mode. */
  vtpMode: 'server' | 'client' | 'transparent' | 'off';
  /** NX-OS `feature lldp`, IOS `lldp run`; EOS runs LLDP unless `no lldp run`. */
  lldp: boolean;
  /** IOS `archive` block (`path`, `maximum`), needed by `configure terminal revert timer`. */
  archive?: { path?: string; maximum?: number };
}

/** A fresh VLAN table with VLAN 1. */
export function emptySimState(opts: { hostname: string; lldp: boolean }): SimSwitchState {
  return {
    hostname: opts.hostname,
    vlans: new Map([[1, { id: 1, suspended: false }]]),
    ports: new Map(),
    systemDefaultSwitchport: false,
    systemDefaultSwitchportShutdown: true,
    vtpMode: 'server',
    lldp: opts.lldp,
  };
}

/** A deep copy (Maps included). */
export function cloneSimState(state: SimSwitchState): SimSwitchState {
  return structuredClone(state);
}

/** A port with nothing configured. */
export function blankPort(name: string, kind: PortKind, switchport: boolean, islCapable = false): SimPort {
  return { name, kind, islCapable, switchport, accessVlan: 1, nativeVlan: 1, allowed: 'all' };
}

/** The VLAN ids an allowed list carries (every VLAN for `all`). */
export function allowedIds(allowed: AllowedVlans): readonly number[] {
  return allowed === 'all' ? Array.from({ length: 4094 }, (_, i) => i + 1) : allowed;
}

/** The default name a device shows for a VLAN without one: `default` for 1, else `VLAN0010`. */
export function defaultVlanName(id: number): string {
  return id === 1 ? 'default' : `VLAN${String(id).padStart(4, '0')}`;
}

/** The VLANs sorted by id. */
export function sortedVlans(state: SimSwitchState): SimVlan[] {
  return [...state.vlans.values()].sort((a, b) => a.id - b.id);
}

/** The Layer 2 settings a port-channel member must share with its port-channel. */
export function l2Signature(port: SimPort): string {
  const allowed = port.allowed === 'all' ? 'all' : port.allowed.join(',');
  return [port.switchport, port.mode ?? '', port.accessVlan, port.nativeVlan, allowed].join('|');
}
