import { CLI_SWITCH_VARS } from '../cli-definition.js';
import type { PlatformSpec } from '../platform-spec.js';
import { EOS_LLDP } from './eos-lldp.js';
import { EOS_COMMANDS } from './eos-commands.js';
import { eosDriver } from './eos-driver.js';
import { EOS_INTERFACE_NAMES } from './eos-interface-names.js';
import { parseEosConfig } from './eos-parse.js';

/** Arista EOS: CLI over an SSH shell; `configure session`, `commit timer`, a confirming commit, `abort`. */
export const eosPlatform: PlatformSpec = {
  id: 'arista_eos',
  aliases: ['eos', 'arista.eos.eos'],
  role: 'switch',
  hostVars: CLI_SWITCH_VARS,
  template: { path: 'switch/arista_eos/running-config.njk', extension: 'cfg' },
  switch: {
    kind: 'commands',
    interfaceNames: EOS_INTERFACE_NAMES,
    planning: { nativeAlwaysAllowed: false, unlistedPortCarries: 'all-vlans' },
    parse: parseEosConfig,
    emitter: EOS_COMMANDS,
    driver: eosDriver,
  },
  lldp: EOS_LLDP,
};
