import { hostnamePattern, type CliDefinition } from '../cli-definition.js';
import { CARET_LINE, CISCO_STYLE_REFUSALS } from '../cli-grammar.js';

/**
 * Arista EOS CLI as data. Prompts (no trailing space): `switch1>` (unprivileged, left with `enable`), `switch1#`,
 * and config modes including configuration sessions, whose prompt shows a shortened session name
 * (`switch1(config-s-acp-pl)#`, `switch1(config-s-acp-pl-if-Et1)#`). Refusals are `%`-lines
 * (`% Invalid input (at token 4: '2003-2005')`, `% Incomplete command`, `% Ambiguous command`); `configure` and a
 * configuration command print nothing.
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
    grammar: { refusals: CISCO_STYLE_REFUSALS, caret: CARET_LINE, notices: [] },
    pager: /^\s*--More--\s?/,
    enable: 'enable',
    onOpen: ['terminal length 0', 'terminal width 511'],
    configEnter: 'configure terminal',
    configLeave: 'end',
    save: { command: 'write memory', expect: /^Copy completed successfully\.$/ },
  };
}
