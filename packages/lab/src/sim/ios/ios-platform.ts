import { configCommands, encapsulationCommands, globalSetting } from '../config-commands.js';
import { invalidAt } from '../config-ports.js';
import {
  CISCO_ENTER_CONFIG,
  configShowCommands,
  enableCommand,
  namedPort,
  terminalCommands,
} from '../exec-commands.js';
import { cloneSimState } from '../model/switch-model.js';
import { SimCommandError, type CommandContext, type CommandHandler, type SimPlatform } from '../sim-cli-types.js';
import { compileCommands, matchLine, type CommandSpec, type Compiled } from '../sim-grammar.js';
import { IOS_ARCHIVE_CONFIG, IOS_ARCHIVE_EXEC, IOS_ARCHIVE_MODE } from './ios-archive.js';
import { iosConfigText, renderIosConfig, renderIosInterface } from './ios-render.js';
import { IOS_CONFIG_RULES, IOS_PORT_RULES } from './ios-rules.js';
import {
  iosEtherchannel,
  iosInventory,
  iosLldp,
  iosLldpDetail,
  iosSwitchport,
  iosTrunk,
  iosVersion,
  iosVlan,
  iosVlanBrief,
} from './ios-show.js';

const BUILT = 'Building configuration...\n[OK]';

const save = (ctx: CommandContext): string => {
  ctx.device.startup = cloneSimState(ctx.device.running);
  return BUILT;
};

const copyRunStart: CommandHandler = (ctx) =>
  ctx.cli.ask('Destination filename [startup-config]? ', (answer) => {
    if (answer.trim() !== '' && answer.trim() !== 'startup-config')
      throw new SimCommandError(`%Error opening ${answer.trim()} (Permission denied)`);
    return save(ctx);
  });

const enable = enableCommand('% Bad secrets\n');

/** LLDP commands answer `% LLDP is not enabled` until `lldp run`. */
const lldp =
  (fn: CommandHandler): CommandHandler =>
  (ctx) => {
    if (!ctx.device.running.lldp) throw new SimCommandError('% LLDP is not enabled');
    return fn(ctx);
  };

const privilege: CommandHandler = (ctx) => `Current privilege level is ${ctx.cli.mode.kind === 'user' ? 1 : 15}`;

const common: CommandSpec<CommandHandler>[] = [
  ...terminalCommands({ maxLength: 512, widths: [0, 512] }),
  { pattern: 'show privilege', handler: privilege },
  { pattern: 'show version', handler: (ctx) => iosVersion(ctx.device) },
  { pattern: 'show inventory', handler: () => iosInventory() },
  { pattern: 'show vlan', handler: (ctx) => iosVlan(ctx.device.running, ctx.cli.termWidth) },
  { pattern: 'show vlan brief', handler: (ctx) => iosVlanBrief(ctx.device.running, ctx.cli.termWidth) },
  {
    pattern: 'show interfaces switchport',
    handler: (ctx) => iosSwitchport(ctx.device.running, [...ctx.device.running.ports.values()]),
  },
  {
    pattern: 'show interfaces <iface> switchport',
    handler: (ctx) => iosSwitchport(ctx.device.running, [namedPort(ctx, 2)]),
  },
  { pattern: 'show interfaces trunk', handler: (ctx) => iosTrunk(ctx.device.running) },
  { pattern: 'show etherchannel summary', handler: (ctx) => iosEtherchannel(ctx.device.running) },
  { pattern: 'show lldp neighbors', handler: lldp((ctx) => iosLldp(ctx.device)) },
  { pattern: 'show lldp neighbors detail', handler: lldp((ctx) => iosLldpDetail(ctx.device)) },
];

const exec: CommandSpec<CommandHandler>[] = [
  ...common,
  ...configShowCommands({
    interfaceKeyword: 'interface',
    enterNotice: CISCO_ENTER_CONFIG,
    running: (state) => renderIosConfig(state),
    runningInterface: (_state, port) => iosConfigText(['!', ...renderIosInterface(port)]),
  }),
  ...IOS_ARCHIVE_EXEC,
  { pattern: 'copy running-config startup-config', handler: copyRunStart },
  { pattern: 'write memory', handler: save },
  { pattern: 'write', handler: save },
  { pattern: 'enable', handler: () => undefined },
  { pattern: 'disable', handler: (ctx) => void (ctx.cli.mode = { kind: 'user' }) },
];

