import type { ConfigRules } from '../config-rules.js';
import type { PortRules } from '../model/port-rules.js';

/**
 * Cisco IOS / IOS-XE Catalyst: every front-panel port is a switchport in `dynamic auto` mode until `switchport mode`
 * says otherwise (a Linux host speaks no DTP, so such a port runs as access). ISL-capable ports (Catalyst 3750, 4500)
 * refuse `switchport mode trunk` until `switchport trunk encapsulation dot1q`; a Catalyst 9000's ports know only
 * 802.1Q and have no `encapsulation` keyword.
 */
export const IOS_PORT_RULES: PortRules = {
  platform: 'cisco_ios',
  defaultSwitchport: (kind) => kind === 'ethernet' || kind === 'port-channel',
  defaultShutdown: () => false,
  defaultMode: 'dynamic auto',
  modes: [
    'access',
    'trunk',
    'dot1q-tunnel',
    'dynamic auto',
    'dynamic desirable',
    'private-vlan host',
    'private-vlan promiscuous',
  ],
  memberConfig: 'inherit',
};

export const IOS_CONFIG_RULES: ConfigRules = {
  ports: IOS_PORT_RULES,
  createsAccessVlan: (id) => `% Access VLAN does not exist. Creating vlan ${id}`,
  undeletableVlan: (id) =>
    id === 1
      ? '%Default VLAN 1 may not be deleted.\n'
      : id >= 1002 && id <= 1005
        ? `%Default VLAN ${id} may not be deleted.\n`
        : undefined,
  trunkNeedsEncapsulation:
    'Command rejected: An interface whose trunk encapsulation is "Auto" can not be configured to "trunk" mode.',
  creatingChannel: (name) => `Creating a port-channel interface ${name}`,
  vlanNameMax: 32,
};
