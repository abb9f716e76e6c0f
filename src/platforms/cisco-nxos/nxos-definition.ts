import { hostnamePattern, type CliDefinition } from '../cli-definition.js';
import { CARET_LINE, CISCO_STYLE_REFUSALS, ENTER_CONFIG_NOTICE } from '../cli-grammar.js';

/**
 * Cisco NX-OS CLI as data. Prompts: `switch1# ` (exec; NX-OS roles never land at a `>` prompt) and
 * `switch1(config)# `, `switch1(config-if)# `, `switch1(config-vlan)# ` (config), each with a trailing space.
 * Refusals: the caret line then `% Invalid command at '^' marker.` (or Incomplete / Ambiguous), `ERROR: ...`,
 * `command failed: ...` (a port-channel member that is not compatible). A configuration command prints nothing.
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
    grammar: {
      refusals: [...CISCO_STYLE_REFUSALS, /^Syntax error while parsing/i, /^command failed:/i],
      caret: CARET_LINE,
      notices: [ENTER_CONFIG_NOTICE],
    },
    pager: /^\s*--More--\s?/,
    onOpen: ['terminal length 0', 'terminal width 511'],
    configEnter: 'configure terminal',
    configLeave: 'end',
    // `[####...] 100%` or `Copy progress 100% 6KB`, `Copy complete, now saving to disk (please wait)...`,
    // `Copy complete.` (the last line is missing from some recordings).
    save: { command: 'copy running-config startup-config', expect: /(^|\n)Copy complete\b/ },
  };
}
