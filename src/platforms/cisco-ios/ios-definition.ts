import { hostnamePattern, type CliDefinition } from '../cli-definition.js';
import { CARET_LINE, CISCO_STYLE_REFUSALS, ENTER_CONFIG_NOTICE } from '../cli-grammar.js';

/**
 * Cisco IOS / IOS-XE CLI as data. Prompts (no trailing space): `switch1#`, `switch1(config)#`,
 * `switch1(config-if)#`; a login at `switch1>` (privilege 1) is left with `enable`, answering its password prompt
 * with the enable secret when the host has `become` (cli-device.ts). Refusals: the caret line then
 * `% Invalid input detected at '^' marker.`, `% Incomplete command.`, `% Ambiguous command:  "..."`,
 * `Command rejected: ...`. Notices a configuration command prints when it worked: entering configuration mode,
 * an access VLAN created on the fly, a port-channel created by `channel-group`. `copy running-config
 * startup-config` asks `Destination filename [startup-config]?` unless `file prompt quiet` is configured; Enter
 * accepts the default.
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
    grammar: {
      refusals: [...CISCO_STYLE_REFUSALS, /^Command rejected/i],
      caret: CARET_LINE,
      notices: [
        ENTER_CONFIG_NOTICE,
        /^% Access VLAN does not exist\. Creating vlan \d+$/,
        /^Creating a port-channel interface Port-channel\d+$/,
      ],
    },
    pager: /^\s*--More--\s?/,
    enable: 'enable',
    onOpen: ['terminal length 0', 'terminal width 511'],
    configEnter: 'configure terminal',
    configLeave: 'end',
    save: {
      command: 'copy running-config startup-config',
      question: { prompt: /Destination filename \[[^\]]*\]\?\s*$/, answer: '' },
      // `Building configuration...` then `[OK]`.
      expect: /(^|\n)\[OK\]$/,
    },
  };
}
