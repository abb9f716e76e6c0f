import { CLI_SWITCH_VARS } from '../cli-definition.js';
import type { PlatformSpec } from '../platform-spec.js';
import { NXOS_LLDP } from './nxos-lldp.js';
import { NXOS_COMMANDS } from './nxos-commands.js';
import { nxosDriver } from './nxos-driver.js';
import { NXOS_INTERFACE_NAMES } from './nxos-interface-names.js';
import { parseNxosConfig } from './nxos-parse.js';

/** Cisco NX-OS: CLI over an SSH shell; checkpoint, verify by re-reading, `rollback running-config checkpoint`. */
export const nxosPlatform: PlatformSpec = {
  id: 'cisco_nxos',
  aliases: ['nxos', 'cisco.nxos.nxos'],
  role: 'switch',
  hostVars: CLI_SWITCH_VARS,
  template: { path: 'switch/cisco_nxos/running-config.njk', extension: 'cfg' },
  switch: {
    kind: 'commands',
    interfaceNames: NXOS_INTERFACE_NAMES,
    planning: { nativeAlwaysAllowed: false, unlistedPortCarries: 'all-vlans' },
    parse: parseNxosConfig,
    emitter: NXOS_COMMANDS,
    driver: nxosDriver,
  },
  lldp: NXOS_LLDP,
};
