import type { InterfaceNaming } from '../interface-names.js';

/** NX-OS interface types (`Eth1/3` -> `Ethernet1/3`, `po10` -> `port-channel10`). */
export const NXOS_INTERFACE_NAMES: InterfaceNaming = {
  types: ['Ethernet', 'port-channel', 'loopback', 'mgmt', 'Vlan', 'nve', 'Tunnel'],
  aliases: { po: 'port-channel', lo: 'loopback' },
  frontPanel: (n) => `Ethernet1/${n}`,
};
