import { hostnamePattern, type CliDefinition } from '../cli-definition.js';

/**
 * Cisco IOS / IOS-XE CLI as data. Prompts (no trailing space): `switch1#`, `switch1(config)#`,
 * `switch1(config-if)#`. A login at `switch1>` is refused: acp-play sends no enable secret, so the user needs
 * privilege 15. `copy running-config startup-config` asks `Destination filename [startup-config]?` unless
 * `file prompt quiet` is configured; Enter accepts the default.
 */
export function iosDefinition(hostname: string): CliDefinition {
  const host = hostnamePattern(hostname);
  return {
    platform: 'cisco_ios',
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
      '% Unrecognized command',
      '% Bad',
      '% Error',
      '%Error',
      'Command rejected',
      'ERROR:',
    ],
    onOpen: ['terminal length 0', 'terminal width 511'],
    configEnter: 'configure terminal',
    configLeave: 'end',
    save: {
      command: 'copy running-config startup-config',
      question: { prompt: /Destination filename \[[^\]]*\]\?\s*$/, answer: '' },
    },
  };
}
