import type { InterfaceNaming } from '../interface-names.js';

/**
 * IOS / IOS-XE interface types, in match order: `Gi` -> GigabitEthernet, `Tw` -> TwoGigabitEthernet (write `Twe`
 * for TwentyFiveGigE), `Te` -> TenGigabitEthernet, `Hu` -> HundredGigE.
 */
export const IOS_INTERFACE_NAMES: InterfaceNaming = {
  types: [
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
  aliases: { po: 'Port-channel', hu: 'HundredGigE', twe: 'TwentyFiveGigE', te: 'TenGigabitEthernet' },
  frontPanel: (n) => `GigabitEthernet1/0/${n}`,
};