const user: CommandSpec<CommandHandler>[] = [
  ...common,
  { pattern: 'enable', handler: enable },
  { pattern: 'exit', handler: (ctx) => ctx.cli.close() },
  // Privileged commands do not exist at `>`: IOS marks the first word it does not know there.
  ...[
    'show running-config',
    'show startup-config',
    'configure terminal',
    'copy running-config startup-config',
    'write memory',
  ].map((pattern) => ({
    pattern,
    handler: (ctx: CommandContext) => invalidAt(ctx, pattern.startsWith('show') ? 1 : 0),
  })),
];

const config = configCommands(IOS_CONFIG_RULES);

let execCompiled: Compiled<CommandHandler>[] | undefined;

/** `do CMD` in configuration mode runs an EXEC command (IOS needs `do`; the mode stays). */
const runDo: CommandHandler = (ctx) => {
  const rest = ctx.args.params['rest']!;
  execCompiled ??= compileCommands(exec);
  const m = matchLine(rest, execCompiled);
  const col = ctx.line.length - rest.length;
  if (m.kind === 'incomplete') throw new SimCommandError(IOS_SIM.incomplete(ctx.line, ctx.promptLength));
  if (m.kind !== 'ok')
    throw new SimCommandError(IOS_SIM.invalid(ctx.line, m.kind === 'invalid' ? col + m.col : col, 1, ctx.promptLength));
  return m.handler({ ...ctx, args: m.args, line: rest, expanded: m.expanded });
};

const setGlobal = globalSetting;

const caret = (promptLength: number, col: number): string => `${' '.repeat(promptLength + col)}^`;

/**
 * Cisco IOS-XE (Catalyst 9000, 17.9): a privilege-15 login lands at `switch1#`, a privilege-1 login at `switch1>`
 * (then `enable`, with the enable secret when set); prompts have no space after `>`/`#`; errors put a `^` under the
 * token and end with a blank line; `copy running-config startup-config` asks for the destination; `show` in
 * configuration mode needs `do`. Safety: `archive` + `configure terminal revert timer N` confirmed by `configure
 * confirm`.
 */
export const IOS_SIM: SimPlatform = {
  id: 'cisco_ios',
  rules: IOS_PORT_RULES,
  defaultPrivilege: 15,
  showInConfig: false,
  semicolonSeparates: false,
  pipes: [],
  noJson: '',
  bootPorts: Array.from({ length: 48 }, (_, i) => `GigabitEthernet1/0/${i + 1}`),
  banner: () => '\n',
  prompt: (host, mode) =>
    mode.kind === 'user' ? `${host}>` : mode.kind === 'exec' ? `${host}#` : `${host}(${mode.kind})#`,
  invalid: (_line, col, _token, promptLength) =>
    `${caret(promptLength, col)}\n% Invalid input detected at '^' marker.\n`,
  incomplete: () => '% Incomplete command.\n',
  ambiguous: (line) => `% Ambiguous command:  "${line.trim()}"`,
  commands: {
    user,
    exec,
    config: [
      ...config.config,
      ...IOS_ARCHIVE_CONFIG,
      { pattern: 'lldp run', handler: setGlobal((s) => void (s.lldp = true)) },
      { pattern: 'no lldp run', handler: setGlobal((s) => void (s.lldp = false)) },
      ...(['server', 'client', 'transparent', 'off'] as const).map((m) => ({
        pattern: `vtp mode ${m}`,
        handler: setGlobal((s) => void (s.vtpMode = m)),
      })),
      { pattern: 'do <rest>', handler: runDo },
    ],
    'config-if': [
      ...config['config-if'],
      ...encapsulationCommands(IOS_CONFIG_RULES),
      { pattern: 'do <rest>', handler: runDo },
    ],
    'config-vlan': [...config['config-vlan'], { pattern: 'do <rest>', handler: runDo }],
    'config-archive': IOS_ARCHIVE_MODE,
  },
  renderRunning: (_device, state) => renderIosConfig(state),
};
