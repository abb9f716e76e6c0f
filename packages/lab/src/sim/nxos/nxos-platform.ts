import { configCommands, globalSetting } from '../config-commands.js';
import { invalidAt } from '../config-ports.js';
import { CISCO_ENTER_CONFIG, configShowCommands, namedPort, terminalCommands } from '../exec-commands.js';
import { cloneSimState } from '../model/switch-model.js';
import type { CommandHandler, SimPlatform } from '../sim-cli-types.js';
import type { CommandSpec } from '../sim-grammar.js';
import { NXOS_CHECKPOINT_COMMANDS } from './nxos-checkpoints.js';
import { nxosConfigHeader, renderNxosConfig, renderNxosInterface } from './nxos-render.js';
import { NXOS_CONFIG_RULES, NXOS_PORT_RULES } from './nxos-rules.js';
import {
  nxosInventory,
  nxosLldp,
  nxosLldpDetail,
  nxosPortChannelSummary,
  nxosSwitchport,
  nxosTrunk,
  nxosVersion,
  nxosVlan,
  nxosVlanBrief,
  nxosVlanJson,
} from './nxos-show.js';

const caret = (promptLength: number, col: number): string => `${' '.repeat(promptLength + col)}^`;

const BANNER = [
  'Cisco Nexus Operating System (NX-OS) Software',
  'TAC support: http://www.cisco.com/tac',
  'Copyright (C) 2002-2021, Cisco and/or its affiliates.',
  'All rights reserved.',
  '',
].join('\n');

const save: CommandHandler = (ctx) => {
  ctx.device.startup = cloneSimState(ctx.device.running);
  return `[${'#'.repeat(40)}] 100%\nCopy complete, now saving to disk (please wait)...\nCopy complete.`;
};

/** LLDP commands exist only with `feature lldp`: without it `lldp` is an unknown keyword. */
const lldp =
  (fn: CommandHandler): CommandHandler =>
  (ctx) =>
    ctx.device.running.lldp ? fn(ctx) : invalidAt(ctx, 1);

const exec: CommandSpec<CommandHandler>[] = [
  ...terminalCommands({ maxLength: 511, widths: [24, 511] }),
  ...configShowCommands({
    interfaceKeyword: 'interface',
    enterNotice: CISCO_ENTER_CONFIG,
    running: (state) => renderNxosConfig(state),
    runningInterface: (state, port) =>
      [
        ...nxosConfigHeader(`show running-config interface ${port.name}`),
        '',
        ...renderNxosInterface(state, port),
        '',
      ].join('\n'),
  }),
  { pattern: 'show running-config all', handler: (ctx) => renderNxosConfig(ctx.device.running, true) },
  { pattern: 'configure', handler: (ctx) => void (ctx.cli.mode = { kind: 'config' }) },
  { pattern: 'show version', handler: (ctx) => nxosVersion(ctx.device.hostname) },
  { pattern: 'show inventory', handler: () => nxosInventory() },
  { pattern: 'show hostname', handler: (ctx) => ctx.device.hostname },
  {
    pattern: 'show vlan',
    handler: (ctx) => (ctx.json ? { json: nxosVlanJson(ctx.device.running, false) } : nxosVlan(ctx.device.running)),
  },
  {
    pattern: 'show vlan brief',
    handler: (ctx) => (ctx.json ? { json: nxosVlanJson(ctx.device.running, true) } : nxosVlanBrief(ctx.device.running)),
  },
  {
    pattern: 'show interface switchport',
    handler: (ctx) => nxosSwitchport(ctx.device.running, [...ctx.device.running.ports.values()]),
  },
  {
    pattern: 'show interface <iface> switchport',
    handler: (ctx) => nxosSwitchport(ctx.device.running, [namedPort(ctx, 2)]),
  },
  { pattern: 'show interface trunk', handler: (ctx) => nxosTrunk(ctx.device.running) },
  { pattern: 'show port-channel summary', handler: (ctx) => nxosPortChannelSummary(ctx.device.running) },
  { pattern: 'show lldp neighbors', handler: lldp((ctx) => nxosLldp(ctx.device)) },
  { pattern: 'show lldp neighbors detail', handler: lldp((ctx) => nxosLldpDetail(ctx.device)) },
  ...NXOS_CHECKPOINT_COMMANDS,
  { pattern: 'copy running-config startup-config', handler: save },
];

const config = configCommands(NXOS_CONFIG_RULES);

const setGlobal = (
  key: 'lldp' | 'systemDefaultSwitchport' | 'systemDefaultSwitchportShutdown',
  value: boolean,
): CommandHandler => globalSetting((s) => void (s[key] = value));

/**
 * NX-OS (Nexus 9000, 9.3): logins land in `switch1# ` (a space after `#`), `show` works in every mode, `;` separates
 * commands, `| json` and `| json-pretty` give NX-API's structured output, errors put a `^` under the offending token.
 * Safety: checkpoints and rollback, no commit timer.
 */
export const NXOS_SIM: SimPlatform = {
  id: 'cisco_nxos',
  rules: NXOS_PORT_RULES,
  defaultPrivilege: 15,
  showInConfig: true,
  semicolonSeparates: true,
  pipes: ['json', 'json-pretty', 'no-more'],
  noJson: '% JSON output not supported for this command',
  bootPorts: [...Array.from({ length: 48 }, (_, i) => `Ethernet1/${i + 1}`), 'mgmt0'],
  banner: () => BANNER,
  prompt: (host, mode) => {
    const suffix = mode.kind === 'exec' || mode.kind === 'user' ? '' : `(${mode.kind})`;
    return `${host}${suffix}# `;
  },
  invalid: (_line, col, _token, promptLength) => `${caret(promptLength, col)}\n% Invalid command at '^' marker.`,
  incomplete: (line, promptLength) =>
    `${caret(promptLength, line.trimEnd().length + 1)}\n% Incomplete command at '^' marker.`,
  ambiguous: (_line, col, promptLength) => `${caret(promptLength, col)}\n% Ambiguous command at '^' marker.`,
  commands: {
    user: exec,
    exec,
    config: [
      ...config.config,
      { pattern: 'feature lldp', handler: setGlobal('lldp', true) },
      { pattern: 'no feature lldp', handler: setGlobal('lldp', false) },
      { pattern: 'system default switchport', handler: setGlobal('systemDefaultSwitchport', true) },
      { pattern: 'no system default switchport', handler: setGlobal('systemDefaultSwitchport', false) },
      { pattern: 'system default switchport shutdown', handler: setGlobal('systemDefaultSwitchportShutdown', true) },
      {
        pattern: 'no system default switchport shutdown',
        handler: setGlobal('systemDefaultSwitchportShutdown', false),
      },
    ],
    'config-if': config['config-if'],
    'config-vlan': [...config['config-vlan'], { pattern: '[no] shutdown', handler: () => undefined }],
    'config-archive': [],
  },
  renderRunning: (_device, state) => renderNxosConfig(state),
};
