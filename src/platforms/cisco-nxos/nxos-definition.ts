import { hostnamePattern, type CliDefinition } from '../cli-definition.js';

/**
 * Cisco NX-OS CLI as data. Prompts: `switch1# ` (exec; NX-OS roles never land at a `>` prompt) and
 * `switch1(config)# `, `switch1(config-if)# `, `switch1(config-vlan)# ` (config), each with a trailing space.
 */
export function nxosDefinition(hostname: string): CliDefinition {
  const host = hostnamePattern(hostname);
  return {
    platform: 'cisco_nxos',
    hostname,
    prompts: {
      exec: new RegExp(`^${host}#\\s*$`),
      config: new RegExp(`^${host}\\(config[^)]*\\)#\\s*$`),
    },
    failures: [
      '% Invalid command',
      '% Invalid number',
      '% Invalid parameter',
      '% Invalid range',
      '% Incomplete command',
      '% Ambiguous command',
      '% Permission denied',
      '% Error',
      'ERROR:',
      'Syntax error while parsing',
    ],
    onOpen: ['terminal length 0', 'terminal width 511'],
    configEnter: 'configure terminal',
    configLeave: 'end',
    save: { command: 'copy running-config startup-config' },
  };
}
