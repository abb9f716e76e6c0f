import type { ConfigRules } from '../config-rules.js';
import type { PortRules } from '../model/port-rules.js';

/**
 * Arista EOS 4.30: every Ethernet and port-channel is a switchport in access VLAN 1 and up by default. A
 * port-channel member keeps its own switchport lines, which have no effect while it is a member (the port-channel's
 * settings apply).
 */
export const EOS_PORT_RULES: PortRules = {
  platform: 'arista_eos',
  defaultSwitchport: (kind) => kind === 'ethernet' || kind === 'port-channel',
  defaultShutdown: () => false,
  defaultMode: 'access',
  modes: ['access', 'trunk', 'dot1q-tunnel'],
  memberConfig: 'ignore',
};

export const EOS_CONFIG_RULES: ConfigRules = {
  ports: EOS_PORT_RULES,
  undeletableVlan: (id) => (id === 1 ? '% VLAN 1 is the default VLAN and cannot be deleted' : undefined),
  vlanNameMax: 32,
};
