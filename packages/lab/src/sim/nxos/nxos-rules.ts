import type { ConfigRules } from '../config-rules.js';
import type { PortRules } from '../model/port-rules.js';

/**
 * Nexus 9000 (NX-OS 9.3): Ethernet ports are routed unless `system default switchport`; port-channels are Layer 2.
 * Ports are shut until `no shutdown` (routed ones always; switchports while `system default switchport shutdown`,
 * the N9K default), so running-config prints `no shutdown` on every port that is up. Ansible's nxos_interfaces
 * relies on that line, and reads the defaults from `show running-config all | incl 'system default switchport'`.
 */
export const NXOS_PORT_RULES: PortRules = {
  platform: 'cisco_nxos',
  defaultSwitchport: (kind, state) => kind === 'port-channel' || (kind === 'ethernet' && state.systemDefaultSwitchport),
  defaultShutdown: (port, state) =>
    port.kind === 'ethernet' ? !port.switchport || state.systemDefaultSwitchportShutdown : false,
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
