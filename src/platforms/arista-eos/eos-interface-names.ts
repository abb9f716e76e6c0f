import type { InterfaceNaming } from '../interface-names.js';

/** EOS interface types (`et1` -> `Ethernet1`, `po10` -> `Port-Channel10`, `ma1` -> `Management1`). */
export const EOS_INTERFACE_NAMES: InterfaceNaming = {
  types: ['Ethernet', 'Port-Channel', 'Loopback', 'Management', 'Vlan', 'Vxlan', 'Tunnel', 'Recirc-Channel'],
  aliases: { po: 'Port-Channel', ma: 'Management', vx: 'Vxlan' },
  frontPanel: (n) => `Ethernet${n}`,
};
