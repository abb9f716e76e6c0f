import type { PortKind, SimPlatformId, SimPort, SimSwitchState } from './switch-model.js';

/** How a platform's ports behave where the three devices differ. */
export interface PortRules {
  readonly platform: SimPlatformId;
  /** Whether a new port of this kind is Layer 2 (NX-OS: only with `system default switchport`). */
  defaultSwitchport(kind: PortKind, state: SimSwitchState): boolean;
  /** The admin state of a port with no `shutdown` / `no shutdown` of its own. */
  defaultShutdown(port: SimPort, state: SimSwitchState): boolean;
  /** The mode of a switchport with no `switchport mode` line: `access`, or IOS Catalyst's `dynamic auto`. */
  readonly defaultMode: string;
  /** `switchport mode` keywords the platform takes. */
  readonly modes: readonly string[];
  /**
   * What a port-channel member's own Layer 2 settings mean. `inherit` (NX-OS, IOS): the port-channel's settings are
   * copied onto its members, and a member whose settings then differ is suspended. `ignore` (EOS): a member keeps
   * its own lines, which have no effect while it is a member.
   */
  readonly memberConfig: 'inherit' | 'ignore';
}

/** Operational view of one port: what it forwards now. */
export interface PortOperation {
  /** access / trunk / routed; `suspended`: a port-channel member whose settings differ; `member`: see `via`. */
  readonly mode: 'access' | 'trunk' | 'routed' | 'tunnel' | 'suspended';
  /** The untagged VLAN (access VLAN, or a trunk's native VLAN when it is allowed and exists). */
  readonly untagged?: number;
  /** Tagged VLANs: allowed, existing, active. */
  readonly tagged: readonly number[];
  /** The port whose settings apply (the port-channel for a member). */
  readonly settings: SimPort;
}
