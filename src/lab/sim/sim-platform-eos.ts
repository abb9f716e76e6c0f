import { createTwoFilesPatch } from 'diff';
import { EOS_DIALECT } from '../../platforms/arista-eos/eos-parse.js';
import { cloneSwitchState } from '../../platforms/switch-state.js';
import { renderEosConfig, renderEosInterface } from './render-eos.js';
import {
  SimCommandError,
  type CliMode,
  type CommandContext,
  type CommandHandler,
  type SimPlatform,
} from './sim-cli-types.js';
import { configCommands, endConfig } from './sim-config-commands.js';
import type { CommandSpec } from './sim-grammar.js';
import { enterConfig, execCommands, terminalCommands } from './sim-exec-commands.js';

const render = (ctx: CommandContext, state = ctx.device.running): string =>
  renderEosConfig(state, { hostname: ctx.device.hostname });

function sessionOf(ctx: CommandContext): string {
  const name = ctx.cli.session;
  if (name === undefined || !ctx.device.sessions.has(name))
    throw new SimCommandError(ctx.platform.invalid(ctx.line, 0, 0, 0));
  return name;
}

const enterSession: CommandHandler = (ctx) => {
  let name = ctx.args.params['word'];
  if (name === undefined) {
    let n = 1;
    while (ctx.device.sessions.has(`session${n}`)) n++;
    name = `session${n}`;
  }
  if (!ctx.device.sessions.has(name))
    ctx.device.sessions.set(name, { state: cloneSwitchState(ctx.device.running), status: 'pending' });
  ctx.cli.session = name;
  ctx.cli.mode = { kind: 'config' };
};

/** `commit` (in the session, or `configure session NAME commit` from EXEC): applies, or confirms a commit timer. */
function commitSession(ctx: CommandContext, name: string): void {
  const session = ctx.device.sessions.get(name);
  if (!session) throw new SimCommandError(`% Session ${name} does not exist`);
  if (ctx.device.pendingRevert?.session === name) ctx.device.confirmRevert();
  else {
    ctx.device.setRunning(session.state);
    ctx.device.sessions.delete(name);
  }
  endConfig(ctx);
}

const commitTimer: CommandHandler = (ctx) => {
  const name = sessionOf(ctx);
  const [h, m, s] = ctx.args.params['hms']!.split(':').map(Number) as [number, number, number];
  const previous = cloneSwitchState(ctx.device.running);
  ctx.device.setRunning(ctx.device.sessions.get(name)!.state);
  ctx.device.sessions.get(name)!.status = 'pendingCommitTimer';
  ctx.device.armRevert(h * 3600 + m * 60 + s, previous, name);
  endConfig(ctx);
};

/**
 * `abort`: drops the session. A session whose `commit timer` is still running is rolled back at once (EOS
 * restores the configuration saved when the timer was armed), not left to the timer.
 */
function abortSession(ctx: CommandContext, name: string): void {
  if (ctx.device.pendingRevert?.session === name) ctx.device.revertNow();
  ctx.device.sessions.delete(name);
}

const abort: CommandHandler = (ctx) => {
  abortSession(ctx, sessionOf(ctx));
  endConfig(ctx);
};

const sessionDiffs: CommandHandler = (ctx) => {
  const name = sessionOf(ctx);
  const patch = createTwoFilesPatch(
    'system:/running-config',
    `session:/${name}-session-config`,
    render(ctx),
    render(ctx, ctx.device.sessions.get(name)!.state),
    '',
    '',
    { context: 3 },
  );
  return patch.slice(patch.indexOf('--- ')).trimEnd();
};

const listSessions: CommandHandler = (ctx) => {
  const rows = [...ctx.device.sessions].map(
    ([name, s]) => `  ${name.padEnd(12)} ${s.status === 'pending' ? 'pending' : 'pendingCommitTimer'}`,
  );
  return [
    'Maximum number of completed sessions: 1',
    'Maximum number of pending sessions: 5',
    '',
    '  Name         State',
    '  ------------ ------------------',
    ...rows,
  ].join('\n');
};

