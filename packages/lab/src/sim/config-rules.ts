import type { PortRules } from './model/port-rules.js';

/** A platform's configuration behaviour beyond PortRules: its refusals and notices, in the device's words. */
export interface ConfigRules {
  readonly ports: PortRules;
  /** NX-OS: a switchport sub-command on a routed port is refused with this; elsewhere it is stored. */
  readonly notSwitchport?: (port: string) => string;
  /** IOS: `switchport access vlan N` for a missing VLAN creates it and says so. */
  readonly createsAccessVlan?: (id: number) => string;
  /** The refusal of `no vlan 1` (and of other VLANs that cannot be deleted). */
  readonly undeletableVlan: (id: number) => string | undefined;
  /** IOS: `switchport mode trunk` on an ISL-capable port whose encapsulation is still negotiated. */
  readonly trunkNeedsEncapsulation?: string;
  /** NX-OS: `channel-group N` on a port whose settings differ from port-channel N's (names the first attribute). */
  readonly channelIncompatible?: (attribute: string) => string;
  /** IOS: the notice when `channel-group N` creates the port-channel. */
  readonly creatingChannel?: (name: string) => string;
  /** Longest VLAN name the device takes. */
  readonly vlanNameMax: number;
}
