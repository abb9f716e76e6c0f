import { NXOS_DIALECT } from '../../platforms/cisco-nxos/nxos-parse.js';
import { cloneSwitchState } from '../../platforms/switch-state.js';
import { renderNxosConfig, renderNxosInterface } from './render-nxos.js';
import { SimCommandError, type CommandHandler, type SimPlatform } from './sim-cli-types.js';
import { configCommands } from './sim-config-commands.js';
import { enterConfig, execCommands } from './sim-exec-commands.js';

/** NX-OS keeps at most ten user checkpoints. */
const MAX_CHECKPOINTS = 10;

const caret = (promptLength: number, col: number): string => `${' '.repeat(promptLength + col)}^`;

const BANNER = [
  'Cisco Nexus Operating System (NX-OS) Software',
  'TAC support: http://www.cisco.com/tac',
  'Copyright (C) 2002-2021, Cisco and/or its affiliates.',
  'All rights reserved.',
  '',
].join('\n');

const checkpoint: CommandHandler = (ctx) => {
  const cps = ctx.device.checkpoints;
  let name = ctx.args.params['word'];
  if (name === undefined) {
    let n = 1;
    while (cps.has(`user-checkpoint-${n}`)) n++;
    name = `user-checkpoint-${n}`;
  }
  // Wording of these two errors is this simulator's; drivers should treat any `ERROR:` line as failure.
  if (cps.has(name)) throw new SimCommandError(`ERROR: Checkpoint name ${name} is already in use`);
  if (cps.size >= MAX_CHECKPOINTS) throw new SimCommandError('ERROR: Maximum number of checkpoints (10) reached');
  cps.set(name, { state: cloneSwitchState(ctx.device.running), createdAt: new Date(), user: ctx.cli.username });
  return '.......Done';
};

const removeCheckpoint: CommandHandler = (ctx) => {
  const name = ctx.args.params['word']!;
  if (!ctx.device.checkpoints.delete(name)) throw new SimCommandError(`ERROR: Checkpoint ${name} does not exist`);
};

const rollback: CommandHandler = (ctx) => {
  const cp = ctx.device.checkpoints.get(ctx.args.params['word']!);
  if (!cp) throw new SimCommandError(`ERROR: Checkpoint ${ctx.args.params['word']!} does not exist`);
  ctx.device.setRunning(cp.state);
  return [
    'Note: Applying config parallelly may fail Rollback verification',
    'Collecting Running-Config',
    '#Generating Rollback Patch',
    'Executing Rollback Patch',
    'Generating Running-config for verification',
    'Generating Patch for verification',
    'Verification is Successful.',
    '',
    'Rollback completed successfully.',
    '',
  ].join('\n');
};

const checkpointSummary: CommandHandler = (ctx) => {
  const rule = '-'.repeat(80);
  const lines = ['User Checkpoints:', rule];
  let i = 1;
  for (const [name, cp] of ctx.device.checkpoints) {
    const size = renderNxosConfig(cp.state, { hostname: ctx.device.hostname }).length;
    lines.push(
      `${i++}) ${name}:`,
      `Created by ${cp.user}`,
      `Created at ${cp.createdAt.toUTCString()}`,
      `Size is ${size.toLocaleString('en-US')} bytes`,
      'Description: None',
      '',
    );
  }
  lines.push('System Checkpoints:', rule, '');
  return lines.join('\n');
};

const copyRunStart: CommandHandler = (ctx) => {
  ctx.device.startup = cloneSwitchState(ctx.device.running);
  return `[${'#'.repeat(40)}] 100%\nCopy complete, now saving to disk (please wait)...\nCopy complete.`;
};

const VERSION = (host: string): string =>
  [
    'Cisco Nexus Operating System (NX-OS) Software',
    '',
    'Software',
    '  NXOS: version 9.3(8)',
    '',
    'Hardware',
    '  cisco Nexus9000 C93180YC-EX chassis',
    `  Device name: ${host}`,
    '',
  ].join('\n');

const config = configCommands({
  modes: ['access', 'trunk', 'dot1q-tunnel', 'fex-fabric'],
  creatable: /^(port-channel|loopback|Vlan)\d/,
  needsSwitchportFirst: (port) => `ERROR: ${port}: requested config change not allowed`,
  vlan1Undeletable: 'ERROR: vlan 1 is the default VLAN and cannot be deleted',
});

const exec = [
  ...execCommands({
    interfaceKeyword: 'interface',
    vlanBrief: {
      idWidth: 4,
      listsTrunks: true,
      shortName: (n) => n.replace(/^Ethernet/, 'Eth').replace(/^port-channel/, 'Po'),
    },
  }),
  { pattern: 'configure', handler: enterConfig },
  { pattern: 'show version', handler: ((ctx) => VERSION(ctx.device.hostname)) as CommandHandler },
  {
    pattern: 'show startup-config',
    handler: ((ctx) => renderNxosConfig(ctx.device.startup, { hostname: ctx.device.hostname })) as CommandHandler,
  },
  { pattern: 'checkpoint', handler: checkpoint },
  { pattern: 'checkpoint <word>', handler: checkpoint },
  { pattern: 'no checkpoint <word>', handler: removeCheckpoint },
  { pattern: 'rollback running-config checkpoint <word>', handler: rollback },
  ...['atomic', 'best-effort', 'stop-at-first-failure'].map((w) => ({
    pattern: `rollback running-config checkpoint <word> ${w}`,
    handler: rollback,
  })),
  { pattern: 'show checkpoint summary', handler: checkpointSummary },
  { pattern: 'copy running-config startup-config', handler: copyRunStart },
];

/**
 * NX-OS (Nexus 9000, 9.3): logins land in `switch1# ` (a space after `#`), `show` works in every mode, `;` separates
 * commands, errors put a `^` under the offending token. Safety: checkpoints and rollback, no commit timer.
 */
export const NXOS_SIM: SimPlatform = {
  id: 'cisco_nxos',
  dialect: NXOS_DIALECT,
  defaultPrivilege: 15,
  showInConfig: true,
  semicolonSeparates: true,
  banner: () => BANNER,
  prompt: (host, mode) => {
    const suffix = mode.kind === 'exec' || mode.kind === 'user' ? '' : `(${mode.kind})`;
    return `${host}${suffix}# `;
  },
  invalid: (_line, col, _token, promptLength) => `${caret(promptLength, col)}\n% Invalid command at '^' marker.`,
  incomplete: (line, promptLength) =>
    `${caret(promptLength, line.trimEnd().length + 1)}\n% Incomplete command at '^' marker.`,
  ambiguous: () => `% Ambiguous command at '^' marker.`,
  commands: {
    user: exec,
    exec,
    config: config.config,
    'config-if': config['config-if'],
    'config-vlan': config['config-vlan'],
    'config-archive': [],
  },
  renderRunning: (device, state) => renderNxosConfig(state, { hostname: device.hostname }),
  renderInterface: (_device, port) =>
    [
      '',
      `!Command: show running-config interface ${port.name}`,
      '!Time: Mon Jan  1 00:00:00 2024',
      '',
      'version 9.3(8) Bios:version 05.44',
      '',
      ...renderNxosInterface(port),
      '',
    ].join('\n'),
};
