import { IOS_DIALECT } from '../../platforms/cisco-ios/ios-parse.js';
import { cloneSwitchState, type PortState, type SwitchState } from '../../platforms/switch-state.js';
import { renderIosConfig, renderIosInterface } from './render-ios.js';
import { SimCommandError, type CommandContext, type CommandHandler, type SimPlatform } from './sim-cli-types.js';
import { configCommands, endConfig } from './sim-config-commands.js';
import type { SimDevice } from './sim-device.js';
import { compileCommands, matchLine, type CommandSpec, type Compiled } from './sim-grammar.js';
import { execCommands, terminalCommands } from './sim-exec-commands.js';

function archiveBlock(device: SimDevice): string[][] {
  const a = device.archive;
  if (!a) return [];
  return [
    [
      'archive',
      ...(a.path !== undefined ? [` path ${a.path}`] : []),
      ...(a.maximum !== undefined ? [` maximum ${a.maximum}`] : []),
    ],
  ];
}

function render(device: SimDevice, state: SwitchState): string {
  return renderIosConfig(state, {
    hostname: device.hostname,
    vtpTransparent: device.vtpTransparent,
    extraBlocks: archiveBlock(device),
  });
}

const BUILT = 'Building configuration...\n[OK]';

const save = (ctx: CommandContext): string => {
  ctx.device.startup = cloneSwitchState(ctx.device.running);
  return BUILT;
};

const copyRunStart: CommandHandler = (ctx) =>
  ctx.cli.ask('Destination filename [startup-config]? ', (answer) => {
    if (answer.trim() !== '' && answer.trim() !== 'startup-config')
      throw new SimCommandError(`%Error opening ${answer.trim()} (Permission denied)`);
    return save(ctx);
  });

const revertTimer: CommandHandler = (ctx) => {
  // The rollback needs an archive of the running config to roll back to.
  if (ctx.device.archive?.path === undefined)
    throw new SimCommandError('% Archive path is not configured; configure "archive" / "path" first');
  ctx.device.armRevert(Number(ctx.args.params['num']) * 60, cloneSwitchState(ctx.device.running));
  ctx.cli.mode = { kind: 'config' };
};

const resetTimer: CommandHandler = (ctx) => {
  const pending = ctx.device.pendingRevert;
  if (pending) ctx.device.armRevert(Number(ctx.args.params['num']) * 60, pending.previous);
};

const enable: CommandHandler = (ctx) => {
  const secret = ctx.device.opts.enableSecret;
  if (secret === undefined) return void (ctx.cli.mode = { kind: 'exec' });
  return ctx.cli.ask(
    'Password: ',
    (answer) => {
      if (answer !== secret) throw new SimCommandError('% Bad secrets\n');
      ctx.cli.mode = { kind: 'exec' };
      return '';
    },
    { secret: true },
  );
};

const setArchive =
  (key: 'path' | 'maximum'): CommandHandler =>
  (ctx) => {
    const a = { ...(ctx.device.archive ?? {}) };
    if (key === 'path') a.path = ctx.args.params['word']!;
    else a.maximum = Number(ctx.args.params['num']);
    ctx.device.archive = a;
  };

const config = configCommands({
  modes: ['access', 'trunk', 'dot1q-tunnel', 'dynamic auto', 'dynamic desirable'],
  creatable: /^(Port-channel|Loopback|Vlan|Tunnel)\d/,
  createsAccessVlan: (id) => `% Access VLAN does not exist. Creating vlan ${id}`,
  vlan1Undeletable: '%Default VLAN 1 may not be deleted.\n',
});