const save: CommandHandler = (ctx) => {
  ctx.device.startup = cloneSwitchState(ctx.device.running);
  return 'Copy completed successfully.';
};

/** Commands valid in every configuration mode of a session. */
const SESSION_COMMANDS: CommandSpec<CommandHandler>[] = [
  { pattern: 'commit', handler: (ctx) => commitSession(ctx, sessionOf(ctx)) },
  { pattern: 'commit timer <hms>', handler: commitTimer },
  { pattern: 'abort', handler: abort },
  { pattern: 'show session-config diffs', handler: sessionDiffs },
  { pattern: 'show session-config', handler: (ctx) => render(ctx, ctx.device.sessions.get(sessionOf(ctx))!.state) },
];

const config = configCommands({
  modes: ['access', 'trunk', 'dot1q-tunnel'],
  creatable: /^(Port-Channel|Loopback|Vlan)\d/,
  vlan1Undeletable: '% VLAN 1 is the default VLAN and cannot be deleted',
});

const exec: CommandSpec<CommandHandler>[] = [
  ...execCommands({
    interfaceKeyword: 'interfaces',
    vlanBrief: {
      idWidth: 5,
      listsTrunks: true,
      shortName: (n) => n.replace(/^Ethernet/, 'Et').replace(/^Port-Channel/, 'Po'),
    },
  }),
  { pattern: 'configure', handler: enterConfig },
  { pattern: 'configure session', handler: enterSession },
  { pattern: 'configure session <word>', handler: enterSession },
  { pattern: 'configure session <word> commit', handler: (ctx) => commitSession(ctx, ctx.args.params['word']!) },
  { pattern: 'configure session <word> abort', handler: (ctx) => abortSession(ctx, ctx.args.params['word']!) },
  { pattern: 'show configuration sessions', handler: listSessions },
  {
    pattern: 'show version',
    handler: (ctx) =>
      `Arista vEOS-lab\nHardware version:\nSerial number: SIM-${ctx.device.hostname}\n\nSoftware image version: 4.30.1F\n`,
  },
  { pattern: 'show startup-config', handler: (ctx) => render(ctx, ctx.device.startup) },
  { pattern: 'copy running-config startup-config', handler: save },
  { pattern: 'write memory', handler: save },
  { pattern: 'write', handler: save },
  { pattern: 'disable', handler: (ctx) => void (ctx.cli.mode = { kind: 'user' }) },
];

const privileged = (ctx: CommandContext): never => {
  void ctx;
  throw new SimCommandError('% Invalid input (privileged mode required)');
};

const user: CommandSpec<CommandHandler>[] = [
  ...terminalCommands(),
  { pattern: 'enable', handler: (ctx) => void (ctx.cli.mode = { kind: 'exec' }) },
  { pattern: 'exit', handler: (ctx) => ctx.cli.close() },
  { pattern: 'show version', handler: exec.find((c) => c.pattern === 'show version')!.handler },
  ...exec
    .filter((c) => !/^(show version|exit|terminal)/.test(c.pattern))
    .map((c) => ({ pattern: c.pattern, handler: privileged })),
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

/**
 * Arista EOS 4.30: `switch1>` then `enable`; prompts name the interface (`(config-if-Et3)`) and VLAN; in a
 * configuration session the prompt shows `s-` and the session name cut to its first 6 characters
 * (`(config-s-acp-pl)`, `(config-s-acp-pl-if-Et3)`). Errors carry no `^` marker.
 */
export const EOS_SIM: SimPlatform = {
  id: 'arista_eos',
  dialect: EOS_DIALECT,
  defaultPrivilege: 1,
  showInConfig: true,
  semicolonSeparates: false,
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
    config: [...config.config, ...SESSION_COMMANDS],
    'config-if': [...config['config-if'], ...SESSION_COMMANDS],
    'config-vlan': [...config['config-vlan'], ...SESSION_COMMANDS],
    'config-archive': [],
  },
  renderRunning: (device, state) => renderEosConfig(state, { hostname: device.hostname }),
  renderInterface: (_device, port) => renderEosInterface(port).join('\n'),
};
