import { hostnamePattern, type CliDefinition } from '../cli-definition.js';

/**
 * Arista EOS CLI as data. Prompts (no trailing space): `switch1>` (unprivileged, left with `enable`), `switch1#`,
 * and config modes including configuration sessions, whose prompt shows a shortened session name
 * (`switch1(config-s-acp-pl)#`, `switch1(config-s-acp-pl-if-Et1)#`).
 */
export function eosDefinition(hostname: string): CliDefinition {
  const host = hostnamePattern(hostname);
  return {
    platform: 'arista_eos',
    hostname,
    prompts: {
      exec: new RegExp(`^${host}#\\s*$`),
      config: new RegExp(`^${host}\\(config[^)]*\\)#\\s*$`),
      unprivileged: new RegExp(`^${host}>\\s*$`),
    },
    failures: [
      '% Invalid input',
      '% Incomplete command',
      '% Ambiguous command',
      '% Unavailable command',
      '% Unrecognized command',
      '% Not supported',
      '% Cannot',
      '% Error',
      'ERROR:',
    ],
    enable: 'enable',
    onOpen: ['terminal length 0', 'terminal width 511'],
    configEnter: 'configure terminal',
    configLeave: 'end',
    save: { command: 'write memory' },
  };
}