const exec: CommandSpec<CommandHandler>[] = [
  ...execCommands({
    interfaceKeyword: 'interface',
    vlanBrief: {
      idWidth: 4,
      listsTrunks: false,
      shortName: (n) =>
        n
          .replace(/^GigabitEthernet/, 'Gi')
          .replace(/^TenGigabitEthernet/, 'Te')
          .replace(/^Port-channel/, 'Po'),
      extraRows: [
        '1002 fddi-default                     act/unsup',
        '1003 token-ring-default               act/unsup',
        '1004 fddinet-default                  act/unsup',
        '1005 trnet-default                    act/unsup',
      ],
    },
  }),
  { pattern: 'configure terminal revert timer <num>', handler: revertTimer },
  { pattern: 'configure confirm', handler: (ctx) => void ctx.device.confirmRevert() },
  { pattern: 'configure revert now', handler: (ctx) => void ctx.device.revertNow() },
  { pattern: 'configure revert timer <num>', handler: resetTimer },
  { pattern: 'copy running-config startup-config', handler: copyRunStart },
  { pattern: 'write memory', handler: save },
  { pattern: 'write', handler: save },
  { pattern: 'show startup-config', handler: (ctx) => render(ctx.device, ctx.device.startup) },
  {
    pattern: 'show version',
    handler: (ctx) =>
      `Cisco IOS XE Software, Version 17.09.04a\nCisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE)\n\n${ctx.device.hostname} uptime is 1 day\n`,
  },
  { pattern: 'enable', handler: () => undefined },
  { pattern: 'disable', handler: (ctx) => void (ctx.cli.mode = { kind: 'user' }) },
];

const user: CommandSpec<CommandHandler>[] = [
  ...terminalCommands(),
  { pattern: 'enable', handler: enable },
  { pattern: 'exit', handler: (ctx) => ctx.cli.close() },
  { pattern: 'show version', handler: exec.find((c) => c.pattern === 'show version')!.handler },
];

const caret = (promptLength: number, col: number): string => `${' '.repeat(promptLength + col)}^`;

/**
 * Cisco IOS / IOS-XE (Catalyst 9000): `switch1>` then `enable`; prompts have no space after `>`/`#`; errors put a
 * `^` under the token and end with a blank line; `copy running-config startup-config` asks for the destination.
 * Safety: `archive` + `configure terminal revert timer N` (minutes) confirmed by `configure confirm`.
 */
export const IOS_SIM: SimPlatform = {
  id: 'cisco_ios',
  dialect: IOS_DIALECT,
  defaultPrivilege: 1,
  showInConfig: false,
  semicolonSeparates: false,
  banner: () => '\n',
  prompt: (host, mode) =>
    mode.kind === 'user' ? `${host}>` : mode.kind === 'exec' ? `${host}#` : `${host}(${mode.kind})#`,
  invalid: (_line, col, _token, promptLength) =>
    `${caret(promptLength, col)}\n% Invalid input detected at '^' marker.\n`,
  incomplete: () => '% Incomplete command.\n',
  ambiguous: (text) => `% Ambiguous command:  "${text}"`,
  commands: {
    user,
    exec,
    config: [
      ...config.config,
      {
        pattern: 'archive',
        handler: (ctx) => void ((ctx.device.archive ??= {}), (ctx.cli.mode = { kind: 'config-archive' })),
      },
      { pattern: 'do <rest>', handler: (ctx) => runDo(ctx) },
    ],
    'config-if': [...config['config-if'], { pattern: 'do <rest>', handler: (ctx) => runDo(ctx) }],
    'config-vlan': config['config-vlan'],
    'config-archive': [
      { pattern: 'path <word>', handler: setArchive('path') },
      { pattern: 'maximum <num>', handler: setArchive('maximum') },
      { pattern: 'write-memory', handler: () => undefined },
      { pattern: 'time-period <num>', handler: () => undefined },
      { pattern: 'exit', handler: (ctx) => void (ctx.cli.mode = { kind: 'config' }) },
      { pattern: 'end', handler: endConfig },
    ],
  },
  renderRunning: render,
  renderInterface: (device, port: PortState) => {
    const body = ['!', ...renderIosInterface(port), 'end', ''].join('\n');
    void device;
    return ['Building configuration...', '', `Current configuration : ${body.length} bytes`, body].join('\n');
  },
};

/** `do CMD` in configuration mode runs an EXEC command (IOS needs `do`; the mode stays). */
function runDo(ctx: CommandContext): string {
  const rest = ctx.args.params['rest']!;
  execCompiled ??= compileCommands(exec);
  const m = matchLine(rest, execCompiled);
  const col = ctx.line.length - rest.length;
  if (m.kind === 'incomplete') throw new SimCommandError(IOS_SIM.incomplete(ctx.line, ctx.promptLength));
  if (m.kind !== 'ok')
    throw new SimCommandError(IOS_SIM.invalid(ctx.line, m.kind === 'invalid' ? col + m.col : col, 1, ctx.promptLength));
  return m.handler({ ...ctx, args: m.args, line: rest, expanded: m.expanded }) ?? '';
}

let execCompiled: Compiled<CommandHandler>[] | undefined;
