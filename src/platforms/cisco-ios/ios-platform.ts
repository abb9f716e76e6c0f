import { CLI_SWITCH_VARS } from '../cli-definition.js';
import type { PlatformSpec } from '../platform-spec.js';
import { IOS_LLDP } from './ios-lldp.js';
import { IOS_COMMANDS } from './ios-commands.js';
import { iosDriver } from './ios-driver.js';
import { IOS_INTERFACE_NAMES } from './ios-interface-names.js';
import { parseIosConfig } from './ios-parse.js';

/**
 * Cisco IOS / IOS-XE: CLI over an SSH shell; `archive` + `configure terminal revert timer`, `configure confirm`,
 * `configure revert now`. The task argument `configure_archive: true` lets the driver configure the archive.
 */
export const iosPlatform: PlatformSpec = {
  id: 'cisco_ios',
  aliases: ['ios', 'cisco.ios.ios'],
  role: 'switch',
  hostVars: {
    ...CLI_SWITCH_VARS,
    isl_capable: {
      type: 'boolean',
      description:
        'true: trunk ports need switchport trunk encapsulation dot1q first; false: never send it (default: as show interfaces switchport says)',
    },
  },
  template: { path: 'switch/cisco_ios/running-config.njk', extension: 'cfg' },
  switch: {
    kind: 'commands',
    interfaceNames: IOS_INTERFACE_NAMES,
    planning: { nativeAlwaysAllowed: false, unlistedPortCarries: 'all-vlans' },
    parse: parseIosConfig,
    emitter: IOS_COMMANDS,
    driver: iosDriver,
  },
  lldp: IOS_LLDP,
};
