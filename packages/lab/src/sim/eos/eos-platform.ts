import { configCommands, globalSetting } from '../config-commands.js';
import { configShowCommands, enableCommand, namedPort, terminalCommands } from '../exec-commands.js';
import { cloneSimState } from '../model/switch-model.js';
import {
  SimCommandError,
  type CliMode,
  type CommandContext,
  type CommandHandler,
  type SimPlatform,
} from '../sim-cli-types.js';
import type { CommandSpec } from '../sim-grammar.js';
import { renderEosConfig, renderEosInterface } from './eos-render.js';
import { EOS_CONFIG_RULES, EOS_PORT_RULES } from './eos-rules.js';
import { SESSION_CONFIG_COMMANDS, SESSION_EXEC_COMMANDS } from './eos-sessions.js';
import {
  eosLldp,
  eosLldpDetail,
  eosSwitchport,
  eosTrunk,
  eosVersion,
  eosVersionJson,
  eosVlan,
  eosVlanJson,
} from './eos-show.js';

const save: CommandHandler = (ctx) => {
  ctx.device.startup = cloneSimState(ctx.device.running);
  return 'Copy completed successfully.';
};

/** `bash timeout N cat /mnt/flash/boot-config` (Ansible's eos cliconf reads it); other bash is not simulated. */
const bash: CommandHandler = (ctx) => {
  if (/^cat \/mnt\/flash\/boot-config$/.test(ctx.args.params['rest']!.replace(/^timeout \d+ /, '')))
    return 'SWI=flash:/vEOS-lab.swi\n';
  throw new SimCommandError('% bash commands other than reading /mnt/flash/boot-config are not simulated');
};

const show =
  (fn: (ctx: CommandContext) => string, json?: (ctx: CommandContext) => unknown): CommandHandler =>
  (ctx) =>
    ctx.json && json ? { json: json(ctx) } : fn(ctx);

const exec: CommandSpec<CommandHandler>[] = [
  ...terminalCommands({
    maxLength: 32767,
    widths: [10, 32767],
    lengthReply: (n) => (n === 0 ? 'Pagination disabled.' : `Pagination set to ${n} lines.`),
    widthReply: (n) => `Width set to ${n} columns.`,
  }),
  ...configShowCommands({
    interfaceKeyword: 'interfaces',
    running: (state) => renderEosConfig(state),
    runningInterface: (_state, port) => renderEosInterface(port).join('\n'),
  }),
  { pattern: 'configure', handler: (ctx) => void (ctx.cli.mode = { kind: 'config' }) },
  ...SESSION_EXEC_COMMANDS,
  {
    pattern: 'show version',
    handler: show(
      (ctx) => eosVersion(ctx.device),
      (ctx) => eosVersionJson(ctx.device),
    ),
  },
  {
    pattern: 'show hostname',
    handler: show(
      (ctx) => `Hostname: ${ctx.device.hostname}\nFQDN:     ${ctx.device.hostname}`,
      (ctx) => ({ hostname: ctx.device.hostname, fqdn: ctx.device.hostname }),
    ),
  },
  {
    pattern: 'show vlan',
    handler: show(
      (ctx) => eosVlan(ctx.device.running),
      (ctx) => eosVlanJson(ctx.device.running),
    ),
  },
  { pattern: 'show vlan brief', handler: show((ctx) => eosVlan(ctx.device.running)) },
  {
    pattern: 'show interfaces switchport',
    handler: show((ctx) => eosSwitchport(ctx.device.running, [...ctx.device.running.ports.values()])),
  },
  {
    pattern: 'show interfaces <iface> switchport',
    handler: show((ctx) => eosSwitchport(ctx.device.running, [namedPort(ctx, 2)])),
  },
  { pattern: 'show interfaces trunk', handler: show((ctx) => eosTrunk(ctx.device.running)) },
  { pattern: 'show lldp neighbors', handler: show((ctx) => eosLldp(ctx.device)) },
  { pattern: 'show lldp neighbors detail', handler: show((ctx) => eosLldpDetail(ctx.device)) },
  { pattern: 'bash <rest>', handler: bash },
  { pattern: 'copy running-config startup-config', handler: save },
  { pattern: 'write memory', handler: save },
  { pattern: 'write', handler: save },
  { pattern: 'enable', handler: () => undefined },
  { pattern: 'disable', handler: (ctx) => void (ctx.cli.mode = { kind: 'user' }) },
];

