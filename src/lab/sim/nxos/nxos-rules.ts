import type { ConfigRules } from '../config-rules.js';
import type { PortRules } from '../model/port-rules.js';

/**
 * Nexus 9000 (NX-OS 9.3): Ethernet ports are routed unless `system default switchport`; port-channels are Layer 2.
 * A routed port is shut unless `no shutdown`, a switchport up unless `shutdown` (a `show running-config all` of a
 * 7.0(3) N9K prints `!#no shutdown` on switchports and `no shutdown` on routed ports).
 */
export const NXOS_PORT_RULES: PortRules = {
  platform: 'cisco_nxos',
  defaultSwitchport: (kind, state) => kind === 'port-channel' || (kind === 'ethernet' && state.systemDefaultSwitchport),
  defaultShutdown: (port) => (port.kind === 'ethernet' ? !port.switchport : false),
  defaultMode: 'access',
  modes: ['access', 'trunk', 'dot1q-tunnel', 'fex-fabric'],
  memberConfig: 'inherit',
};

export const NXOS_CONFIG_RULES: ConfigRules = {
  ports: NXOS_PORT_RULES,
  notSwitchport: (port) => `ERROR: ${port}: requested config change not allowed`,
  undeletableVlan: (id) => (id === 1 ? 'ERROR: vlan 1 is the default VLAN and cannot be deleted' : undefined),
  channelIncompatible: (attribute) => `command failed: port not compatible [${attribute}]`,
  vlanNameMax: 32,
};