const privileged: CommandHandler = () => {
  throw new SimCommandError('% Invalid input (privileged mode required)');
};

const USER_ALLOWED = /^(show version|show hostname|show vlan|show lldp|show interfaces|terminal|exit|enable|disable)/;

const user: CommandSpec<CommandHandler>[] = [
  ...exec.filter((c) => USER_ALLOWED.test(c.pattern) && c.pattern !== 'enable'),
  { pattern: 'enable', handler: enableCommand('% Access denied') },
  ...exec.filter((c) => !USER_ALLOWED.test(c.pattern)).map((c) => ({ pattern: c.pattern, handler: privileged })),
];

const SHORT: ReadonlyArray<[RegExp, string]> = [
  [/^Ethernet/, 'Et'],
  [/^Port-Channel/, 'Po'],
  [/^Management/, 'Ma'],
  [/^Loopback/, 'Lo'],
  [/^Vlan/, 'Vl'],
];

function modeText(mode: CliMode): string {
  if (mode.kind === 'config-if') return `if-${SHORT.reduce((n, [re, s]) => n.replace(re, s), mode.ifaces?.[0] ?? '')}`;
  if (mode.kind === 'config-vlan') return `vlan-${mode.vlans?.join(',') ?? ''}`;
  return '';
}

const config = configCommands(EOS_CONFIG_RULES);

const setLldp = (on: boolean): CommandHandler => globalSetting((s) => void (s.lldp = on));

/**
 * Arista EOS 4.30: `switch1>` then `enable` (unless the user has privilege 15); prompts name the interface
 * (`(config-if-Et3)`) and VLAN; in a configuration session the prompt shows `s-` and the session name cut to its
 * first 6 characters (`(config-s-acp-pl)`, `(config-s-acp-pl-if-Et3)`). `terminal length 0` answers
 * `Pagination disabled.`, `terminal width N` `Width set to N columns.`; `| json` gives eAPI's JSON. Errors carry no
 * `^` marker.
 */
export const EOS_SIM: SimPlatform = {
  id: 'arista_eos',
  rules: EOS_PORT_RULES,
  defaultPrivilege: 1,
  showInConfig: true,
  semicolonSeparates: false,
  pipes: ['json', 'no-more'],
  noJson: '% This is an unconverted command',
  bootPorts: [...Array.from({ length: 48 }, (_, i) => `Ethernet${i + 1}`), 'Management1'],
  banner: () => 'Last login: Mon Jan  1 00:00:00 2024 from 127.0.0.1\n',
  prompt: (host, mode, session) => {
    if (mode.kind === 'user') return `${host}>`;
    if (mode.kind === 'exec') return `${host}#`;
    const parts = [session !== undefined ? `config-s-${session.slice(0, 6)}` : 'config', modeText(mode)].filter(
      (p) => p !== '',
    );
    return `${host}(${parts.join('-')})#`;
  },
  invalid: (line, col, token) =>
    `% Invalid input (at token ${Math.max(token, 0)}: '${/^\S*/.exec(line.slice(col))![0]}')`,
  incomplete: () => '% Incomplete command',
  ambiguous: () => '% Ambiguous command',
  commands: {
    user,
    exec,
    config: [
      ...config.config,
      { pattern: 'lldp run', handler: setLldp(true) },
      { pattern: 'no lldp run', handler: setLldp(false) },
      ...SESSION_CONFIG_COMMANDS,
    ],
    'config-if': [...config['config-if'], ...SESSION_CONFIG_COMMANDS],
    'config-vlan': [...config['config-vlan'], ...SESSION_CONFIG_COMMANDS],
    'config-archive': [],
  },
  renderRunning: (_device, state) => renderEosConfig(state),
};
